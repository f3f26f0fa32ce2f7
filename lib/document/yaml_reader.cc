// YAML into the positioned tree, with libyaml's event parser (about 10x faster than yaml-cpp's node
// API here; see docs/architecture.md). Scalars resolve by YAML 1.2's core schema: yes/no/on/off are strings.
#include <yaml.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "base/strings.h"
#include "document/document.h"
#include "document/limits.h"
#include "document/utf8.h"
#include "document/yaml_fast_reader.h"
#include "document/yaml_tree.h"

namespace gomo::document {
namespace {

Mark to_mark(const yaml_mark_t& m) {
  return Mark{static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
}

std::string hint_for(const std::string& problem) {
  if (problem.find("cannot start any token") != std::string::npos)
    return "; YAML does not allow tabs for indentation or reserved characters such as '@' and '`' at the start of a plain value: use spaces, or quote the value";
  if (problem.find("mapping values are not allowed") != std::string::npos)
    return "; a ':' inside a plain value needs quotes, or a key is indented wrongly";
  if (problem.find("did not find expected key") != std::string::npos)
    return "; check the indentation of this line against the keys above it";
  if (problem.find("found undefined alias") != std::string::npos)
    return "; define the anchor (&name) before using *name";
  if (problem.find("UTF-8") != std::string::npos)
    return "; the file must be UTF-8 (re-save it as UTF-8 in your editor)";
  if (problem.find("control characters") != std::string::npos)
    return "; remove it, or write it as an escape in a double-quoted string (\\x07)";
  return "";
}

class YamlReader {
 public:
  explicit YamlReader(Document& doc) : doc_(doc) {}

  void run() {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
      fail("could not initialise the YAML parser (out of memory)", Mark{1, 1});
      return;
    }
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(doc_.text.data()), doc_.text.size());
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    bool ok = parse_stream(parser);
    yaml_parser_delete(&parser);
    if (ok) doc_.parsed = true;
    else doc_.root = Value();
  }

 private:
  bool next(yaml_parser_t& parser, yaml_event_t& event) {
    if (yaml_parser_parse(&parser, &event)) return true;
    std::string msg = parser.problem ? parser.problem : "invalid YAML";
    Mark at = to_mark(parser.problem_mark);
    if (parser.error == YAML_READER_ERROR) {
      // libyaml's reader (bad UTF-8, control characters) gives a byte offset, not a mark.
      size_t offset = parser.problem_offset;
      int value = parser.problem_value;
      if (msg.find("UTF-8") != std::string::npos || msg.find("Unicode") != std::string::npos) {
        // At the sequence's first byte, as the JSON reader says it ("trailing octet" errors point past it).
        const auto* u = reinterpret_cast<const unsigned char*>(doc_.text.data());
        if (msg.find("trailing") != std::string::npos && offset <= doc_.text.size()) {
          // The offset is the bad byte's: back over the good continuation bytes to the first.
          while (offset > 0 && (u[offset - 1] & 0xC0) == 0x80) --offset;
          if (offset > 0) --offset;
        }
        value = offset < doc_.text.size() ? u[offset] : -1;
        msg = "invalid UTF-8";
      }
      at = mark_at_offset(doc_.text, offset, Format::kYaml);
      if (value >= 0) {
        char byte[24];
        std::snprintf(byte, sizeof byte, msg == "invalid UTF-8" ? " (byte 0x%02X)" : " (0x%02X)",
                      static_cast<unsigned>(value));
        msg += byte;
      }
    }
    std::string full = msg;
    if (parser.context) {
      full += " (" + std::string(parser.context);
      full += " started at " + std::to_string(parser.context_mark.line + 1) + ":" +
              std::to_string(parser.context_mark.column + 1) + ")";
    }
    full += hint_for(msg);
    fail(full, at);
    return false;
  }

  void fail(std::string message, Mark at) {
    Problem p;
    p.rule = "syntax";
    p.message = std::move(message);
    p.begin = at;
    p.end = Mark{at.line, at.col + 1};
    doc_.problems.push_back(std::move(p));
  }

  // What reading costs so far against the limits (limits.h): values and text, counting the copies
  // that anchors keep and aliases make, so that a billion-laughs file stops at kMaxValues.
  bool charge(size_t values, size_t bytes, Mark at, std::string_view what) {
    values_ += values;
    bytes_ += bytes;
    if (values_ > kMaxValues) doc_.problems.push_back(limit_problem(Limit::kValues, at, what));
    else if (bytes_ > kMaxTextBytes) doc_.problems.push_back(limit_problem(Limit::kTextBytes, at, what));
    else return true;
    return false;
  }

  bool parse_stream(yaml_parser_t& parser) {
    yaml_event_t event;
    if (!next(parser, event)) return false;  // STREAM_START
    yaml_event_delete(&event);
    int documents = 0;
    while (true) {
      if (!next(parser, event)) return false;
      if (event.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&event);
        break;
      }
      if (event.type != YAML_DOCUMENT_START_EVENT) {
        yaml_event_delete(&event);
        fail("unexpected YAML event", Mark{1, 1});
        return false;
      }
      Mark doc_start = to_mark(event.start_mark);
      yaml_event_delete(&event);
      ++documents;
      if (documents > 1) {
        fail("more than one YAML document in this file: a flow file holds one document; split it at the '---' line",
             doc_start);
        return false;
      }
      if (!next(parser, event)) return false;
      if (!parse_node(parser, event, doc_.root, 0)) return false;
      if (!next(parser, event)) return false;  // DOCUMENT_END
      yaml_event_delete(&event);
    }
    if (documents == 0) {
      fail("empty document: expected a YAML mapping", Mark{1, 1});
      return false;
    }
    return true;
  }

  // Takes ownership of `event` (the node's first event) and deletes it.
  bool parse_node(yaml_parser_t& parser, yaml_event_t& event, Value& v, int depth) {
    if (depth > kMaxDepth) {
      Mark at = to_mark(event.start_mark);
      yaml_event_delete(&event);
      doc_.problems.push_back(limit_problem(Limit::kDepth, at));
      return false;
    }
    v.begin = to_mark(event.start_mark);
    v.end = to_mark(event.end_mark);
    if (event.type == YAML_ALIAS_EVENT) {
      std::string name = reinterpret_cast<const char*>(event.data.alias.anchor);
      yaml_event_delete(&event);
      return copy_anchor(name, v, depth);
    }
    // What an anchor on this node will cost to keep: what this node and its children charge.
    const size_t values_before = values_, bytes_before = bytes_;
    const int deepest_before = deepest_;
    deepest_ = depth;
    std::string anchor;
    if (!charge(1, 0, v.begin, {})) {
      yaml_event_delete(&event);
      return false;
    }
    switch (event.type) {
      case YAML_SCALAR_EVENT: {
        if (event.data.scalar.anchor) anchor = reinterpret_cast<const char*>(event.data.scalar.anchor);
        if (event.data.scalar.length > kMaxScalarBytes) {
          yaml_event_delete(&event);
          doc_.problems.push_back(limit_problem(Limit::kScalarBytes, v.begin));
          return false;
        }
        v.text.assign(reinterpret_cast<const char*>(event.data.scalar.value), event.data.scalar.length);
        std::string tag = event.data.scalar.tag ? reinterpret_cast<const char*>(event.data.scalar.tag) : "";
        bool plain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        yaml_event_delete(&event);
        if (!charge(0, v.text.size(), v.begin, {})) return false;
        const bool core_tag = tag.empty() || tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
                              tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null";
        if (plain && core_tag) resolve_plain(v);
        else v.kind = Kind::kString;  // quoted, !!str, or a tag gomo does not know: keep the text
        break;
      }
      case YAML_SEQUENCE_START_EVENT: {
        if (event.data.sequence_start.anchor) anchor = reinterpret_cast<const char*>(event.data.sequence_start.anchor);
        yaml_event_delete(&event);
        v.kind = Kind::kSequence;
        while (true) {
          yaml_event_t child;
          if (!next(parser, child)) return false;
          if (child.type == YAML_SEQUENCE_END_EVENT) {
            v.end = to_mark(child.end_mark);
            yaml_event_delete(&child);
            break;
          }
          v.items.emplace_back();
          if (!parse_node(parser, child, v.items.back(), depth + 1)) return false;
        }
        break;
      }
      case YAML_MAPPING_START_EVENT: {
        if (event.data.mapping_start.anchor) anchor = reinterpret_cast<const char*>(event.data.mapping_start.anchor);
        yaml_event_delete(&event);
        v.kind = Kind::kMapping;
        while (true) {
          yaml_event_t key_event;
          if (!next(parser, key_event)) return false;
          if (key_event.type == YAML_MAPPING_END_EVENT) {
            v.end = to_mark(key_event.end_mark);
            yaml_event_delete(&key_event);
            break;
          }
          Member m;
          bool scalar_key = key_event.type == YAML_SCALAR_EVENT;
          if (!parse_node(parser, key_event, m.key, depth + 1)) return false;
          if (!scalar_key) {
            fail("only plain text keys are supported in a flow document", m.key.begin);
            return false;
          }
          // Keys are compared as text, whatever their resolved type (`1:` in dtmf branches).
          if (m.key.kind == Kind::kNull && m.key.text.empty()) m.key.text = "";
          m.key.kind = Kind::kString;
          yaml_event_t value_event;
          if (!next(parser, value_event)) return false;
          if (!parse_node(parser, value_event, m.value, depth + 1)) return false;
          v.members.push_back(std::move(m));
        }
        find_duplicate_keys(v.members, Format::kYaml, dups_);
        break;
      }
      default:
        yaml_event_delete(&event);
        fail("unexpected YAML event", v.begin);
        return false;
    }
    const int height = deepest_ - depth;
    deepest_ = std::max(deepest_before, deepest_);
    if (!anchor.empty()) {
      // Keeping a copy costs what the node did (its own values and text, and its aliases' copies).
      Anchor a{Value(), values_ - values_before, bytes_ - bytes_before, height};
      if (!charge(a.values, a.bytes, v.begin, "anchor &" + anchor)) return false;
      a.value = v;
      anchors_[anchor] = std::move(a);
    }
    return true;
  }

  // An alias: a copy of its anchor's value, at the alias's marks, if the limits allow it.
  bool copy_anchor(const std::string& name, Value& v, int depth) {
    auto it = anchors_.find(name);
    if (it == anchors_.end()) {
      fail("unknown alias *" + name, v.begin);
      return false;
    }
    const Anchor& a = it->second;
    if (depth + a.height > kMaxDepth) {
      doc_.problems.push_back(limit_problem(Limit::kDepth, v.begin, "alias *" + name));
      return false;
    }
    if (!charge(a.values, a.bytes, v.begin, "alias *" + name)) return false;
    deepest_ = std::max(deepest_, depth + a.height);
    Mark b = v.begin, e = v.end;
    v = a.value;
    v.begin = b;
    v.end = e;
    return true;
  }

  struct Anchor {
    Value value;
    size_t values = 0, bytes = 0;  // what the value charged
    int height = 0;                // nesting levels below it
  };

 public:
  std::vector<Problem> dups_;

 private:
  Document& doc_;
  std::map<std::string, Anchor> anchors_;
  size_t values_ = 0, bytes_ = 0;  // charged so far
  int deepest_ = 0;                // the deepest level reached in the node being read
};

// A comment on `line` whose text after the '#' is `body`: notes it, and its rules when it is a
// `# gomo-ignore: a, b` comment.
void note_comment(Document& doc, uint32_t line, std::string_view body) {
  doc.has_comments = true;
  while (!body.empty() && body.front() == ' ') body.remove_prefix(1);
  constexpr std::string_view kTag = "gomo-ignore:";
  if (!starts_with(body, kTag)) return;
  IgnoreComment ic;
  ic.line = line;
  std::string rule;
  for (char ch : body.substr(kTag.size())) {
    if (ch == ',' || ch == ' ' || ch == '\t' || ch == '\r') {
      if (!rule.empty()) ic.rules.push_back(rule);
      rule.clear();
    } else {
      rule += ch;
    }
  }
  if (!rule.empty()) ic.rules.push_back(rule);
  doc.ignore_comments.push_back(std::move(ic));
}

// Finds comments. libyaml drops comments, so scan the text; a '#' counts as a comment at the start of
// a line or after whitespace (a '#' inside quotes after a space is rare). Quote state runs from the
// start of each line.
//
// For text whose only line breaks are LF (all the fast path reads): only a '#' can start a comment,
// so jump from one to the next, counting the lines in between and the quotes before it on its line.
void scan_comments_lf(Document& doc) {
  const std::string& t = doc.text;
  uint32_t line = 1;
  size_t line_start = 0;
  size_t at = 0;  // in_single and in_double hold for the text up to `at` on the current line
  bool in_single = false, in_double = false;
  for (size_t i = t.find('#'); i != std::string::npos; i = t.find('#', at)) {
    for (const char* nl = static_cast<const char*>(std::memchr(t.data() + at, '\n', i - at)); nl != nullptr;
         nl = static_cast<const char*>(std::memchr(nl + 1, '\n', static_cast<size_t>(t.data() + i - nl - 1)))) {
      ++line;
      line_start = static_cast<size_t>(nl - t.data()) + 1;
      in_single = in_double = false;
    }
    for (size_t k = std::max(at, line_start); k < i; ++k) {
      if (t[k] == '\'' && !in_double) in_single = !in_single;
      else if (t[k] == '"' && !in_single) in_double = !in_double;
    }
    at = i + 1;
    if (in_single || in_double || !(i == line_start || t[i - 1] == ' ' || t[i - 1] == '\t')) continue;
    size_t end = t.find('\n', i);
    if (end == std::string::npos) end = t.size();
    note_comment(doc, line, std::string_view(t).substr(i + 1, end - i - 1));
    at = end;  // the rest of the line is the comment
  }
}

// Any text: line by line, with the line breaks libyaml counts (a lone CR, NEL, LS, PS too), so that
// a comment on a CR-only file ends where libyaml ends it.
void scan_comments_by_line(Document& doc) {
  for (uint32_t line = 1, lines = doc.line_count(); line <= lines; ++line) {
    const std::string_view t = doc.line_text(line);
    bool in_single = false, in_double = false;
    for (size_t k = 0; k < t.size(); ++k) {
      const char c = t[k];
      if (c == '\'' && !in_double) {
        in_single = !in_single;
      } else if (c == '"' && !in_single) {
        in_double = !in_double;
      } else if (c == '#' && !in_single && !in_double && (k == 0 || t[k - 1] == ' ' || t[k - 1] == '\t')) {
        note_comment(doc, line, t.substr(k + 1));
        break;
      }
    }
  }
}

}  // namespace

void read_yaml_libyaml(Document& doc) {
  if (!check_input_size(doc)) return;
  YamlReader reader(doc);
  reader.run();
  if (doc.parsed) {
    for (auto& d : reader.dups_) doc.problems.push_back(std::move(d));
  }
}

std::unique_ptr<Document> read_yaml(std::string path, std::string text) {
  auto doc = std::make_unique<Document>();
  doc->path = std::move(path);
  doc->text = std::move(text);
  doc->format = Format::kYaml;
  // The fast path reads the block-style subset flows are written in and declines anything else.
  if (!check_input_size(*doc)) return doc;
  Mark too_long;
  const bool fast = read_yaml_fast(*doc, &too_long);
  // A long scalar is refused where the fast path found it: libyaml would scan all of it first (a 60 MB
  // string took 4 s and twice its size in memory) and then refuse it at the same mark.
  if (!fast && too_long.line != 0) doc->problems.push_back(limit_problem(Limit::kScalarBytes, too_long));
  else if (!fast) read_yaml_libyaml(*doc);
  doc->link();
  if (doc->parsed) fill_problem_pointers(*doc);
  // The fast path takes only text whose line breaks are all LF.
  if (fast) scan_comments_lf(*doc);
  else scan_comments_by_line(*doc);
  return doc;
}

}  // namespace gomo::document

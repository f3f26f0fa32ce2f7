// YAML into the positioned tree, with libyaml's event parser (about 10x faster than yaml-cpp's node
// API here; see CONVENTIONS.md). Scalars resolve by YAML 1.2's core schema: yes/no/on/off are strings.
#include <yaml.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "base/strings.h"
#include "document/document.h"
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
  if (problem.find("found undefined alias") != std::string::npos) return "; define the anchor (&name) before using *name";
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
    std::string full = msg;
    if (parser.context) {
      full += " (" + std::string(parser.context);
      full += " started at " + std::to_string(parser.context_mark.line + 1) + ":" +
              std::to_string(parser.context_mark.column + 1) + ")";
    }
    full += hint_for(msg);
    fail(full, to_mark(parser.problem_mark));
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
        fail("more than one YAML document in this file: a flow file holds one document; split it at the '---' line", doc_start);
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
    if (depth > 512) {
      yaml_event_delete(&event);
      fail("nesting deeper than 512 levels", to_mark(event.start_mark));
      return false;
    }
    v.begin = to_mark(event.start_mark);
    v.end = to_mark(event.end_mark);
    std::string anchor;
    switch (event.type) {
      case YAML_ALIAS_EVENT: {
        std::string name = reinterpret_cast<const char*>(event.data.alias.anchor);
        yaml_event_delete(&event);
        auto it = anchors_.find(name);
        if (it == anchors_.end()) {
          fail("unknown alias *" + name, v.begin);
          return false;
        }
        Mark b = v.begin, e = v.end;
        v = it->second;
        v.begin = b;
        v.end = e;
        return true;
      }
      case YAML_SCALAR_EVENT: {
        if (event.data.scalar.anchor) anchor = reinterpret_cast<const char*>(event.data.scalar.anchor);
        v.text.assign(reinterpret_cast<const char*>(event.data.scalar.value), event.data.scalar.length);
        std::string tag = event.data.scalar.tag ? reinterpret_cast<const char*>(event.data.scalar.tag) : "";
        bool plain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        yaml_event_delete(&event);
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
          check_duplicate_key(v.members, m.key, Format::kYaml, dups_);
          v.members.push_back(std::move(m));
        }
        break;
      }
      default:
        yaml_event_delete(&event);
        fail("unexpected YAML event", v.begin);
        return false;
    }
    if (!anchor.empty()) anchors_[anchor] = v;
    return true;
  }

 public:
  std::vector<Problem> dups_;

 private:
  Document& doc_;
  std::map<std::string, Value> anchors_;
};

// Finds `# gomo-ignore: a, b` comments. libyaml drops comments, so scan the text; a '#' counts as a
// comment at the start of a line or after whitespace (a '#' inside quotes after a space is rare).
// Quote state runs from the start of each line. Only a '#' can start a comment, so jump from one to
// the next, counting the lines in between and the quotes before it on its line.
void scan_comments(Document& doc) {
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
    doc.has_comments = true;
    size_t end = t.find('\n', i);
    if (end == std::string::npos) end = t.size();
    std::string_view body = std::string_view(t).substr(i + 1, end - i - 1);
    while (!body.empty() && body.front() == ' ') body.remove_prefix(1);
    constexpr std::string_view kTag = "gomo-ignore:";
    if (starts_with(body, kTag)) {
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
    at = end;  // the rest of the line is the comment
  }
}

}  // namespace

void read_yaml_libyaml(Document& doc) {
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
  if (!read_yaml_fast(*doc)) read_yaml_libyaml(*doc);
  doc->link();
  if (doc->parsed) fill_problem_pointers(*doc);
  scan_comments(*doc);
  return doc;
}

}  // namespace gomo::document

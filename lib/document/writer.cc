#include "document/writer.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <utility>

#include "base/strings.h"
#include "document/limits.h"

namespace gomo::document {
namespace {

bool before(Mark a, Mark b) { return a.line < b.line || (a.line == b.line && a.col < b.col); }
uint64_t mark_key(Mark m) { return (uint64_t(m.line) << 32) | m.col; }

bool all_of_chars(std::string_view s, std::string_view allowed) {
  return !s.empty() && s.find_first_not_of(allowed) == std::string_view::npos;
}

// ---- Numbers --------------------------------------------------------------------------------------

bool is_json_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  if (i >= s.size()) return false;
  if (s[i] == '0') ++i;
  else if (s[i] >= '1' && s[i] <= '9')
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  else return false;
  if (i < s.size() && s[i] == '.') {
    size_t start = ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start) return false;
  }
  return i == s.size();
}

// A float as text both JSON and YAML read back as the same float: the source text when it already
// is one, else the shortest round-tripping form (with ".0" so it stays a float).
std::string float_text(const Value& v) {
  if (is_json_number(v.text) && v.text.find_first_of(".eE") != std::string::npos) return v.text;
  char buf[64];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v.number);
    if (std::strtod(buf, nullptr) == v.number) break;
  }
  std::string out = buf;
  if (out.find_first_of(".eE") == std::string::npos) out += ".0";
  return out;
}

// ---- Comments ---------------------------------------------------------------------------------------

// The UTF-8 character at 1-based column `col` of `line`, as its first byte (0 when out of range).
char char_at(std::string_view line, uint32_t col) {
  uint32_t c = 0;
  for (char ch : line) {
    if ((static_cast<unsigned char>(ch) & 0xC0) == 0x80) continue;
    if (++c == col) return ch;
  }
  return 0;
}

struct Span {
  Mark begin, end;  // [begin, end)
};

void collect_scalar_spans(const Document& doc, const Value& v, std::vector<Span>& out, bool flow_collections) {
  auto add = [&](const Value& s) {
    if (s.begin.line == 0) return;
    Span span{s.begin, s.end};
    char first = char_at(doc.line_text(s.begin.line), s.begin.col);
    // A block scalar's content starts on the next line; its header line may hold a comment.
    if (s.is_string() && (first == '|' || first == '>')) span.begin = Mark{s.begin.line + 1, 1};
    out.push_back(span);
  };
  if (!v.is_scalar() && flow_collections && v.begin.line) {
    char first = char_at(doc.line_text(v.begin.line), v.begin.col);
    if (first == '[' || first == '{') {
      out.push_back(Span{v.begin, v.end});
      return;
    }
  }
  if (v.is_mapping()) {
    for (const Member& m : v.members) {
      add(m.key);
      collect_scalar_spans(doc, m.value, out, flow_collections);
    }
  } else if (v.is_sequence()) {
    for (const Value& item : v.items) collect_scalar_spans(doc, item, out, flow_collections);
  } else {
    add(v);
  }
}

// Where the scalars of a document are: a '#' or a blank line inside one is content. With
// `flow_collections`, [...] and {...} count as one span too (their blank lines are not kept).
class ScalarSpans {
 public:
  explicit ScalarSpans(const Document& doc, bool flow_collections = false) {
    collect_scalar_spans(doc, doc.root, spans_, flow_collections);
    std::sort(spans_.begin(), spans_.end(), [](const Span& a, const Span& b) { return before(a.begin, b.begin); });
  }
  bool contain(Mark m) const {
    auto it =
        std::upper_bound(spans_.begin(), spans_.end(), m, [](Mark x, const Span& s) { return before(x, s.begin); });
    if (it == spans_.begin()) return false;
    --it;
    return before(m, it->end);
  }

 private:
  std::vector<Span> spans_;
};

// 1-based numbers of the lines holding only whitespace, outside scalars. Lines as the reader counted
// them (Document::line_text: a lone CR ends one too).
std::vector<uint32_t> blank_lines(const Document& doc) {
  std::vector<uint32_t> out;
  ScalarSpans spans(doc, true);
  // Every line but the last ends with a line break; a last line without one is not a separator.
  for (uint32_t line = 1, lines = doc.line_count(); line < lines; ++line) {
    if (doc.line_text(line).find_first_not_of(" \t\r") == std::string_view::npos && !spans.contain(Mark{line, 1}))
      out.push_back(line);
  }
  return out;
}

// Past this the text is bigger than any input the readers take (document/limits.h): deep nesting in a
// small file costs two spaces of indent per level on every line, and could otherwise write gigabytes.
constexpr size_t kMaxOutputBytes = kMaxInputBytes;

Status too_big() {
  return Status::invalid_argument("the formatted text would be larger than " + std::to_string(kMaxOutputBytes >> 20) +
                                  " MiB, the limit of a file gomo reads (each nesting level indents every line "
                                  "inside it); nothing was written");
}

void collect_anchors(const Value& v, std::vector<const Value*>& out) {
  if (v.begin.line) out.push_back(&v);
  if (v.is_mapping()) {
    for (const Member& m : v.members) {
      if (m.key.begin.line) out.push_back(&m.key);
      collect_anchors(m.value, out);
    }
  } else if (v.is_sequence()) {
    for (const Value& item : v.items) collect_anchors(item, out);
  }
}

// Leading entries are "#text" for a comment line and "" for a blank line kept from the source.
struct Attached {
  std::vector<std::string> leading, trailing;
};

struct CommentPlan {
  std::vector<std::string> header, footer;
  std::map<uint64_t, Attached> by_anchor;  // by mark_key of the anchor's begin
};

CommentPlan plan_comments(const Document& doc) {
  CommentPlan plan;
  std::vector<Comment> comments = find_comments(doc);
  std::vector<std::pair<Mark, std::string>> entries;  // full-line comments and blank lines, by position
  std::vector<const Value*> anchors;
  // The root itself is not an anchor: comments above the first key belong to that key or the header.
  if (doc.root.is_mapping() || doc.root.is_sequence()) {
    collect_anchors(doc.root, anchors);
    anchors.erase(std::remove(anchors.begin(), anchors.end(), &doc.root), anchors.end());
  } else {
    anchors.push_back(&doc.root);
  }
  std::stable_sort(anchors.begin(), anchors.end(),
                   [](const Value* a, const Value* b) { return before(a->begin, b->begin); });
  for (const Comment& c : comments) {
    auto next = std::find_if(anchors.begin(), anchors.end(), [&](const Value* a) { return before(c.at, a->begin); });
    if (c.trailing) {
      if (next == anchors.begin()) plan.header.push_back(c.text);
      else plan.by_anchor[mark_key((*(next - 1))->begin)].trailing.push_back(c.text);
    } else if (next == anchors.begin()) {
      plan.header.push_back(c.text);
    } else if (next == anchors.end()) {
      plan.footer.push_back(c.text);
    } else {
      entries.push_back({c.at, "#" + c.text});
    }
  }
  // Blank lines between values stay (one at most), attached like full-line comments.
  for (uint32_t line : blank_lines(doc)) entries.push_back({Mark{line, 1}, ""});
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return before(a.first, b.first); });
  for (const auto& entry : entries) {
    const Mark& at = entry.first;  // not a structured binding: clang 14 cannot capture those
    const std::string& text = entry.second;
    auto next = std::find_if(anchors.begin(), anchors.end(), [&](const Value* a) { return before(at, a->begin); });
    if (next == anchors.begin() || next == anchors.end()) continue;  // blank lines at the ends: dropped
    plan.by_anchor[mark_key((*next)->begin)].leading.push_back(text);
  }
  return plan;
}

// ---- YAML emission ------------------------------------------------------------------------------------

// Characters a JSON string may hold that YAML cannot keep as written: libyaml refuses DEL, and reads NEL,
// LS and PS as line breaks (folded away). yaml-cpp escapes C1 controls (NEL among them) and U+FEFF only
// in a double-quoted scalar, and DEL, LS and PS only when escaping all non-ASCII.
bool needs_escapes(std::string_view s) {
  return s.find('\x7F') != std::string_view::npos || s.find("\xE2\x80\xA8") != std::string_view::npos ||
         s.find("\xE2\x80\xA9") != std::string_view::npos;
}
bool needs_double_quotes(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]), d = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xC2 && d >= 0x80 && d <= 0x9F) return true;  // C1, NEL
    if (c == 0xEF && d == 0xBB && i + 2 < s.size() && static_cast<unsigned char>(s[i + 2]) == 0xBF)
      return true;  // U+FEFF
  }
  return false;
}

class YamlWriter {
 public:
  YamlWriter() {
    out_.SetIndent(2);
    out_.SetNullFormat(YAML::LowerNull);
    out_.SetBoolFormat(YAML::TrueFalseBool);
  }

  void emit(const Value& v) {
    if (out_.size() > kMaxOutputBytes) {
      too_big_ = true;
      return;
    }
    switch (v.kind) {
      case Kind::kMapping:
        if (v.members.empty()) {
          out_ << YAML::Flow << YAML::BeginMap << YAML::EndMap;
          record(v);
          return;
        }
        out_ << YAML::BeginMap;
        for (size_t i = 0; i < v.members.size(); ++i) {
          const Member& m = v.members[i];
          out_ << YAML::Key;
          scalar(m.key);
          if (i == 0) record(v);  // a mapping starts on its first key's line
          record(m.key);
          out_ << YAML::Value;
          emit(m.value);
        }
        out_ << YAML::EndMap;
        return;
      case Kind::kSequence:
        if (v.items.empty()) {
          out_ << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
          record(v);
          return;
        }
        out_ << YAML::BeginSeq;
        for (size_t i = 0; i < v.items.size(); ++i) {
          // A sequence starts on its first item's line: record it when that item records its own.
          pending_.push_back(&v);
          emit(v.items[i]);
        }
        out_ << YAML::EndSeq;
        return;
      default: scalar(v); record(v);
    }
  }

  const YAML::Emitter& emitter() const { return out_; }
  bool too_big() const { return too_big_; }
  // Byte offset (within the emitted text) of the last character written when each anchor was emitted.
  const std::map<uint64_t, size_t>& offsets() const { return offsets_; }

 private:
  void scalar(const Value& v) {
    switch (v.kind) {
      case Kind::kNull: out_ << YAML::Null; break;
      case Kind::kBool: out_ << v.boolean; break;
      case Kind::kInt: out_ << std::to_string(v.integer); break;
      case Kind::kFloat:
        if (std::isnan(v.number)) out_ << ".nan";
        else if (std::isinf(v.number)) out_ << (v.number < 0 ? "-.inf" : ".inf");
        else out_ << float_text(v);
        break;
      default:
        if (needs_escapes(v.text)) out_ << YAML::DoubleQuoted << YAML::EscapeNonAscii;  // this scalar only
        else if (yaml_needs_quotes(v.text) || needs_double_quotes(v.text)) out_ << YAML::DoubleQuoted;
        out_ << v.text;
    }
  }

  void record(const Value& v) {
    size_t at = out_.size() ? out_.size() - 1 : 0;
    for (const Value* p : pending_) offsets_.emplace(mark_key(p->begin), at);
    pending_.clear();
    if (v.begin.line) offsets_.emplace(mark_key(v.begin), at);
  }

  YAML::Emitter out_;
  bool too_big_ = false;
  std::map<uint64_t, size_t> offsets_;
  std::vector<const Value*> pending_;
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string indent_of(const std::string& line) {
  return line.substr(0, line.find_first_not_of(' ') == std::string::npos ? 0 : line.find_first_not_of(' '));
}

// ---- JSON emission ------------------------------------------------------------------------------------

Status json_value(std::string& out, const Value& v, int depth) {
  if (out.size() > kMaxOutputBytes) return too_big();
  const std::string pad(2 * (depth + 1), ' ');
  const std::string close_pad(2 * depth, ' ');
  switch (v.kind) {
    case Kind::kNull: out += "null"; break;
    case Kind::kBool: out += v.boolean ? "true" : "false"; break;
    case Kind::kInt: out += std::to_string(v.integer); break;
    case Kind::kFloat:
      if (!std::isfinite(v.number))
        return Status::invalid_argument("line " + std::to_string(v.begin.line) + ": JSON cannot hold the number " +
                                        v.text);
      out += float_text(v);
      break;
    case Kind::kString: append_json_string(out, v.text); break;
    case Kind::kSequence:
      if (v.items.empty()) {
        out += "[]";
        break;
      }
      out += "[\n";
      for (size_t i = 0; i < v.items.size(); ++i) {
        out += pad;
        if (Status s = json_value(out, v.items[i], depth + 1); !s) return s;
        out += i + 1 < v.items.size() ? ",\n" : "\n";
      }
      out += close_pad + "]";
      break;
    case Kind::kMapping:
      if (v.members.empty()) {
        out += "{}";
        break;
      }
      out += "{\n";
      for (size_t i = 0; i < v.members.size(); ++i) {
        out += pad;
        append_json_string(out, v.members[i].key.text);
        out += ": ";
        if (Status s = json_value(out, v.members[i].value, depth + 1); !s) return s;
        out += i + 1 < v.members.size() ? ",\n" : "\n";
      }
      out += close_pad + "}";
      break;
  }
  return Status::ok();
}

bool resolves_as_core_non_string(std::string_view s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return true;
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") return true;
  std::string_view body = s;
  if (body[0] == '+' || body[0] == '-') body.remove_prefix(1);
  if (body == ".inf" || body == ".Inf" || body == ".INF" || s == ".nan" || s == ".NaN" || s == ".NAN") return true;
  return false;
}

}  // namespace

bool yaml_needs_quotes(std::string_view s) {
  if (resolves_as_core_non_string(s)) return true;
  // YAML 1.1 booleans (PyYAML, older tools) and merge/value keys.
  static const char* const kWords[] = {"y",  "Y",  "yes", "Yes", "YES", "n",   "N",   "no", "No",
                                       "NO", "on", "On",  "ON",  "off", "Off", "OFF", "<<", "="};
  for (const char* w : kWords)
    if (s == w) return true;
  // Anything number-like in either YAML version: 007, 1_000, 0x1F, 0o17, 0b101, 1:30, 1e3, .5, +1.
  char first = s[0];
  if ((std::isdigit(static_cast<unsigned char>(first)) || first == '+' || first == '-' || first == '.') &&
      all_of_chars(s, "0123456789abcdefABCDEFxXoO_.:+-"))
    return true;
  return false;
}

std::vector<Comment> find_comments(const Document& doc) {
  std::vector<Comment> out;
  if (doc.format != Format::kYaml) return out;
  ScalarSpans spans(doc);
  auto inside_scalar = [&](Mark m) { return spans.contain(m); };
  // Line by line as the reader counted lines (Document::line_text: a lone CR ends one too).
  for (uint32_t line = 1, lines = doc.line_count(); line <= lines; ++line) {
    const std::string_view text = doc.line_text(line);
    uint32_t col = 0;
    bool code_before = false;
    char prev = ' ';
    for (size_t i = 0; i < text.size(); ++i) {
      char ch = text[i];
      if ((static_cast<unsigned char>(ch) & 0xC0) == 0x80) continue;
      ++col;
      if (ch == '#' && (prev == ' ' || prev == '\t') && !inside_scalar(Mark{line, col})) {
        std::string body(text.substr(i + 1));
        while (!body.empty() && (body.back() == ' ' || body.back() == '\t' || body.back() == '\r')) body.pop_back();
        out.push_back(Comment{Mark{line, col}, std::move(body), code_before});
        break;
      }
      if (ch != ' ' && ch != '\t' && ch != '\r') code_before = true;
      prev = ch;
    }
  }
  return out;
}

Result<std::string> write_yaml(const Value& root, const Document* comments_from) {
  YamlWriter writer;
  try {
    writer.emit(root);
  } catch (const std::exception& e) { return Status::internal(std::string("YAML emitter: ") + e.what()); }
  if (writer.too_big()) return too_big();
  if (!writer.emitter().good()) return Status::internal("YAML emitter: " + writer.emitter().GetLastError());
  std::string text = writer.emitter().c_str();
  if (!comments_from) return text + "\n";

  CommentPlan plan = plan_comments(*comments_from);
  if (plan.header.empty() && plan.footer.empty() && plan.by_anchor.empty()) return text + "\n";
  // Output line of each emitted anchor.
  std::vector<size_t> line_starts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts.push_back(i + 1);
  auto line_of = [&](size_t offset) {
    return size_t(std::upper_bound(line_starts.begin(), line_starts.end(), offset) - line_starts.begin()) - 1;
  };
  std::vector<std::string> lines = split_lines(text);
  std::vector<std::vector<std::string>> leading(lines.size()), trailing(lines.size());
  for (const auto& [key, attached] : plan.by_anchor) {
    auto it = writer.offsets().find(key);
    if (it == writer.offsets().end()) continue;  // not emitted: the caller's comparison notices
    size_t line = line_of(it->second);
    if (line >= lines.size()) continue;
    for (const auto& c : attached.leading) leading[line].push_back(c);
    for (const auto& c : attached.trailing) trailing[line].push_back(c);
  }
  std::string out;
  for (const auto& c : plan.header) out += "#" + c + "\n";
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string indent = indent_of(lines[i]);
    bool blank_before = out.empty() || (out.size() >= 2 && out[out.size() - 2] == '\n');
    for (const auto& c : leading[i]) {
      if (!c.empty()) {
        out += indent + c + "\n";
        blank_before = false;
      } else if (!blank_before) {
        out += "\n";
        blank_before = true;
      }
    }
    out += lines[i];
    for (size_t k = 0; k < trailing[i].size(); ++k) {
      // One trailing comment per line; more (from a collapsed flow collection) go on lines below.
      if (k == 0) out += "  #" + trailing[i][k];
      else out += "\n" + indent + "#" + trailing[i][k];
    }
    out += "\n";
  }
  for (const auto& c : plan.footer) out += "#" + c + "\n";
  return out;
}

Result<std::string> write_json(const Value& root) {
  std::string out;
  if (Status s = json_value(out, root, 0); !s) return s;
  out += "\n";
  return out;
}

}  // namespace gomo::document

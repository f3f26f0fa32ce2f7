#include "document/document.h"

#include <cctype>
#include <cstdio>

#include "base/strings.h"

namespace gomo::document {

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::kNull: return "null";
    case Kind::kBool: return "boolean";
    case Kind::kInt: return "integer";
    case Kind::kFloat: return "number";
    case Kind::kString: return "string";
    case Kind::kSequence: return "array";
    case Kind::kMapping: return "object";
  }
  return "?";
}

const Member* Value::find_member(std::string_view key) const {
  if (kind != Kind::kMapping) return nullptr;
  for (const auto& m : members)
    if (m.key.text == key) return &m;
  return nullptr;
}

const Value* Value::find(std::string_view key) const {
  const Member* m = find_member(key);
  return m ? &m->value : nullptr;
}

std::string_view Value::string_at(std::string_view key) const {
  const Value* v = find(key);
  return (v && v->is_string()) ? std::string_view(v->text) : std::string_view();
}

std::string Value::scalar_text() const {
  switch (kind) {
    case Kind::kNull: return "null";
    case Kind::kBool: return boolean ? "true" : "false";
    default: return text;
  }
}

std::string_view Document::line_text(uint32_t line) const {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (uint32_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t start = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1 : static_cast<uint32_t>(text.size());
  if (end > start && text[end - 1] == '\r') --end;
  return std::string_view(text).substr(start, end - start);
}

static void link_value(Value& v) {
  if (v.kind == Kind::kSequence) {
    for (uint32_t i = 0; i < v.items.size(); ++i) {
      v.items[i].parent = &v;
      v.items[i].index = i;
      link_value(v.items[i]);
    }
  } else if (v.kind == Kind::kMapping) {
    for (uint32_t i = 0; i < v.members.size(); ++i) {
      auto& m = v.members[i];
      m.key.parent = m.value.parent = &v;
      m.key.index = m.value.index = i;
      m.key.is_key = true;
      link_value(m.value);
    }
  }
}

void Document::link() {
  root.parent = nullptr;
  link_value(root);
}

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string pointer_of(const Value& value) {
  std::vector<std::string> tokens;
  for (const Value* v = &value; v->parent != nullptr; v = v->parent) {
    const Value& p = *v->parent;
    if (p.kind == Kind::kSequence) tokens.push_back(std::to_string(v->index));
    else tokens.push_back(escape_pointer_token(p.members[v->index].key.text));
  }
  std::string out;
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
    out += '/';
    out += *it;
  }
  return out;
}

Format detect_format(std::string_view path, std::string_view text) {
  std::string lower = to_lower(path);
  if (ends_with(lower, ".json")) return Format::kJson;
  if (ends_with(lower, ".yaml") || ends_with(lower, ".yml")) return Format::kYaml;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    return (c == '{' || c == '[') ? Format::kJson : Format::kYaml;
  }
  return Format::kYaml;
}

static const Value* find_key_at(const Value& v, Mark at) {
  if (v.kind == Kind::kSequence) {
    for (const auto& item : v.items)
      if (const Value* found = find_key_at(item, at)) return found;
  } else if (v.kind == Kind::kMapping) {
    for (const auto& m : v.members) {
      if (m.key.begin.line == at.line && m.key.begin.col == at.col) return &m.key;
      if (const Value* found = find_key_at(m.value, at)) return found;
    }
  }
  return nullptr;
}

void fill_problem_pointers(Document& doc) {
  for (auto& p : doc.problems) {
    if (!p.pointer.empty()) continue;
    if (const Value* key = find_key_at(doc.root, p.begin)) p.pointer = pointer_of(*key);
  }
}

std::unique_ptr<Document> read_document(std::string path, std::string text) {
  Format f = detect_format(path, text);
  return f == Format::kJson ? read_json(std::move(path), std::move(text)) : read_yaml(std::move(path), std::move(text));
}

void check_duplicate_key(std::span<const Member> earlier, const Value& key, Format format, std::vector<Problem>& out) {
  for (const auto& other : earlier) {
    if (other.key.text == key.text) {
      Problem p;
      p.rule = "duplicate-key";
      p.message = "duplicate key \"" + key.text + "\": " + (format == Format::kJson ? "JSON" : "YAML") +
                  " readers keep only one of them; remove or rename one";
      p.begin = key.begin;
      p.end = key.end;
      p.related = "first defined at " + std::to_string(other.key.begin.line) + ":" + std::to_string(other.key.begin.col);
      out.push_back(std::move(p));
      return;
    }
  }
}

}  // namespace gomo::document

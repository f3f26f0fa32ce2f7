#include "document/document.h"

#include <sys/stat.h>

#include <cctype>
#include <cstdio>
#include <istream>
#include <optional>

#include <algorithm>
#include <numeric>
#include <utility>

#include "base/files.h"
#include "base/strings.h"
#include "document/limits.h"
#include "document/utf8.h"
#include "document/value_error.h"

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

void Document::index_lines() const {
  if (!line_starts_.empty()) return;
  line_starts_.push_back(0);
  const std::string_view t = text;
  for (size_t i = 0; i < t.size();) {
    // Most bytes are not a break: only these can start one (line_break_at has the rules).
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (c != '\n' && c != '\r' && c != 0xC2 && c != 0xE2) {
      ++i;
      continue;
    }
    const size_t br = line_break_at(t, i, format);
    if (br == 0) {
      ++i;
      continue;
    }
    i += br;
    line_starts_.push_back(static_cast<uint32_t>(i));
  }
}

uint32_t Document::line_count() const {
  index_lines();
  return static_cast<uint32_t>(line_starts_.size());
}

std::string_view Document::line_text(uint32_t line) const {
  index_lines();
  if (line == 0 || line > line_starts_.size()) return {};
  const uint32_t start = line_starts_[line - 1];
  uint32_t end = static_cast<uint32_t>(text.size());
  if (line < line_starts_.size()) {
    // Back over the break that ends the line (index_lines put the next line just after it).
    end = line_starts_[line];
    const unsigned char last = static_cast<unsigned char>(text[end - 1]);
    if (last == '\n') end -= (end - 1 > start && text[end - 2] == '\r') ? 2 : 1;
    else if (last == '\r') end -= 1;
    else if (last == 0x85) end -= 2;  // NEL
    else end -= 3;                    // LS, PS
  }
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

namespace {

// Problems waiting for a pointer, by the mark of the key they sit on (sorted; several may share one).
struct PendingPointers {
  std::vector<std::pair<uint64_t, size_t>> wanted;  // (mark, problem index)
  std::vector<bool> done;                           // per entry of `wanted`
  size_t left = 0;
};

uint64_t mark_key(Mark m) { return (uint64_t{m.line} << 32) | m.col; }

// One walk of the tree in document order: the first key at a problem's mark is the one it is about
// (copies made by aliases keep their anchor's marks and come later).
void find_keys(Document& doc, const Value& v, PendingPointers& pending) {
  if (v.kind == Kind::kSequence) {
    for (const auto& item : v.items) {
      if (pending.left == 0) return;
      find_keys(doc, item, pending);
    }
  } else if (v.kind == Kind::kMapping) {
    for (const auto& m : v.members) {
      if (pending.left == 0) return;
      const uint64_t key = mark_key(m.key.begin);
      auto it = std::lower_bound(pending.wanted.begin(), pending.wanted.end(), std::make_pair(key, size_t{0}));
      for (; it != pending.wanted.end() && it->first == key; ++it) {
        const size_t at = static_cast<size_t>(it - pending.wanted.begin());
        if (pending.done[at]) break;
        pending.done[at] = true;
        --pending.left;
        doc.problems[it->second].pointer = pointer_of(m.key);
      }
      find_keys(doc, m.value, pending);
    }
  }
}

std::string with_commas(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string mib(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

Problem duplicate_problem(const Value& key, const Value& first, Format format) {
  Problem p;
  p.rule = "duplicate-key";
  p.message = "duplicate key \"" + key.text + "\": " + (format == Format::kJson ? "JSON" : "YAML") +
              " readers keep only one of them; remove or rename one";
  p.begin = key.begin;
  p.end = key.end;
  p.related = "first defined at " + std::to_string(first.begin.line) + ":" + std::to_string(first.begin.col);
  return p;
}

}  // namespace

void fill_problem_pointers(Document& doc) {
  PendingPointers pending;
  for (size_t i = 0; i < doc.problems.size(); ++i)
    if (doc.problems[i].pointer.empty()) pending.wanted.emplace_back(mark_key(doc.problems[i].begin), i);
  if (pending.wanted.empty()) return;
  std::sort(pending.wanted.begin(), pending.wanted.end());
  pending.done.assign(pending.wanted.size(), false);
  pending.left = pending.wanted.size();
  find_keys(doc, doc.root, pending);
}

std::string limit_message(Limit limit, std::string_view what) {
  std::string out(what);
  if (!out.empty()) out += ": ";
  switch (limit) {
    case Limit::kInputBytes:
      out += "the input is larger than " + mib(kMaxInputBytes) +
             ", the limit for one file or standard input; it was not read";
      break;
    case Limit::kValues:
      out += "the document would hold more than " + with_commas(kMaxValues) +
             " values, the limit (counting what aliases and anchors copy); reading stopped here";
      break;
    case Limit::kTextBytes:
      out += "the document would hold more than " + mib(kMaxTextBytes) +
             " of text, the limit (counting what aliases and anchors copy); reading stopped here";
      break;
    case Limit::kDepth:
      out += "nesting deeper than " + std::to_string(kMaxDepth) + " levels, the limit; reading stopped here";
      break;
    case Limit::kScalarBytes:
      out += "a value longer than " + mib(kMaxScalarBytes) + ", the limit for one value; reading stopped here";
      break;
  }
  return out;
}

Problem limit_problem(Limit limit, Mark at, std::string_view what) {
  Problem p;
  p.rule = "syntax";
  p.message = limit_message(limit, what);
  p.begin = at;
  p.end = Mark{at.line, at.col + 1};
  return p;
}

bool check_input_size(Document& doc) {
  if (doc.text.size() <= kMaxInputBytes) return true;
  doc.problems.push_back(limit_problem(Limit::kInputBytes, Mark{1, 1}));
  doc.text = std::string();
  return false;
}

namespace {

// True when `path` is a regular file larger than the readers accept: refused by its size, since reading
// 64 MiB only to refuse them cost that much memory and a third of a second.
bool too_large_by_size(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > kMaxInputBytes;
}

Result<std::unique_ptr<Document>> read_file_as(const std::string& path, std::optional<Format> format) {
  if (too_large_by_size(path)) {
    auto doc = std::make_unique<Document>();
    doc->path = path;
    doc->format = format ? *format : detect_format(path, {});
    doc->problems.push_back(limit_problem(Limit::kInputBytes, Mark{1, 1}));
    return doc;
  }
  auto text = read_file(path, kMaxInputBytes);
  if (!text) return text.error();
  if (!format) return read_document(path, std::move(text.value()));
  return *format == Format::kJson ? read_json(path, std::move(text.value())) : read_yaml(path, std::move(text.value()));
}

}  // namespace

Result<std::unique_ptr<Document>> read_document_file(const std::string& path) { return read_file_as(path, {}); }

Result<std::unique_ptr<Document>> read_document_file(const std::string& path, Format format) {
  return read_file_as(path, format);
}

Result<std::string> read_input_text(const std::string& path) {
  if (too_large_by_size(path)) return Status::invalid_argument(path + ":1:1: " + limit_message(Limit::kInputBytes));
  return read_file(path, kMaxInputBytes);
}

std::string read_bounded(std::istream& in) {
  constexpr size_t kMost = kMaxInputBytes + 1;
  std::string text;
  char buf[1 << 16];
  while (text.size() < kMost && in.read(buf, static_cast<std::streamsize>(std::min(sizeof buf, kMost - text.size())))) {
    text.append(buf, static_cast<size_t>(in.gcount()));
  }
  if (text.size() < kMost) text.append(buf, static_cast<size_t>(in.gcount()));
  return text;
}

std::unique_ptr<Document> read_document(std::string path, std::string text) {
  Format f = detect_format(path, text);
  return f == Format::kJson ? read_json(std::move(path), std::move(text)) : read_yaml(std::move(path), std::move(text));
}

void find_duplicate_keys(std::span<const Member> members, Format format, std::vector<Problem>& out) {
  const size_t n = members.size();
  if (n < 2) return;
  if (n <= 16) {
    // The usual small mapping: compare each key with the ones before it.
    for (size_t i = 1; i < n; ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (members[j].key.text == members[i].key.text) {
          out.push_back(duplicate_problem(members[i].key, members[j].key, format));
          break;
        }
      }
    }
    return;
  }
  // A big one: sort the keys (stable, so each run of equal keys starts with the first written), then
  // report the repeats in source order. O(n log n) whatever the keys are (no hash to flood).
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return members[a].key.text < members[b].key.text; });
  std::vector<std::pair<uint32_t, uint32_t>> repeats;  // (member, first member with its key)
  for (size_t k = 1, first = 0; k < n; ++k) {
    if (members[order[k]].key.text == members[order[first]].key.text) repeats.emplace_back(order[k], order[first]);
    else first = k;
  }
  std::sort(repeats.begin(), repeats.end());
  for (const auto& [i, j] : repeats) out.push_back(duplicate_problem(members[i].key, members[j].key, format));
}

}  // namespace gomo::document

// document/value_error.h
namespace gomo::document {

Status error_at(const std::string& path, const Value& v, const std::string& message) {
  return Status::invalid_argument(path + ":" + std::to_string(v.begin.line) + ":" + std::to_string(v.begin.col) + ": " +
                                  message);
}

}  // namespace gomo::document

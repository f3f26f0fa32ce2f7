#pragma once
// A YAML or JSON document read into one positioned tree. Every value knows where it was written
// (1-based line and column, columns counting characters) and its JSON pointer, so checks never
// compute positions themselves.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "document/children.h"

namespace gomo::document {

struct Mark {
  uint32_t line = 0;  // 1-based; 0 = unknown
  uint32_t col = 0;   // 1-based, in characters (not bytes)
};

enum class Kind : uint8_t { kNull, kBool, kInt, kFloat, kString, kSequence, kMapping };
const char* kind_name(Kind kind);  // "null", "boolean", "integer", "number", "string", "array", "object"

struct Member;

struct Value {
  // 96 bytes: the small members come first so they share one word, and the children are Children (one
  // pointer each) rather than vectors. A document's memory is mostly its values.
  Kind kind = Kind::kNull;
  bool boolean = false;
  // Links set once the tree is complete (Document::link): `parent` is the containing sequence or
  // mapping and `index` our place in it. A mapping key has is_key set and the same parent/index as
  // its value.
  bool is_key = false;
  uint32_t index = 0;
  Mark begin, end;   // end is one past the last character
  std::string text;  // strings: the value; other scalars: the source text
  int64_t integer = 0;
  double number = 0;         // set for kInt too
  Children<Value> items;     // kSequence
  Children<Member> members;  // kMapping, in source order (duplicates kept; see Document::problems)
  const Value* parent = nullptr;

  bool is_null() const { return kind == Kind::kNull; }
  bool is_string() const { return kind == Kind::kString; }
  bool is_number() const { return kind == Kind::kInt || kind == Kind::kFloat; }
  bool is_mapping() const { return kind == Kind::kMapping; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_scalar() const { return kind != Kind::kMapping && kind != Kind::kSequence; }

  // First member with this key, or nullptr (also nullptr when this is not a mapping).
  const Value* find(std::string_view key) const;
  const Member* find_member(std::string_view key) const;
  // The string at `key`, or "" when absent or not a string.
  std::string_view string_at(std::string_view key) const;
  // Scalar rendered as text (strings unquoted, numbers as written, true/false, null).
  std::string scalar_text() const;
};

struct Member {
  Value key;
  Value value;
};

enum class Format : uint8_t { kYaml, kJson };

// A problem found while reading: a syntax error (fatal: no tree) or a duplicate key (the tree is kept).
struct Problem {
  std::string rule;  // "syntax" or "duplicate-key"
  std::string message;
  Mark begin, end;
  std::string pointer;
  std::string related;  // e.g. "first defined at 12:5"
};

// A `# gomo-ignore: rule-a, rule-b` comment in a YAML file (JSON has no comments).
struct IgnoreComment {
  uint32_t line = 0;
  std::vector<std::string> rules;
};

struct Document {
  std::string path;  // as given by the user; "<stdin>" for standard input
  std::string text;
  Format format = Format::kYaml;
  bool parsed = false;  // false after a syntax error: root is null
  Value root;
  std::vector<Problem> problems;
  std::vector<IgnoreComment> ignore_comments;
  bool has_comments = false;  // any YAML comment at all (fmt warns it cannot keep them)

  // The text of 1-based line `line` without its line break ("" when out of range). Lines end at LF,
  // CR LF or a lone CR (and in YAML at NEL, LS and PS), as the readers count them.
  std::string_view line_text(uint32_t line) const;
  // Number of lines: one more than the line breaks (the last line may be empty).
  uint32_t line_count() const;

  // Sets parent/index links in the whole tree. Call after the tree is built or changed.
  void link();

 private:
  void index_lines() const;
  mutable std::vector<uint32_t> line_starts_;
};

// RFC 6901 pointer of `value` within its document ("" for the root), e.g. "/graph/nodes/3/outputs/onEnd".
std::string pointer_of(const Value& value);
// Escapes one reference token ("~" -> "~0", "/" -> "~1").
std::string escape_pointer_token(std::string_view token);

// Which format to read `text` as: by extension (.json / .yaml / .yml), else by content.
Format detect_format(std::string_view path, std::string_view text);

// Reads `text` into a document. Never throws; syntax errors become problems with positions, and so
// does input past one of the limits in document/limits.h (then `text` is emptied when it is the input
// size that is too big).
std::unique_ptr<Document> read_document(std::string path, std::string text);
std::unique_ptr<Document> read_yaml(std::string path, std::string text);
std::unique_ptr<Document> read_json(std::string path, std::string text);

// Sets Problem::pointer for problems that sit on a mapping key (readers call this after link()).
void fill_problem_pointers(Document& doc);

// Records a duplicate-key problem for each member whose key repeats an earlier one, in source order;
// every reader calls it once a mapping is complete. O(n log n): a mapping of 200,000 keys is no trap.
void find_duplicate_keys(std::span<const Member> members, Format format, std::vector<Problem>& out);

}  // namespace gomo::document

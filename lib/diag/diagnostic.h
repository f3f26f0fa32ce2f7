#pragma once
// Diagnostics: what every checker reports, and what every reporter formats.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gomo::document {
struct Document;
struct Value;
struct Problem;
}  // namespace gomo::document

namespace gomo::diag {

enum class Severity : uint8_t { kError, kWarning, kInfo };
const char* severity_name(Severity s);  // "error", "warning", "info"
bool parse_severity(const std::string& text, Severity* out);

// Where a diagnostic points. Lines and columns are 1-based (columns count characters); 0 = unknown.
struct Location {
  std::string file;
  uint32_t line = 0, col = 0, end_line = 0, end_col = 0;
  std::string pointer;  // RFC 6901 JSON pointer as written in the file
};

struct Diagnostic {
  std::string rule;  // kebab-case id, e.g. "unknown-output"
  Severity severity = Severity::kError;
  std::string message;  // what was found, what was expected, how to fix it
  Location location;
  std::string related;  // e.g. "first defined at 12:5"
  std::string fix;      // machine-readable replacement for the located text, when there is one
  // The source line at location.line for reporters, raw (set_snippet fills it): the whole line, or on
  // a long line a window of about kSnippetColumns characters around location.col.
  std::string snippet;
  uint32_t snippet_col = 1;  // column of the snippet's first character (> 1: the line was cut on the left)
  bool snippet_cut = false;  // the line goes on after the snippet
};

// Characters a long line's snippet keeps: a window around the located column, so that a finding on a
// 150 KB one-line JSON file prints (and holds) about this much instead of the whole line each time.
constexpr uint32_t kSnippetColumns = 120;

// Where set_snippet left off in a line: the diagnostics of one long line, in column order (as
// sort_and_dedupe leaves them), then walk it once instead of once each.
struct SnippetCursor {
  const char* line = nullptr;
  size_t byte = 0;
  uint32_t col = 1;
};

// Fills d.snippet, snippet_col and snippet_cut from `line`, the text of line d.location.line.
// `cursor` may be null; otherwise it must be used for one document's lines only.
void set_snippet(Diagnostic& d, std::string_view line, SnippetCursor* cursor = nullptr);

// `s` with what a terminal would act on made visible, so that text from a file can be printed:
// C0 controls and DEL as \x1b-style escapes (\t, \n and \r as such), C1 controls and the bidi
// embedding/override/isolate controls as \u0085-style escapes, and each byte that is not valid UTF-8
// as \xff. Everything else, backslashes included, is kept; the result is valid UTF-8.
std::string visible(std::string_view s);
// Appends the visible form of the one character at s[i] to `out` and returns its length in bytes
// (>= 1). `printable` is set when the character was kept as it is.
size_t append_visible(std::string& out, std::string_view s, size_t i, bool* printable = nullptr);

// The location of `value` in `doc` (a mapping key points at the key itself).
Location locate(const document::Document& doc, const document::Value& value);
// A reader problem (syntax error, duplicate key) as a diagnostic.
Diagnostic from_problem(const document::Document& doc, const document::Problem& problem);

// Orders by file, line, col, rule and drops exact duplicates.
void sort_and_dedupe(std::vector<Diagnostic>& diags);

// Counts per severity.
struct Counts {
  size_t errors = 0, warnings = 0, infos = 0;
};
Counts count(const std::vector<Diagnostic>& diags);

}  // namespace gomo::diag

#pragma once
// Diagnostics: what every checker reports, and what every reporter formats.
#include <cstdint>
#include <string>
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
  std::string snippet;  // the source line at location.line (filled by the validator, for reporters)
};

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

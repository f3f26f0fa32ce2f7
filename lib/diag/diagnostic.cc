#include "diag/diagnostic.h"

#include <algorithm>
#include <tuple>

#include "document/document.h"

namespace gomo::diag {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "?";
}

bool parse_severity(const std::string& text, Severity* out) {
  if (text == "error") *out = Severity::kError;
  else if (text == "warning") *out = Severity::kWarning;
  else if (text == "info") *out = Severity::kInfo;
  else return false;
  return true;
}

Location locate(const document::Document& doc, const document::Value& value) {
  Location loc;
  loc.file = doc.path;
  loc.line = value.begin.line;
  loc.col = value.begin.col;
  loc.end_line = value.end.line;
  loc.end_col = value.end.col;
  if (loc.end_line < loc.line || (loc.end_line == loc.line && loc.end_col <= loc.col)) {
    loc.end_line = loc.line;
    loc.end_col = loc.col + 1;
  }
  loc.pointer = document::pointer_of(value);
  return loc;
}

Diagnostic from_problem(const document::Document& doc, const document::Problem& problem) {
  Diagnostic d;
  d.rule = problem.rule;
  d.severity = Severity::kError;
  d.message = problem.message;
  d.location.file = doc.path;
  d.location.line = problem.begin.line;
  d.location.col = problem.begin.col;
  d.location.end_line = problem.end.line;
  d.location.end_col = problem.end.col;
  d.location.pointer = problem.pointer;
  d.related = problem.related;
  return d;
}

void sort_and_dedupe(std::vector<Diagnostic>& diags) {
  auto key = [](const Diagnostic& d) {
    return std::tie(d.location.file, d.location.line, d.location.col, d.rule, d.message);
  };
  std::stable_sort(diags.begin(), diags.end(), [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  diags.erase(std::unique(diags.begin(), diags.end(), [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
              diags.end());
}

Counts count(const std::vector<Diagnostic>& diags) {
  Counts c;
  for (const auto& d : diags) {
    if (d.severity == Severity::kError) ++c.errors;
    else if (d.severity == Severity::kWarning) ++c.warnings;
    else ++c.infos;
  }
  return c;
}

}  // namespace gomo::diag

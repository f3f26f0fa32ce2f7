#include "diag/diagnostic.h"

#include <algorithm>
#include <tuple>

#include "base/utf8.h"
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
  std::stable_sort(diags.begin(), diags.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  diags.erase(std::unique(diags.begin(), diags.end(),
                          [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
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

namespace gomo::diag {

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

void append_hex(std::string& out, const char* prefix, uint32_t v, int digits) {
  static const char* kHex = "0123456789abcdef";
  out += prefix;
  for (int k = digits - 1; k >= 0; --k) out += kHex[(v >> (4 * k)) & 15];
}

// Moves `byte` (the start of column `col` in `line`) on to column `to`; stops at the end of the line.
void advance(std::string_view line, size_t& byte, uint32_t& col, uint32_t to) {
  while (col < to && byte < line.size()) {
    ++byte;
    while (byte < line.size() && is_continuation(static_cast<unsigned char>(line[byte]))) ++byte;
    ++col;
  }
}

}  // namespace

size_t append_visible(std::string& out, std::string_view s, size_t i, bool* printable) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (printable) *printable = false;
  if (c >= 0x20 && c < 0x7F) {
    out += static_cast<char>(c);
    if (printable) *printable = true;
    return 1;
  }
  if (c < 0x80) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else append_hex(out, "\\x", c, 2);
    return 1;
  }
  uint32_t cp = 0;
  size_t len = decode_utf8(s, i, &cp);
  if (len == 0) {
    append_hex(out, "\\x", c, 2);
    return 1;
  }
  if (cp <= 0x9F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
    append_hex(out, "\\u", cp, 4);
  } else {
    out.append(s.substr(i, len));
    if (printable) *printable = true;
  }
  return len;
}

std::string visible(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x20 && static_cast<unsigned char>(s[i]) < 0x7F) ++i;
  std::string out(s.substr(0, i));
  if (i == s.size()) return out;
  out.reserve(s.size() + 16);
  while (i < s.size()) i += append_visible(out, s, i);
  return out;
}

void set_snippet(Diagnostic& d, std::string_view line, SnippetCursor* cursor) {
  d.snippet_col = 1;
  d.snippet_cut = false;
  if (line.size() <= kSnippetColumns) {  // bytes >= characters: the whole line fits
    d.snippet.assign(line);
    return;
  }
  // A window of kSnippetColumns characters with the located column a third of the way in.
  const uint32_t col = std::max<uint32_t>(d.location.col, 1);
  const uint32_t first = col > kSnippetColumns / 3 ? col - kSnippetColumns / 3 : 1;
  SnippetCursor local;
  SnippetCursor& at = cursor ? *cursor : local;
  if (at.line != line.data() || at.col > first) at = SnippetCursor{line.data(), 0, 1};
  advance(line, at.byte, at.col, first);
  size_t end = at.byte;
  uint32_t end_col = at.col;
  advance(line, end, end_col, at.col + kSnippetColumns);
  d.snippet.assign(line.substr(at.byte, end - at.byte));
  d.snippet_col = at.col;
  d.snippet_cut = end < line.size();
}

}  // namespace gomo::diag

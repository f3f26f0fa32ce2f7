#include "report/text.h"

#include <string>

#include "base/strings.h"

namespace gomo::report {

namespace {

const char* kReset = "\033[0m";
const char* kBold = "\033[1m";
const char* kDim = "\033[2m";

const char* color_of(diag::Severity s) {
  switch (s) {
    case diag::Severity::kError: return "\033[1;31m";
    case diag::Severity::kWarning: return "\033[1;33m";
    case diag::Severity::kInfo: return "\033[1;36m";
  }
  return "";
}

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void write_text(std::ostream& out, const std::vector<checks::FileResult>& files, const TextStyle& style) {
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      const auto& l = d.location;
      if (style.color) out << kBold;
      out << l.file;
      if (l.line) out << ':' << l.line << ':' << l.col;
      out << ": ";
      if (style.color) out << kReset << color_of(d.severity);
      out << diag::severity_name(d.severity) << ": ";
      if (style.color) out << kReset;
      out << d.message;
      if (style.color) out << kDim;
      out << " [" << d.rule << "]";
      if (style.color) out << kReset;
      out << '\n';
      if (style.snippets && l.line && !d.snippet.empty()) {
        std::string num = std::to_string(l.line);
        out << ' ' << num << " | " << d.snippet << '\n';
        out << ' ' << std::string(num.size(), ' ') << " | ";
        // Pad with the line's own tabs so the caret lines up.
        uint32_t ch = 1;
        for (size_t i = 0; i < d.snippet.size() && ch < l.col; ++i) {
          unsigned char c = static_cast<unsigned char>(d.snippet[i]);
          if ((c & 0xC0) == 0x80) continue;
          out << (c == '\t' ? '\t' : ' ');
          ++ch;
        }
        uint32_t width = 1;
        size_t line_chars = utf8_length(d.snippet);
        if (l.end_line == l.line && l.end_col > l.col) width = l.end_col - l.col;
        else if (line_chars + 1 > l.col) width = static_cast<uint32_t>(line_chars + 1 - l.col);
        if (style.color) out << color_of(d.severity);
        out << '^' << std::string(width > 1 ? width - 1 : 0, '~');
        if (style.color) out << kReset;
        out << '\n';
      }
      if (!d.related.empty()) out << "  note: " << d.related << '\n';
    }
  }
}

std::string summary_line(const std::vector<checks::FileResult>& files) {
  size_t errors = 0, warnings = 0, infos = 0, with_findings = 0;
  for (const auto& f : files) {
    auto c = diag::count(f.diagnostics);
    errors += c.errors;
    warnings += c.warnings;
    infos += c.infos;
    if (!f.diagnostics.empty()) ++with_findings;
  }
  if (errors + warnings + infos == 0) return "no problems found in " + plural(files.size(), "file");
  std::vector<std::string> parts;
  if (errors) parts.push_back(plural(errors, "error"));
  if (warnings) parts.push_back(plural(warnings, "warning"));
  if (infos) parts.push_back(std::to_string(infos) + " info");
  return join(parts, ", ") + " in " + plural(with_findings, "file") + " (" + std::to_string(files.size()) + " checked)";
}

}  // namespace gomo::report

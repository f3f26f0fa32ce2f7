#include "report/text.h"

#include <map>
#include <string>
#include <string_view>

#include "base/strings.h"
#include "report/colour.h"

namespace gomo::report {

namespace {

// Used only where style.color is set.
const char* const kReset = paint(Paint::kReset, true);
const char* const kBold = paint(Paint::kBold, true);
const char* const kDim = paint(Paint::kDim, true);

const char* color_of(diag::Severity s) {
  switch (s) {
    case diag::Severity::kError: return paint(Paint::kBoldRed, true);
    case diag::Severity::kWarning: return paint(Paint::kBoldYellow, true);
    case diag::Severity::kInfo: return paint(Paint::kBoldCyan, true);
  }
  return "";
}

std::string plural(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// The snippet line as printed (control characters escaped, `…` where the line was cut), and under it
// the caret line: pads (the line's own tabs kept) up to location.col, then `^~~~` to end_col.
void write_snippet(std::ostream& out, const diag::Diagnostic& d, const TextStyle& style) {
  const auto& l = d.location;
  std::string line, pad;
  uint32_t width = 0;
  if (d.snippet_col > 1) {
    line += "…";
    pad += ' ';
  }
  const uint32_t end_col = l.end_line == l.line && l.end_col > l.col ? l.end_col : 0;  // 0: to the end of the line
  uint32_t col = d.snippet_col;
  for (size_t i = 0; i < d.snippet.size(); ++col) {
    // Columns on screen: a kept character takes one, an escape its length; a tab stays a tab (in the
    // pad too, so the caret lines up).
    const bool tab = d.snippet[i] == '\t';
    size_t shown = 1;
    if (tab) {
      line += '\t';
      ++i;
    } else {
      const size_t before = line.size();
      bool printable = false;
      i += diag::append_visible(line, d.snippet, i, &printable);
      if (!printable) shown = line.size() - before;
    }
    if (col < l.col) pad.append(tab ? std::string(1, '\t') : std::string(shown, ' '));
    else if (end_col == 0 || col < end_col) width += static_cast<uint32_t>(shown);
  }
  if (d.snippet_cut) line += "…";
  // A span past the end of the line (a missing value at the end) still gets one caret per column.
  if (!d.snippet_cut && end_col > col) width += end_col - std::max(col, l.col);
  std::string num = std::to_string(l.line);
  out << ' ' << num << " | " << line << '\n';
  out << ' ' << std::string(num.size(), ' ') << " | " << pad;
  if (style.color) out << color_of(d.severity);
  out << '^' << std::string(width > 1 ? width - 1 : 0, '~');
  if (style.color) out << kReset;
  out << '\n';
}

}  // namespace

void write_text(std::ostream& out, const std::vector<checks::FileResult>& files, const TextStyle& style) {
  for (const auto& f : files) {
    std::map<std::string_view, size_t> per_rule;  // findings of each rule in this file
    for (const auto& d : f.diagnostics) {
      if (!style.infos && d.severity == diag::Severity::kInfo) continue;
      if (style.per_rule && ++per_rule[d.rule] > style.per_rule) continue;
      const auto& l = d.location;
      if (style.color) out << kBold;
      out << diag::visible(l.file);
      if (l.line) out << ':' << l.line << ':' << l.col;
      out << ": ";
      if (style.color) out << kReset << color_of(d.severity);
      out << diag::severity_name(d.severity) << ": ";
      if (style.color) out << kReset;
      out << diag::visible(d.message);
      if (style.color) out << kDim;
      out << " [" << d.rule << "]";
      if (style.color) out << kReset;
      out << '\n';
      if (style.snippets && l.line && !d.snippet.empty()) write_snippet(out, d, style);
      if (!d.related.empty()) out << "  note: " << diag::visible(d.related) << '\n';
    }
    for (const auto& [rule, n] : per_rule)
      if (n > style.per_rule)
        out << diag::visible(f.path) << ": … and " << plural(n - style.per_rule, "more finding") << " of [" << rule
            << "] in this file (the first " << style.per_rule << " are shown; --format json lists them all)\n";
  }
}

size_t hidden_infos(const std::vector<checks::FileResult>& files, const TextStyle& style) {
  if (style.infos) return 0;
  size_t n = 0;
  for (const auto& f : files) n += diag::count(f.diagnostics).infos;
  return n;
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

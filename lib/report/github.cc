// GitHub Actions annotations (workflow commands) and the job summary table.
#include <fstream>
#include <map>
#include <string_view>

#include "base/strings.h"
#include "report/diagnostics.h"

namespace gomo::report {

namespace {

constexpr size_t kSummaryRowsPerRule = 50;  // per file, in the job summary table

const char* command_of(diag::Severity s) {
  switch (s) {
    case diag::Severity::kError: return "error";
    case diag::Severity::kWarning: return "warning";
    case diag::Severity::kInfo: return "notice";
  }
  return "error";
}

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Control characters from the file are shown escaped (\x1b): the log is read on a terminal too.
std::string message_of(const diag::Diagnostic& d) {
  return diag::visible(d.related.empty() ? d.message : d.message + " (" + d.related + ")");
}

void write_annotation(std::ostream& out, const diag::Diagnostic& d) {
  const auto& l = d.location;
  out << "::" << command_of(d.severity) << " file=" << github_escape_property(diag::visible(l.file));
  if (l.line) out << ",line=" << l.line;
  if (l.end_line) out << ",endLine=" << l.end_line;
  if (l.col) out << ",col=" << l.col;
  if (l.end_col) out << ",endColumn=" << l.end_col;
  out << ",title=" << github_escape_property(d.rule) << "::" << github_escape_data(message_of(d)) << '\n';
}

// A Markdown table cell: no pipes or line breaks, and no raw HTML.
std::string cell(const std::string& s) {
  std::string r;
  for (char c : s) {
    switch (c) {
      case '|': r += "\\|"; break;
      case '\n': r += "<br>"; break;
      case '\r': break;
      case '<': r += "&lt;"; break;
      case '>': r += "&gt;"; break;
      case '&': r += "&amp;"; break;
      default: r += c;
    }
  }
  return r;
}

}  // namespace

std::string github_escape_data(const std::string& s) {
  std::string r;
  r.reserve(s.size());
  for (char c : s) {
    if (c == '%') r += "%25";
    else if (c == '\r') r += "%0D";
    else if (c == '\n') r += "%0A";
    else r += c;
  }
  return r;
}

std::string github_escape_property(const std::string& s) {
  std::string r;
  r.reserve(s.size());
  for (char c : github_escape_data(s)) {
    if (c == ':') r += "%3A";
    else if (c == ',') r += "%2C";
    else r += c;
  }
  return r;
}

void write_github(std::ostream& out, const std::vector<checks::FileResult>& files, const RunInfo& run) {
  // GitHub keeps the first 10 of each kind per step and drops the rest silently, so annotate the most
  // severe first and say what was left out.
  size_t left_out[3] = {0, 0, 0};
  for (auto severity : {diag::Severity::kError, diag::Severity::kWarning, diag::Severity::kInfo}) {
    size_t shown = 0;
    for (const auto& f : files)
      for (const auto& d : f.diagnostics) {
        if (d.severity != severity) continue;
        if (shown < kGithubAnnotationsPerKind) {
          write_annotation(out, d);
          ++shown;
        } else {
          ++left_out[static_cast<int>(severity)];
        }
      }
  }
  size_t total = left_out[0] + left_out[1] + left_out[2];
  if (total) {
    std::vector<std::string> counts;
    if (left_out[0]) counts.push_back(plural(left_out[0], "error", "errors"));
    if (left_out[1]) counts.push_back(plural(left_out[1], "warning", "warnings"));
    if (left_out[2]) counts.push_back(plural(left_out[2], "notice", "notices"));
    std::vector<std::string> where;
    if (!run.github_step_summary.empty()) where.push_back("the job summary");
    for (const auto& path : run.other_report_files) where.push_back(path);
    out << "gomo: " << plural(total, "more finding", "more findings") << " (" << join(counts, ", ")
        << ") not shown as annotations: GitHub shows at most " << kGithubAnnotationsPerKind << " errors, "
        << kGithubAnnotationsPerKind << " warnings and " << kGithubAnnotationsPerKind << " notices per step. ";
    if (where.empty()) out << "Run with --format json, or add --format sarif --output-file FILE, to see them all.\n";
    else out << "All findings are in " << join_words(where, " and ") << ".\n";
  }
  if (!run.github_step_summary.empty()) {
    std::ofstream summary(run.github_step_summary, std::ios::app | std::ios::binary);
    if (summary) write_github_step_summary(summary, files, run);
    if (!summary) out << "gomo: cannot append the job summary to " << run.github_step_summary << "\n";
  }
}

void write_github_step_summary(std::ostream& out, const std::vector<checks::FileResult>& files, const RunInfo& run) {
  (void)run;
  out << "### gomo flow validate\n\n" << summary_line(files) << "\n\n";
  bool any = false;
  for (const auto& f : files) any = any || !f.diagnostics.empty();
  if (!any) return;
  out << "| Severity | Location | Rule | Message |\n|---|---|---|---|\n";
  for (const auto& f : files) {
    std::map<std::string_view, size_t> per_rule;  // a flood of one finding is one row past the cap
    for (const auto& d : f.diagnostics) {
      if (++per_rule[d.rule] > kSummaryRowsPerRule) continue;
      std::string where = diag::visible(d.location.file);
      if (d.location.line) where += ":" + std::to_string(d.location.line) + ":" + std::to_string(d.location.col);
      out << "| " << diag::severity_name(d.severity) << " | " << cell(where) << " | " << cell(d.rule) << " | "
          << cell(message_of(d)) << " |\n";
    }
    for (const auto& [rule, n] : per_rule)
      if (n > kSummaryRowsPerRule)
        out << "| | " << cell(diag::visible(f.path)) << " | " << cell(std::string(rule)) << " | … and "
            << (n - kSummaryRowsPerRule) << " more in this file (--format json lists them all) |\n";
  }
  out << '\n';
}

}  // namespace gomo::report

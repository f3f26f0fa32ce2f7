// JUnit XML, as CI servers (GitLab, Jenkins, Azure) show test reports: a run is a suite, a file a test.
#include <cstdint>

#include "base/strings.h"
#include "base/utf8.h"
#include "report/diagnostics.h"

namespace gomo::report {

namespace {

std::string plural(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// One line per finding, as the text format prints its first line.
std::string finding_lines(const std::vector<diag::Diagnostic>& diags) {
  std::string body;
  for (const auto& d : diags) {
    const auto& l = d.location;
    body += l.file;
    if (l.line) body += ":" + std::to_string(l.line) + ":" + std::to_string(l.col);
    body += std::string(": ") + diag::severity_name(d.severity) + ": " + d.message + " [" + d.rule + "]";
    if (!l.pointer.empty()) body += " at " + l.pointer;
    body += "\n";
    if (!d.related.empty()) body += "  note: " + d.related + "\n";
  }
  return body;
}

std::string counts_text(const diag::Counts& c) {
  std::vector<std::string> parts;
  if (c.errors) parts.push_back(plural(c.errors, "error"));
  if (c.warnings) parts.push_back(plural(c.warnings, "warning"));
  if (c.infos) parts.push_back(std::to_string(c.infos) + " info");
  std::string r;
  for (size_t i = 0; i < parts.size(); ++i) r += (i ? ", " : "") + parts[i];
  return r;
}

}  // namespace

std::string xml_escape(const std::string& s, bool attribute) {
  std::string r;
  r.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    size_t len = decode_utf8(s, i, &cp);
    if (len == 0) {
      append_utf8(r, 0xFFFD);
      ++i;
      continue;
    }
    i += len;
    switch (cp) {
      case '&': r += "&amp;"; break;
      case '<': r += "&lt;"; break;
      case '>': r += "&gt;"; break;
      case '"': r += "&quot;"; break;
      case '\'': r += "&apos;"; break;
      // Parsers turn raw line breaks and tabs in attributes into spaces; references keep them.
      case '\n': r += attribute ? "&#10;" : "\n"; break;
      case '\r': r += "&#13;"; break;
      case '\t': r += attribute ? "&#9;" : "\t"; break;
      default:
        // XML 1.0 allows no other control characters, not even as references.
        if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) append_utf8(r, 0xFFFD);
        else append_utf8(r, cp);
    }
  }
  return r;
}

void write_junit(std::ostream& out, const std::vector<checks::FileResult>& files, const RunInfo& run) {
  size_t failures = 0, errors = 0;
  for (const auto& f : files) {
    auto c = diag::count(f.diagnostics);
    if (f.unreadable) ++errors;
    else if (c.errors || (run.strict && c.warnings)) ++failures;
  }
  const std::string suite = "gomo flow validate";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"" << suite << "\" tests=\"" << files.size() << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\">\n";
  out << "  <testsuite name=\"" << suite << "\" tests=\"" << files.size() << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\" skipped=\"0\">\n";
  for (const auto& f : files) {
    std::string path = xml_escape(f.path);
    auto c = diag::count(f.diagnostics);
    bool failed = c.errors || (run.strict && c.warnings);
    out << "    <testcase name=\"" << path << "\" classname=\"" << path << "\" file=\"" << path << "\"";
    if (f.diagnostics.empty() && !f.unreadable) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    std::string body = xml_escape(finding_lines(f.diagnostics), /*attribute=*/false);
    // The message attribute names the most severe finding; the body lists them all.
    const diag::Diagnostic* worst = nullptr;
    for (const auto& d : f.diagnostics)
      if (!worst || d.severity < worst->severity) worst = &d;
    std::string first = worst ? worst->message : "cannot be read";
    if (f.unreadable) {
      std::string type = worst ? worst->rule : "unreadable";
      out << "      <error message=\"" << xml_escape(first) << "\" type=\"" << xml_escape(type) << "\">" << body
          << "</error>\n";
    } else if (failed) {
      out << "      <failure message=\"" << xml_escape(counts_text(c) + ": " + first) << "\" type=\"gomo\">" << body
          << "</failure>\n";
    } else {
      // Findings that do not fail the run (warnings without --strict, infos) keep the test passing.
      out << "      <system-out>" << body << "</system-out>\n";
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace gomo::report

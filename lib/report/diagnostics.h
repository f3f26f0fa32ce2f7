#pragma once
// Every output format of diagnostics. Reporters only format: they call nothing.
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"
#include "checks/validate.h"
#include "report/text.h"

namespace gomo::report {

enum class DiagFormat : uint8_t { kText, kJson, kGithub, kSarif, kJunit };

// Parses "text", "json", "github", "sarif", "junit"; false on anything else.
bool parse_diag_format(const std::string& name, DiagFormat* out);
const char* diag_format_name(DiagFormat f);

struct RunInfo {
  std::string tool_version;  // e.g. "0.1.0"
  bool strict = false;
  // The run's exit code, decided by cli/ (cli/exit_codes.h); the JSON and SARIF reports state it.
  int exit_code = 0;
  // GitHub format only: a file to append a Markdown table of all findings to (the value of
  // $GITHUB_STEP_SUMMARY, filled by cli/); "" = none.
  std::string github_step_summary;
  // Other report files this run writes (e.g. the SARIF file), named in the GitHub format's
  // "N more findings" line. write_outputs fills it for each writer.
  std::vector<std::string> other_report_files;
};

void write_diagnostics(std::ostream& out, DiagFormat format, const std::vector<checks::FileResult>& files,
                       const RunInfo& run, const TextStyle& style);

// JSON document: {"version":1,"files":[...],"diagnostics":[...],"summary":{...}}.
void write_json(std::ostream& out, const std::vector<checks::FileResult>& files, const RunInfo& run);

// GitHub Actions workflow commands, one per finding (`::error file=F,line=L,...,title=RULE::message`),
// errors first, at most kGithubAnnotationsPerKind of each kind (GitHub drops the rest), then one plain
// line counting what was left out and where to read it. When run.github_step_summary is set, appends
// write_github_step_summary's table of all findings to that file.
constexpr size_t kGithubAnnotationsPerKind = 10;
void write_github(std::ostream& out, const std::vector<checks::FileResult>& files, const RunInfo& run);
// A Markdown section for $GITHUB_STEP_SUMMARY: a heading, the summary line and a table of every finding.
void write_github_step_summary(std::ostream& out, const std::vector<checks::FileResult>& files, const RunInfo& run);
// GitHub's escaping of a command's message (`%`, CR, LF) and of a property value (also `:` and `,`).
std::string github_escape_data(const std::string& s);
std::string github_escape_property(const std::string& s);

// SARIF 2.1.0: one run; tool.driver.rules[] from the rule registry; one result per finding with a
// 1-based region (omitted when the line is unknown), the JSON pointer, and a partialFingerprints entry
// that survives lines moving.
void write_sarif(std::ostream& out, const std::vector<checks::FileResult>& files, const RunInfo& run);
// The stable identity of a finding: a hex hash of rule, file, JSON pointer and message (not the line).
std::string sarif_fingerprint(const diag::Diagnostic& d);
// A relative path (or an absolute one, as a file: URI) percent-escaped for artifactLocation.uri.
std::string sarif_uri(const std::string& path);

// JUnit XML: one <testsuite> per run, one <testcase> per file (classname = path); a <failure> listing
// every finding of a file that fails the run (errors, or warnings under --strict), an <error> for a file
// that cannot be read or parsed; findings that do not fail the run go to the testcase's <system-out>.
void write_junit(std::ostream& out, const std::vector<checks::FileResult>& files, const RunInfo& run);
// XML text with &, <, >, " and ' escaped; characters XML 1.0 forbids (and invalid UTF-8) become U+FFFD.
// In an attribute (the default) line breaks and tabs become character references too.
std::string xml_escape(const std::string& s, bool attribute = true);

// One report to write: a format and a file ("" or "-" = standard output).
struct OutputRequest {
  DiagFormat format = DiagFormat::kText;
  std::string path;
};

// Pairs `--format` values with `--output-file` values in order (spectral's -f/-o). No formats means
// `default_format`; a single format with no file writes to stdout. Fails (usage error) when the counts
// differ, on an unknown format, or when two reports would go to the same file or both to stdout.
Result<std::vector<OutputRequest>> pair_outputs(const std::vector<std::string>& formats,
                                                const std::vector<std::string>& output_files,
                                                DiagFormat default_format);

// Output streams opened before the (possibly long) validation, so an unwritable path fails fast.
class OutputSet {
 public:
  // Opens (truncates) every named file. Fails with the path and the system's reason.
  static Result<OutputSet> open(std::vector<OutputRequest> requests);
  // Writes every report: files uncoloured, stdout with `stdout_style`. Fails when a file write fails.
  Status write(std::ostream& stdout_stream, const std::vector<checks::FileResult>& files, const RunInfo& run,
               const TextStyle& stdout_style);
  const std::vector<OutputRequest>& requests() const { return requests_; }

 private:
  std::vector<OutputRequest> requests_;
  std::vector<std::unique_ptr<std::ostream>> files_;  // parallel to requests_; null = stdout
};

}  // namespace gomo::report

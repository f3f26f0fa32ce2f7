#include "report/diagnostics.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

namespace gomo::report {

bool parse_diag_format(const std::string& name, DiagFormat* out) {
  if (name == "text") *out = DiagFormat::kText;
  else if (name == "json") *out = DiagFormat::kJson;
  else if (name == "github") *out = DiagFormat::kGithub;
  else if (name == "sarif") *out = DiagFormat::kSarif;
  else if (name == "junit") *out = DiagFormat::kJunit;
  else return false;
  return true;
}

const char* diag_format_name(DiagFormat f) {
  switch (f) {
    case DiagFormat::kText: return "text";
    case DiagFormat::kJson: return "json";
    case DiagFormat::kGithub: return "github";
    case DiagFormat::kSarif: return "sarif";
    case DiagFormat::kJunit: return "junit";
  }
  return "?";
}

void write_diagnostics(std::ostream& out, DiagFormat format, const std::vector<checks::FileResult>& files,
                       const RunInfo& run, const TextStyle& style) {
  switch (format) {
    case DiagFormat::kText: write_text(out, files, style); break;
    case DiagFormat::kJson: write_json(out, files, run); break;
    case DiagFormat::kGithub: write_github(out, files, run); break;
    case DiagFormat::kSarif: write_sarif(out, files, run); break;
    case DiagFormat::kJunit: write_junit(out, files, run); break;
  }
}

namespace {

bool is_stdout(const std::string& path) { return path.empty() || path == "-"; }

}  // namespace

Result<std::vector<OutputRequest>> pair_outputs(const std::vector<std::string>& formats,
                                                const std::vector<std::string>& output_files,
                                                DiagFormat default_format) {
  std::vector<OutputRequest> requests;
  if (formats.empty()) {
    if (output_files.size() > 1)
      return Status::invalid_argument("--output-file given " + std::to_string(output_files.size()) +
                                      " times without --format: give one --format per --output-file");
    requests.push_back({default_format, output_files.empty() ? "" : output_files[0]});
  } else if (formats.size() == 1 && output_files.empty()) {
    requests.push_back({default_format, ""});
    if (!parse_diag_format(formats[0], &requests[0].format))
      return Status::invalid_argument("unknown format `" + formats[0] +
                                      "`: expected text, json, github, sarif or junit");
  } else {
    if (formats.size() != output_files.size())
      return Status::invalid_argument("--format given " + std::to_string(formats.size()) + " times but --output-file " +
                                      std::to_string(output_files.size()) +
                                      " times: pair each --format with an --output-file, in order (- is stdout)");
    for (size_t i = 0; i < formats.size(); ++i) {
      OutputRequest r;
      if (!parse_diag_format(formats[i], &r.format))
        return Status::invalid_argument("unknown format `" + formats[i] +
                                        "`: expected text, json, github, sarif or junit");
      r.path = output_files[i];
      requests.push_back(std::move(r));
    }
  }
  std::set<std::string> seen;
  bool stdout_taken = false;
  for (const auto& r : requests) {
    if (is_stdout(r.path)) {
      if (stdout_taken)
        return Status::invalid_argument("two reports would go to standard output: give each an --output-file");
      stdout_taken = true;
    } else if (!seen.insert(r.path).second) {
      return Status::invalid_argument("--output-file " + r.path + " is named twice: give each format its own file");
    }
  }
  return requests;
}

Result<OutputSet> OutputSet::open(std::vector<OutputRequest> requests) {
  OutputSet set;
  for (const auto& r : requests) {
    if (is_stdout(r.path)) {
      set.files_.push_back(nullptr);
      continue;
    }
    auto file = std::make_unique<std::ofstream>(r.path, std::ios::binary | std::ios::trunc);
    if (!*file) return Status::invalid_argument("cannot write " + r.path + ": " + std::strerror(errno));
    set.files_.push_back(std::move(file));
  }
  set.requests_ = std::move(requests);
  return set;
}

Status OutputSet::write(std::ostream& stdout_stream, const std::vector<checks::FileResult>& files, const RunInfo& run,
                        const TextStyle& stdout_style) {
  for (size_t i = 0; i < requests_.size(); ++i) {
    RunInfo this_run = run;
    for (size_t j = 0; j < requests_.size(); ++j)
      if (j != i && !is_stdout(requests_[j].path)) this_run.other_report_files.push_back(requests_[j].path);
    if (!files_[i]) {
      write_diagnostics(stdout_stream, requests_[i].format, files, this_run, stdout_style);
      stdout_stream.flush();
      continue;
    }
    TextStyle plain = stdout_style;
    plain.color = false;
    write_diagnostics(*files_[i], requests_[i].format, files, this_run, plain);
    files_[i]->flush();
    if (!*files_[i]) return Status::io_error("cannot write " + requests_[i].path + ": " + std::strerror(errno));
  }
  return Status::ok();
}

}  // namespace gomo::report

#include "report/diagnostics.h"

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
    case DiagFormat::kGithub:
    case DiagFormat::kSarif:
    case DiagFormat::kJunit:
      write_json(out, files, run);  // FIXME(report helper): real writers
      break;
  }
}

}  // namespace gomo::report

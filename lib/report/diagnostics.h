#pragma once
// Every output format of diagnostics. Reporters only format: they call nothing.
#include <ostream>
#include <string>
#include <vector>

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
};

void write_diagnostics(std::ostream& out, DiagFormat format, const std::vector<checks::FileResult>& files,
                       const RunInfo& run, const TextStyle& style);

// JSON document: {"version":1,"files":[...],"diagnostics":[...],"summary":{...}}.
void write_json(std::ostream& out, const std::vector<checks::FileResult>& files, const RunInfo& run);

}  // namespace gomo::report

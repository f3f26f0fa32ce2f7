#include <nlohmann/json.hpp>

#include "report/diagnostics.h"

namespace gomo::report {

using nlohmann::ordered_json;

static ordered_json to_json(const diag::Diagnostic& d) {
  ordered_json j;
  j["rule"] = d.rule;
  j["severity"] = diag::severity_name(d.severity);
  j["message"] = d.message;
  j["file"] = d.location.file;
  j["line"] = d.location.line;
  j["col"] = d.location.col;
  j["endLine"] = d.location.end_line;
  j["endCol"] = d.location.end_col;
  j["pointer"] = d.location.pointer;
  if (!d.related.empty()) j["related"] = d.related;
  if (!d.fix.empty()) j["fix"] = {{"replacement", d.fix}};
  return j;
}

void write_json(std::ostream& out, const std::vector<checks::FileResult>& files, const RunInfo& run) {
  ordered_json doc;
  doc["version"] = 1;
  doc["tool"] = {{"name", "gomo"}, {"version", run.tool_version}};
  ordered_json jfiles = ordered_json::array();
  ordered_json jdiags = ordered_json::array();
  size_t errors = 0, warnings = 0, infos = 0;
  for (const auto& f : files) {
    auto c = diag::count(f.diagnostics);
    errors += c.errors;
    warnings += c.warnings;
    infos += c.infos;
    jfiles.push_back({{"file", f.path},
                      {"valid", c.errors == 0 && !f.unreadable},
                      {"errors", c.errors},
                      {"warnings", c.warnings},
                      {"infos", c.infos}});
    for (const auto& d : f.diagnostics) jdiags.push_back(to_json(d));
  }
  doc["files"] = std::move(jfiles);
  doc["diagnostics"] = std::move(jdiags);
  doc["summary"] = {{"files", files.size()}, {"errors", errors},     {"warnings", warnings},
                    {"infos", infos},        {"strict", run.strict}, {"exitCode", run.exit_code}};
  out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace gomo::report

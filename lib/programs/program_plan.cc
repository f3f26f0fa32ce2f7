#include "programs/program_plan.h"

#include <filesystem>

#include "api/validate_programs.h"
#include "base/files.h"
#include "document/document.h"
#include "document/writer.h"
#include "programs/validate_program.h"

namespace gomo::programs {

namespace {

constexpr const char* kDefaultZone = "Africa/Casablanca";  // docs/decisions.md, the organisation's zone

std::string at(const std::string& path, uint32_t line, uint32_t col) {
  return path + ":" + std::to_string(line) + ":" + std::to_string(col);
}

// The flow file: the flag, else the program's `flow:` when it is a file beside the program.
Result<std::string> choose_flow_path(const ProgramPlanRequest& r, const ProgramFile& file) {
  if (!r.flow_path.empty()) return r.flow_path;
  const std::string& named = file.flow.text;
  if (!named.empty()) {
    std::error_code ec;
    const auto beside = std::filesystem::path(r.program_path).parent_path() / named;
    if (std::filesystem::is_regular_file(beside, ec)) return beside.string();
  }
  std::string where = file.flow.present() && file.flow.at ? at(r.program_path, file.flow.at->begin.line,
                                                               file.flow.at->begin.col)
                                                         : r.program_path;
  return Status::invalid_argument(where + ": the program names the flow \"" + named +
                                  "\", which only a platform knows; give its file with --flow FILE (YAML or JSON, "
                                  "e.g. samples/flows/payment-reminder.json)");
}

Result<std::string> flow_as_json(const std::string& path) {
  auto text = read_file(path);
  if (!text) return Status::not_found(path + ": cannot read the flow file (" + text.error().message() + ")");
  auto doc = document::read_document(path, std::move(text.value()));
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return Status::invalid_argument(at(path, p.begin.line, p.begin.col) + ": " + p.message);
  }
  auto json = document::write_json(doc->root);
  if (!json) return Status::invalid_argument(path + ": " + json.error().message());
  return std::move(json.value());
}

}  // namespace

Result<ProgramPlan> read_program_plan(const ProgramPlanRequest& r) {
  auto text = read_file(r.program_path);
  if (!text)
    return Status::not_found(r.program_path + ": cannot read the program file (" + text.error().message() + ")");
  LoadedProgram loaded;
  auto result = validate_program_text(r.program_path, std::move(text.value()), nullptr, &loaded);
  for (const auto& d : result.diagnostics) {
    if (d.severity != diag::Severity::kError) continue;
    const auto& l = d.location;
    return Status::invalid_argument(at(l.file.empty() ? r.program_path : l.file, l.line, l.col) + ": " + d.message +
                                    " [" + d.rule + "]; `gomo program validate` lists every finding");
  }
  if (result.unreadable) return Status::invalid_argument(r.program_path + ": not a YAML or JSON program file");
  const ProgramFile& file = loaded.file;

  ProgramPlan out;
  out.program_name = file.name.text;
  api::DialingPlan& plan = out.plan;
  plan.execution_id = "forecast";
  plan.program_id = "forecast";
  for (const auto& did : file.dids)
    if (!did.text.empty()) plan.caller_numbers.push_back(did.text);
  if (plan.caller_numbers.empty())
    return Status::invalid_argument(r.program_path +
                                    ": the program has no DID (`dids:`), so no line to call on; add one");
  plan.time_zone = !r.time_zone.empty() ? r.time_zone : !file.timezone.text.empty() ? file.timezone.text : kDefaultZone;
  if (file.start_at.present()) plan.start_at = api::parse_iso_instant_ms(file.start_at.text);
  if (file.stop_at.present()) plan.stop_at = api::parse_iso_instant_ms(file.stop_at.text);
  plan.retry_strategy = file_retry(file).value_or(api::RetryStrategy{});
  plan.pause_windows = file_pause_windows(file).value_or(api::PauseWindows{});
  plan.auto_pause_rules = file_auto_pause_rules(file).value_or(std::vector<api::AutoPauseRule>{});

  auto flow_path = choose_flow_path(r, file);
  if (!flow_path) return flow_path.error();
  out.flow_path = flow_path.value();
  auto json = flow_as_json(out.flow_path);
  if (!json) return json.error();
  plan.flow_graph_json = std::move(json.value());
  return out;
}

}  // namespace gomo::programs

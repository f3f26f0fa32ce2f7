#include "programs/program_plan.h"

#include <filesystem>

#include "api/platform.h"
#include "api/validate_programs.h"
#include "document/document.h"
#include "document/limits.h"
#include "document/writer.h"
#include "programs/validate_program.h"

namespace gomo::programs {

namespace {

std::string at(const std::string& path, uint32_t line, uint32_t col) {
  return path + ":" + std::to_string(line) + ":" + std::to_string(col);
}

std::string flow_field_at(const ProgramPlanRequest& r, const ProgramFile& file) {
  return file.flow.at ? at(r.program_path, file.flow.at->begin.line, file.flow.at->begin.col) : r.program_path;
}

// The flow file: the flag, else the program's `flow:` when it is a file beside the program; "" when
// neither (the flow is a platform's).
std::string flow_file(const ProgramPlanRequest& r, const ProgramFile& file) {
  if (!r.flow_path.empty()) return r.flow_path;
  const std::string& named = file.flow.text;
  if (named.empty()) return "";
  std::error_code ec;
  const auto beside = std::filesystem::path(r.program_path).parent_path() / named;
  return std::filesystem::is_regular_file(beside, ec) ? beside.string() : "";
}

Outcome<std::string> flow_file_as_json(const std::string& path) {
  auto read = document::read_document_file(path);
  if (!read) return Failure::usage_error(path + ": cannot read the flow file (" + read.error().message() + ")");
  auto doc = std::move(read.value());
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return Failure::usage_error(at(path, p.begin.line, p.begin.col) + ": " + p.message);
  }
  auto json = document::write_json(doc->root);
  if (!json) return Failure::usage_error(path + ": " + json.error().message());
  return std::move(json.value());
}

// The flow `key` names on the platform: by id when it is one, else by exact name.
Outcome<api::FlowRecord> platform_flow(api::Platform& platform, const std::string& key, const std::string& where) {
  if (api::is_uuid(key)) {
    auto got = platform.get_flow(key);
    if (got) return std::move(got.value());
    if (got.error().http_status != 404) return Failure::api_error(got.error());
  }
  api::PageQuery query;
  query.search = key.size() <= 100 ? key : "";
  auto all = api::list_all_flows(platform, query);
  if (!all) return Failure::api_error(all.error());
  std::vector<api::FlowRecord> named;
  for (auto& f : all.value())
    if (f.name == key) named.push_back(std::move(f));
  if (named.size() == 1) return std::move(named.front());
  if (named.empty())
    return Failure::api_error(refusal(
        404, api::kNotFound,
        where + ": no flow with the id or name \"" + key + "\" on the target; give the flow file with --flow FILE"));
  std::string ids;
  for (const auto& f : named) ids += (ids.empty() ? "" : ", ") + f.id;
  return Failure::usage_error(where + ": " + std::to_string(named.size()) + " flows are named \"" + key +
                              "\" on the target (" + ids + "); name one by id in the program, or give --flow FILE");
}

}  // namespace

Outcome<ProgramPlan> read_program_plan(const ProgramPlanRequest& r) {
  auto text = document::read_input_text(r.program_path);
  if (!text && text.error().code() == StatusCode::kInvalidArgument) return Failure::usage_error(text.error().message());
  if (!text)
    return Failure::usage_error(r.program_path + ": cannot read the program file (" + text.error().message() + ")");
  LoadedProgram loaded;
  auto result = validate_program_text(r.program_path, std::move(text.value()), nullptr, &loaded,
                                      r.rules ? &r.rules->rules : nullptr);
  const bool strict = r.rules && r.rules->strict;
  for (const auto& d : result.diagnostics) {
    if (d.severity != diag::Severity::kError && !(strict && d.severity == diag::Severity::kWarning)) continue;
    const auto& l = d.location;
    return Failure::usage_error(at(l.file.empty() ? r.program_path : l.file, l.line, l.col) + ": " + d.message + " [" +
                                d.rule + "]; `gomo program validate` lists every finding");
  }
  if (result.unreadable) return Failure::usage_error(r.program_path + ": not a YAML or JSON program file");
  const ProgramFile& file = loaded.file;

  ProgramPlan out;
  out.program_name = file.name.text;
  api::DialingPlan& plan = out.plan;
  plan.execution_id = "forecast";
  plan.program_id = "forecast";
  for (const auto& did : file.dids)
    if (!did.text.empty()) plan.caller_numbers.push_back(did.text);
  if (plan.caller_numbers.empty())
    return Failure::usage_error(r.program_path + ": the program has no DID (`dids:`), so no line to call on; add one");
  plan.time_zone = !r.time_zone.empty()          ? r.time_zone
                   : !file.timezone.text.empty() ? file.timezone.text
                                                 : api::kDefaultTimeZone;
  if (file.start_at.present()) plan.start_at = api::parse_iso_instant_ms(file.start_at.text);
  if (file.stop_at.present()) plan.stop_at = api::parse_iso_instant_ms(file.stop_at.text);
  plan.retry_strategy = file_retry(file).value_or(api::RetryStrategy{});
  plan.pause_windows = file_pause_windows(file).value_or(api::PauseWindows{});
  plan.auto_pause_rules = file_auto_pause_rules(file).value_or(std::vector<api::AutoPauseRule>{});

  out.flow_path = flow_file(r, file);
  if (!out.flow_path.empty()) {
    auto json = flow_file_as_json(out.flow_path);
    if (!json) return json.error();
    plan.flow_graph_json = std::move(json.value());
    return out;
  }
  if (file.flow.text.empty())
    return Failure::usage_error(r.program_path +
                                ": the program names no flow (`flow:`); give the flow file with --flow FILE");
  if (!r.platform)
    return Failure::usage_error(flow_field_at(r, file) + ": the program names the flow \"" + file.flow.text +
                                "\", which only a platform knows; give its file with --flow FILE (YAML or JSON, e.g. "
                                "samples/flows/payment-reminder.json), or read it from the target with --remote");
  auto flow = platform_flow(*r.platform, file.flow.text, flow_field_at(r, file));
  if (!flow) return flow.error();
  out.flow_id = flow->id;
  plan.flow_id = flow->id;
  plan.flow_graph_json = std::move(flow->graph_json);
  return out;
}

}  // namespace gomo::programs

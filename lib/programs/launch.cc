// Launch with its preconditions checked first (programs/launch.h).
#include "programs/launch.h"

#include <nlohmann/json.hpp>

#include "checks/validate.h"
#include "programs/find_program.h"
#include "programs/transition.h"

namespace gomo::programs {
namespace {

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

bool is_missing(const api::ApiError& e) { return e.http_status == 404; }

// The flow's graph through gomo's own validator, printed as indented JSON so that findings have
// lines to point at. Nothing when the graph has no errors.
std::optional<checks::FileResult> flow_errors(const api::FlowRecord& flow) {
  nlohmann::json graph = nlohmann::json::parse(flow.graph_json, nullptr, /*allow_exceptions=*/false);
  std::string text = graph.is_discarded() ? flow.graph_json : graph.dump(2) + "\n";
  checks::FileResult checked = checks::validate_text("flow/" + flow.name, std::move(text), {});
  for (const auto& d : checked.diagnostics)
    if (d.severity == diag::Severity::kError) return checked;
  if (checked.unreadable) return checked;
  return std::nullopt;
}

size_t error_count(const checks::FileResult& file) {
  size_t n = 0;
  for (const auto& d : file.diagnostics) n += d.severity == diag::Severity::kError;
  return n;
}

}  // namespace

api::ApiError refusal(int http_status, std::string code, std::string message) {
  api::ApiError e;
  e.http_status = http_status;
  e.code = std::move(code);
  e.message = std::move(message);
  return e;
}

Outcome<api::Program> resolve_program(api::Platform& platform, const std::string& key) {
  auto found = find_program(platform, key);
  if (!found) return Failure::api_error(found.error());
  if (found->empty()) {
    return Failure::api_error(
        refusal(404, api::kNotFound,
                "program " + in_quotes(key) + " not found: no program has that id or name (gomo program list)"));
  }
  if (found->size() > 1) {
    std::string ids;
    for (const auto& p : *found) ids += (ids.empty() ? "" : ", ") + p.id;
    return Failure::usage_error(std::to_string(found->size()) + " programs are named " + in_quotes(key) + " (" + ids +
                                "); name one by its id");
  }
  return std::move(found->front());
}

Outcome<api::Execution> launch(api::Platform& platform, const api::Program& program) {
  const std::string name = "program " + in_quotes(program.name);
  if (program.status == "archived") {
    return Failure::api_error(refusal(409, api::kProgramArchived,
                                      name + " is archived, and an archived program cannot be launched; " +
                                          "create a new program (gomo program apply) to call its audience again"));
  }
  auto active = active_execution(platform, program.id);
  if (!active) return active.error();
  if (*active) {
    const api::Execution& e = **active;
    return Failure::api_error(refusal(409, api::kExecutionAlreadyRunning,
                                      name + " already has execution " + e.id + " (" + e.status +
                                          "); a program runs one execution at a time: cancel it (gomo execution "
                                          "cancel " +
                                          e.id + ") or wait for it to end"));
  }
  auto audience = platform.get_audience(program.audience_id);
  if (!audience) {
    if (!is_missing(audience.error())) return Failure::api_error(audience.error());
    return Failure::api_error(refusal(400, api::kReferenceNotFound,
                                      "the audience " + program.audience_id + " of " + name +
                                          " no longer exists; point the program at another (gomo program apply)"));
  }
  if (audience->contact_count == 0) {
    return Failure::api_error(refusal(400, api::kAudienceEmpty,
                                      "audience " + in_quotes(audience->name) + " of " + name +
                                          " has no contacts; add some (gomo audiences add " +
                                          in_quotes(audience->name) + " PHONE...), then launch"));
  }
  auto flow = platform.get_flow(program.flow_id);
  if (!flow) {
    if (!is_missing(flow.error())) return Failure::api_error(flow.error());
    return Failure::api_error(refusal(400, api::kReferenceNotFound,
                                      "the flow " + program.flow_id + " of " + name +
                                          " no longer exists; point the program at another (gomo program apply)"));
  }
  if (auto errors = flow_errors(*flow)) {
    const size_t n = error_count(*errors);
    Failure failure = Failure::api_error(refusal(
        400, api::kFlowInvalid,
        "flow " + in_quotes(flow->name) + " of " + name + " has " +
            (errors->unreadable ? std::string("a graph gomo cannot read")
                                : std::to_string(n) + (n == 1 ? " error" : " errors")) +
            " (gomo's validator's findings above); fix the flow (gomo flow validate, gomo flow push), then launch"));
    failure.flow_findings.push_back(std::move(*errors));
    return failure;
  }
  auto launched = platform.launch_program(program.id);
  if (!launched) return Failure::api_error(launched.error());
  return std::move(*launched);
}

}  // namespace gomo::programs

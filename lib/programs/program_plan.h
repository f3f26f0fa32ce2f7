#pragma once
// A program file as gomo's dialer would run it, for `gomo program simulate` (the forecast): the file's
// retry strategy, pause windows, auto-pause rules, DID pool (one line per DID), startAt/stopAt and time
// zone, with the flow it names read from a local flow file or, when asked, from a target. Nothing is
// sent anywhere.
#include <string>

#include "api/dialing.h"
#include "programs/failure.h"

namespace gomo::api {
class Platform;
}

namespace gomo::programs {

struct ProgramRuleChoice;  // programs/validate_program.h

struct ProgramPlanRequest {
  std::string program_path;  // a *.program.yaml (or .json) file
  // The flow file (YAML or JSON, as `gomo flow validate` reads). "": the program's `flow:` value when it
  // is the path of an existing file (relative to the program file's folder); a flow named by name only
  // a platform knows needs this, or `platform`.
  std::string flow_path;
  // The organisation's IANA zone. "": the program file's `timezone:`, else Africa/Casablanca (the
  // platform's default, docs/decisions.md).
  std::string time_zone;
  // Where to read the flow the program names (by id, else by exact name) when there is no flow file;
  // null: offline (the default). REQUIRES: outlives the call.
  api::Platform* platform = nullptr;
  // The rule selection `gomo program validate` and `apply` honour (--ignore, the config's `program:`
  // section: ignored rules, severities, strict); null: every rule at its own severity, not strict.
  // REQUIRES: outlives the call.
  const ProgramRuleChoice* rules = nullptr;
};

struct ProgramPlan {
  std::string program_name;  // the file's `name:` ("" when absent)
  std::string flow_path;     // the flow file used; "" when read from `platform`
  std::string flow_id;       // the platform's flow, when read from it
  // execution_id "forecast"; flow_graph_json the flow file as JSON; DIDs as written (ids or numbers:
  // only their count matters, one line each).
  api::DialingPlan plan;
};

// Usage failures (exit 2): the program file cannot be read, is not YAML/JSON or has error findings
// under `request.rules` (warnings too when it is strict; the first as "path:line:col: message [rule]";
// `gomo program validate` lists all); no DID; no flow file and
// no platform (the message says to give --flow FILE); the flow file cannot be read or parsed
// ("path:line:col: message"); several flows of the platform have the name. Platform failures: its
// errors, and 404 NOT_FOUND when it has no such flow.
Outcome<ProgramPlan> read_program_plan(const ProgramPlanRequest& request);

}  // namespace gomo::programs

// Pause, resume and cancel as one call (programs/control.h).
#include "programs/control.h"

#include "programs/launch.h"
#include "programs/pause_rules_file.h"

namespace gomo::programs {
namespace {

std::string control_quoted(const std::string& s) { return "\"" + s + "\""; }

const char* past_tense(Verb verb) {
  switch (verb) {
    case Verb::kPause: return "paused";
    case Verb::kResume: return "resumed";
    case Verb::kCancel: return "cancelled";
  }
  return "";
}

// The execution to act on: the one named, or the program's active one. Nothing (with `out` saying
// why) when the program has none.
Outcome<std::optional<api::Execution>> control_target(api::Platform& platform, const ControlRequest& request,
                                                      ControlOutcome& out) {
  if (!request.by_program) {
    auto e = find_execution(platform, request.key);
    if (!e) return e.error();
    return std::optional<api::Execution>(std::move(*e));
  }
  auto program = resolve_program(platform, request.key);
  if (!program) return program.error();
  out.program_name = program->name;
  auto active = active_execution(platform, program->id);
  if (!active) return active.error();
  if (*active) return std::move(*active);
  const std::string none =
      "program " + control_quoted(program->name) + " has no scheduled, running or paused execution";
  if (request.if_active) {
    out.kind = ControlOutcome::Kind::kNothingToDo;
    out.note = none + "; nothing to " + verb_name(request.verb);
  } else {
    out.kind = ControlOutcome::Kind::kNoActiveExecution;
    out.note = none + "; --if-active makes this exit 0 (see its executions: gomo execution list " +
               control_quoted(program->name) + ")";
  }
  return std::optional<api::Execution>();
}

}  // namespace

Outcome<ControlOutcome> control_execution(api::Platform& platform, const ControlRequest& request,
                                          const ConfirmFn& confirm) {
  ControlOutcome out;
  auto found = control_target(platform, request, out);
  if (!found) return found.error();
  if (!*found) return out;
  const api::Execution& current = **found;
  const std::string what =
      "execution " + current.id + (out.program_name.empty() ? "" : " of program " + control_quoted(out.program_name));
  if (request.rules) {
    if (auto problem = check_rule_nodes(platform, current, *request.rules, request.rules_path)) return *problem;
  }
  auto plan = plan_transition(current, request.verb, request.rules.has_value(), request.if_active);
  if (plan.kind == TransitionPlan::Kind::kApply && request.verb == Verb::kCancel) {
    const int done = current.contacts_completed + current.contacts_failed;
    out.confirmation = confirm("Cancel " + what + " (" + current.status + ", " + std::to_string(done) + " of " +
                               std::to_string(current.total_contacts) + " contacts done) on " + request.target +
                               "? Contacts not called yet will not be called.");
    if (out.confirmation != Confirmation::kYes) {
      out.kind = ControlOutcome::Kind::kNotConfirmed;
      return out;
    }
  }
  auto applied = apply_transition(platform, current, request.verb, request.rules, request.if_active);
  if (!applied) return applied.error();
  out.execution = std::move(applied->execution);
  if (!applied->changed) {
    out.kind = ControlOutcome::Kind::kNothingToDo;
    out.note = std::move(applied->note);
    return out;
  }
  out.kind = ControlOutcome::Kind::kChanged;
  out.summary = std::string(past_tense(request.verb)) + " " + what + ", now " + out.execution->status;
  if (request.rules) out.summary += " (auto-pause rules replaced: " + std::to_string(request.rules->size()) + ")";
  return out;
}

}  // namespace gomo::programs

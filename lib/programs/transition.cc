// Idempotent pause, resume and cancel (programs/transition.h).
#include "programs/transition.h"

#include "api/list_all.h"

namespace gomo::programs {
namespace {

const char* const kPausedStatuses = "paused, paused_no_credits or paused_threshold";
const char* const kActiveStatuses = "scheduled, running, paused, paused_no_credits or paused_threshold";

TransitionPlan nothing(std::string note) { return {TransitionPlan::Kind::kNothing, std::move(note), {}}; }

TransitionPlan impossible(std::string message) {
  return {TransitionPlan::Kind::kImpossible, "", refusal(409, api::kInvalidTransition, std::move(message))};
}

}  // namespace

const char* verb_name(Verb verb) {
  switch (verb) {
    case Verb::kPause: return "pause";
    case Verb::kResume: return "resume";
    case Verb::kCancel: return "cancel";
  }
  return "";
}

bool is_active(const std::string& status) {
  return status == "scheduled" || status == "running" || api::is_paused_status(status);
}

Outcome<api::Execution> find_execution(api::Platform& platform, const std::string& id) {
  auto got = platform.get_execution(id);
  if (got) return std::move(*got);
  // 400: a platform that checks the id's shape first.
  if (got.error().http_status == 404 || got.error().http_status == 400) {
    return Failure::api_error(
        refusal(404, api::kNotFound,
                "execution " + id + " not found; list a program's executions with gomo execution list PROGRAM"));
  }
  return Failure::api_error(got.error());
}

Outcome<std::vector<api::Execution>> program_executions(api::Platform& platform, const std::string& program_id) {
  api::PageQuery query;  // the default order: newest first
  auto all = api::collect_all<api::Execution>(
      [&](const api::PageQuery& q) { return platform.list_executions(program_id, q); }, query);
  if (!all) return Failure::api_error(all.error());
  return std::move(*all);
}

Outcome<std::optional<api::Execution>> active_execution(api::Platform& platform, const std::string& program_id) {
  auto all = program_executions(platform, program_id);
  if (!all) return all.error();
  for (auto& e : *all)
    if (is_active(e.status)) return std::optional<api::Execution>(std::move(e));
  return std::optional<api::Execution>();
}

TransitionPlan plan_transition(const api::Execution& e, Verb verb, bool replacing_rules, bool if_active) {
  const std::string& s = e.status;
  const std::string name = "execution " + e.id;
  if (!is_active(s)) {
    if (if_active) return nothing(name + " has ended (" + s + "); nothing to " + verb_name(verb));
    std::string allowed = verb == Verb::kPause ? "running" : verb == Verb::kResume ? kPausedStatuses : kActiveStatuses;
    return impossible(name + " is " + s + " (it has ended); " + verb_name(verb) + " needs an execution that is " +
                      allowed);
  }
  switch (verb) {
    case Verb::kPause:
      if (s == "running") return {};
      if (api::is_paused_status(s)) return nothing(name + " is already paused (" + s + "); nothing to do");
      return impossible(name +
                        " is scheduled and has not started; pause needs a running execution (cancel "
                        "stops a scheduled one from starting)");
    case Verb::kResume:
      if (api::is_paused_status(s)) return {};
      if (s == "running" && !replacing_rules) return nothing(name + " is already running; nothing to do");
      return impossible(name + " is " + s + "; resume" +
                        (replacing_rules ? std::string(" --auto-pause-rules") : std::string()) +
                        " needs an execution that is " + kPausedStatuses);
    case Verb::kCancel: return {};
  }
  return {};
}

Outcome<Transition> apply_transition(api::Platform& platform, const api::Execution& current, Verb verb,
                                     const std::optional<std::vector<api::AutoPauseRule>>& rules, bool if_active) {
  api::Execution seen = current;
  for (int round = 0; round < 2; ++round) {
    TransitionPlan plan = plan_transition(seen, verb, rules.has_value(), if_active);
    if (plan.kind == TransitionPlan::Kind::kImpossible) return Failure::api_error(plan.error);
    if (plan.kind == TransitionPlan::Kind::kNothing) return Transition{seen, false, plan.note};
    api::ApiError error;
    if (verb == Verb::kCancel) {
      auto done = platform.cancel_execution(seen.id);
      if (done) {
        auto after = find_execution(platform, seen.id);
        if (!after) return after.error();
        return Transition{std::move(*after), true, ""};
      }
      error = done.error();
    } else {
      auto after = verb == Verb::kPause ? platform.pause_execution(seen.id) : platform.resume_execution(seen.id, rules);
      if (after) return Transition{std::move(*after), true, ""};
      error = after.error();
    }
    // Changed under us (another cron job, the dialer): decide again on what it is now.
    if (error.http_status != 409 || round == 1) return Failure::api_error(error);
    auto fresh = find_execution(platform, seen.id);
    if (!fresh) return fresh.error();
    if (fresh->status == seen.status) return Failure::api_error(error);  // refused for another reason
    seen = std::move(*fresh);
  }
  return Failure::api_error(refusal(409, api::kInvalidTransition, "execution " + current.id + " kept changing"));
}

}  // namespace gomo::programs

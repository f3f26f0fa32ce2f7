#pragma once
// Pause, resume and cancel, idempotent for cron: asking for the state an execution is already in
// succeeds with a note; a transition its status does not allow says which statuses do.
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"
#include "programs/failure.h"

namespace gomo::programs {

enum class Verb { kPause, kResume, kCancel };
const char* verb_name(Verb verb);  // "pause", "resume", "cancel"

// scheduled, running, paused, paused_no_credits, paused_threshold: the statuses an execution can
// still change from (a program has at most one such execution).
bool is_active(const std::string& status);

// The execution with that id; 404 NOT_FOUND "execution ID not found ..." when there is none.
Outcome<api::Execution> find_execution(api::Platform& platform, const std::string& id);

// The program's scheduled, running or paused execution, if any (its executions, newest first).
Outcome<std::optional<api::Execution>> active_execution(api::Platform& platform, const std::string& program_id);
// The program's executions, newest first (every page).
Outcome<std::vector<api::Execution>> program_executions(api::Platform& platform, const std::string& program_id);

struct TransitionPlan {
  enum class Kind {
    kApply,       // send the request
    kNothing,     // already done (or, with if_active, nothing left to act on): succeed, say `note`
    kImpossible,  // `error` (409 INVALID_STATUS_TRANSITION) says which statuses allow it
  };
  Kind kind = Kind::kApply;
  std::string note;
  api::ApiError error;
};

// What `verb` does to `execution`. pause: running is paused, paused* is nothing to do; resume:
// paused* is resumed, running is nothing to do unless `replacing_rules` (rules can only be replaced on
// a paused execution); cancel: any active status is cancelled. Other statuses are impossible, or with
// `if_active` nothing to do when the execution has ended.
TransitionPlan plan_transition(const api::Execution& execution, Verb verb, bool replacing_rules, bool if_active);

struct Transition {
  api::Execution execution;  // as it is afterwards
  bool changed = false;      // false: nothing was sent (see note)
  std::string note;          // why nothing was sent, e.g. "execution E is already paused (paused_threshold)"
};

// Plans against `current` and applies: sends the request (resume with `rules` replacing the
// execution's auto-pause rules when given) and reads the execution back. A 409 from the platform (the
// status changed since `current` was read) is planned again once against a fresh read, so two cron
// jobs pausing at once both succeed.
Outcome<Transition> apply_transition(api::Platform& platform, const api::Execution& current, Verb verb,
                                     const std::optional<std::vector<api::AutoPauseRule>>& rules, bool if_active);

}  // namespace gomo::programs

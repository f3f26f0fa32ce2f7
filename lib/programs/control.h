#pragma once
// `gomo program pause|resume|cancel NAME` and `gomo execution pause|resume|cancel ID` as one call:
// find the execution (named, or the program's active one), check replacement auto-pause rules against
// its flow, decide (programs/transition.h), ask before a cancel, apply, and say what happened.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"
#include "base/confirm.h"
#include "programs/failure.h"
#include "programs/transition.h"

namespace gomo::programs {

struct ControlRequest {
  Verb verb = Verb::kPause;
  std::string key;          // an execution id, or with `by_program` a program id or name
  bool by_program = false;  // act on the program's scheduled, running or paused execution
  bool if_active = false;   // nothing to act on (no active execution, or it has ended) is a note, not a failure
  // resume: the rules that replace the execution's (none: keep them); `rules_path` names their file
  // in messages.
  std::optional<std::vector<api::AutoPauseRule>> rules;
  std::string rules_path;
  // Where the request goes, as the person knows it ("local workspace .gomo/workspace.db"): for the
  // cancel question.
  std::string target;
};

// Asks the person `question` (no " [y/N]": the callee adds what it needs) and says what they decided.
// Called at most once, only for a cancel that will be sent. The CLI passes base/confirm.h's prompt.
using ConfirmFn = std::function<Confirmation(const std::string& question)>;

struct ControlOutcome {
  enum class Kind {
    kChanged,            // the request was sent: `summary` says what it did
    kNothingToDo,        // nothing sent: `note` says why (already in that state; with if_active nothing to act on)
    kNoActiveExecution,  // by_program without if_active: `note` says so, with the fix (the CLI exits 3)
    kNotConfirmed,       // a cancel the person did not confirm (`confirmation`: kNo or kRefused); nothing sent
  };
  Kind kind = Kind::kNothingToDo;
  // The execution acted on, as it is afterwards (kChanged, and kNothingToDo when there was one).
  std::optional<api::Execution> execution;
  std::string program_name;  // by_program: the program's name
  // kChanged: "paused execution E of program "March", now paused" (+ " (auto-pause rules replaced: N)").
  std::string summary;
  std::string note;  // kNothingToDo, kNoActiveExecution
  Confirmation confirmation = Confirmation::kYes;
};

// Does `request`. Failures, each with the code and message of the call that found it: an unknown
// execution id or program (404), an ambiguous program name (usage), rules naming nodes the flow does
// not have (usage), a transition the status does not allow (409, naming the statuses that do), and
// the platform's own refusals. `confirm` must be callable when request.verb is kCancel.
Outcome<ControlOutcome> control_execution(api::Platform& platform, const ControlRequest& request,
                                          const ConfirmFn& confirm);

}  // namespace gomo::programs

#pragma once
// What `gomo program launch|pause|resume|cancel` (cli/program_run.cc) and `gomo execution`
// (cli/execution.cc) share: the pause/resume/cancel flags and action, the watch, and printing a
// programs::Failure with its exit code.
#include <string>

#include "cli/context.h"
#include "cli/target.h"
#include "programs/transition.h"

namespace CLI {
class App;
}
namespace gomo::api {
class Platform;
}

namespace gomo::cli {

// The flags of pause, resume and cancel.
struct ControlOptions {
  TargetOptions target;
  std::string key;          // an execution id, or with by_program a program id or name
  bool by_program = false;  // act on the program's scheduled, running or paused execution
  bool if_active = false;   // --if-active: exit 0 when there is nothing to act on
  bool yes = false;         // cancel: --yes
  std::string rules_file;   // resume: --auto-pause-rules FILE ("" = keep the rules)
};

// Adds `verb` (pause, resume or cancel) under `group` with its flags, for a program (`by_program`:
// the argument is a program id or name) or an execution id.
void add_control_command(CLI::App& group, Action& action, programs::Verb verb, bool by_program);

// Exit 2 for a usage problem (an ambiguous program name), else the platform's refusal (exit 3, 4, 5).
// A launch refused for an invalid flow prints gomo's validator's findings first.
int report_programs_failure(Context& ctx, const programs::Failure& failure);

// How long to watch, read from --timeout (bounds the whole watch, and each request) and --interval.
struct WatchFlags {
  std::string interval = "2s";  // --interval: between polls
};
void add_watch_flags(CLI::App* cmd, WatchFlags& flags);

// Watches execution `id` until it ends or --timeout passes: a live view redrawn in place on a
// terminal, one line per change on stdout when piped (or `quiet_changes`: nothing until the end, for
// --wait). Exit 0 when the execution ended (its last status in `final_status`), 1 when --timeout
// passed first (a note says so), 2 for a bad --interval or --timeout, the platform's refusal's code
// when a read fails.
int watch_and_report(Context& ctx, api::Platform& platform, const TargetOptions& target, const WatchFlags& flags,
                     const std::string& id, bool quiet_changes, std::string* final_status = nullptr);

}  // namespace gomo::cli

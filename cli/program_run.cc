// `gomo program launch|pause|resume|cancel`: a program's executions started and driven by the
// program's id or name (the rest of `gomo program` is cli/program.cc).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "api/platform.h"
#include "api/wire_programs.h"
#include "campaign/local_run.h"
#include "cli/commands.h"
#include "cli/execution_control.h"
#include "cli/exit_codes.h"
#include "cli/target.h"
#include "programs/launch.h"

namespace gomo::cli {
namespace {

struct ProgramLaunchOptions {
  TargetOptions target;
  WatchFlags watch_flags;
  std::string program;
  bool wait = false;   // until the execution ends, quietly
  bool watch = false;  // until the execution ends, showing it
  std::string mix;     // --mix FILE: the local dialer's simulated callees
  uint64_t seed = 0;   // --seed N (seed_given)
  bool seed_given = false;
};

// On the local workspace --wait and --watch run gomo's dialer here, on a virtual clock, until the
// execution ends; the watch then shows how it ended. Returns an exit code when it could not run.
std::optional<int> program_run_locally(Context& ctx, api::Platform& platform, const campaign::OutcomeMix& callees,
                                       const std::string& id) {
  auto run = campaign::run_to_end(platform, id, callees);
  if (!run)
    return report_error(ctx, "execution " + id + " was launched, but the dialer failed: " + run.error().message(),
                        kExitApiError);
  if (!api::is_paused_status(run->status)) return std::nullopt;  // ended: the watch shows how
  // Paused by an auto-pause rule: nobody resumes it while we wait.
  report_note(
      ctx, "execution " + id + " is " + run->status + " after " + std::to_string(run->attempts) +
               " attempts (an auto-pause rule): gomo program resume, and gomo serve on this workspace dials the rest");
  return kExitFindings;
}

int program_launch(Context& ctx, const ProgramLaunchOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kExisting);
  if (!opened) return exit_code;
  const bool local_dialer = opened->platform->dialing() != nullptr;
  if (!local_dialer && (!o.mix.empty() || o.seed_given)) {
    return report_error(ctx, "--mix and --seed choose how the local workspace's simulated callees behave; " +
                                 opened->summary + " places its calls itself: drop them");
  }
  campaign::OutcomeMix callees;
  if (local_dialer && (o.wait || o.watch)) {
    auto mix = campaign::load_callees({o.mix, o.seed_given ? std::optional<uint64_t>(o.seed) : std::nullopt});
    if (!mix) return report_error(ctx, mix.error());
    callees = std::move(mix.value());
  }
  auto program = programs::resolve_program(*opened->platform, o.program);
  if (!program) return report_programs_failure(ctx, program.error());
  auto launched = programs::launch(*opened->platform, *program);
  if (!launched) return report_programs_failure(ctx, launched.error());
  if (ctx.quiet || ctx.output == "text" || ctx.output == "table") {
    ctx.out << launched->id << "\n" << std::flush;  // for scripts: EXECUTION=$(gomo program launch X -q)
  } else {
    print_records(ctx, api::wire::encode(*launched), {{"ID", "id"}, {"STATUS", "status"}});
  }
  print_target_summary(ctx, *opened,
                       "launched program \"" + program->name + "\": execution " + launched->id + " (" +
                           launched->status + ", " + std::to_string(launched->total_contacts) + " contacts)");
  if (!o.wait && !o.watch) return kExitOk;
  if (local_dialer) {
    if (auto code = program_run_locally(ctx, *opened->platform, callees, launched->id)) return *code;
  }
  std::string final_status;
  int code = watch_and_report(ctx, *opened->platform, o.target, o.watch_flags, launched->id, o.wait, &final_status);
  if (code == kExitOk && final_status != "completed") return kExitFindings;  // stopped or cancelled
  return code;
}

}  // namespace

void add_program_run_commands(CLI::App& program, Context& ctx, Action& action) {
  auto launch = std::make_shared<ProgramLaunchOptions>();
  auto* cmd = program.add_subcommand(
      "launch", "Launch a program: check it can run (audience, flow, no active execution), start an execution");
  cmd->footer(
      "Prints the new execution's id (-q: only the id). --wait and --watch stay until it ends (bounded by\n"
      "--timeout). On the local workspace they run gomo's dialer on a virtual clock: a day-long campaign\n"
      "in seconds, with simulated callees (--mix FILE, --seed N); elsewhere the platform dials.\n"
      "Exit codes: 0 launched (with --wait/--watch: and completed), 1 --wait/--watch: it ended otherwise or\n"
      "--timeout passed, 2 usage or ambiguous name, 3 API error (a precondition failed: PROGRAM_ARCHIVED,\n"
      "EXECUTION_ALREADY_RUNNING, AUDIENCE_EMPTY, FLOW_INVALID with the flow's findings, REFERENCE_NOT_FOUND),\n"
      "4 authentication, 5 network.");
  cmd->add_option("program", launch->program, "Program id or name")->required();
  auto* wait = cmd->add_flag("--wait", launch->wait, "Stay until the execution ends (prints nothing more)");
  cmd->add_flag("--watch", launch->watch,
                "Stay until the execution ends, showing it (live on a terminal, a line per change when piped)")
      ->excludes(wait);
  add_watch_flags(cmd, launch->watch_flags);
  cmd->add_option("--mix", launch->mix,
                  "Local workspace, with --wait/--watch: how the simulated callees behave (an outcome mix file)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--seed", launch->seed, "Local workspace: the callees' seed (a run repeats exactly)")
      ->each([launch](const std::string&) { launch->seed_given = true; });
  add_target_flags(cmd, launch->target);
  cmd->callback([launch, &action] { action = [launch](Context& c) { return program_launch(c, *launch); }; });

  for (programs::Verb verb : {programs::Verb::kPause, programs::Verb::kResume, programs::Verb::kCancel}) {
    add_control_command(program, action, verb, /*by_program=*/true);
  }
  (void)ctx;
}

}  // namespace gomo::cli

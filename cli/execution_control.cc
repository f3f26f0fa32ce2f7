// pause/resume/cancel for programs and executions, the watch, and programs::Failure's exit codes
// (cli/execution_control.h).
#include "cli/execution_control.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "api/platform.h"
#include "api/wire_programs.h"
#include "base/confirm.h"
#include "base/time.h"
#include "cli/exit_codes.h"
#include "cli/resources.h"
#include "document/limits.h"
#include "programs/control.h"
#include "programs/names.h"
#include "programs/pause_rules_file.h"
#include "programs/watch.h"
#include "report/execution_report.h"
#include "report/text.h"

namespace gomo::cli {
namespace {

int run_control(Context& ctx, const ControlOptions& o, programs::Verb verb) {
  programs::ControlRequest request;
  request.verb = verb;
  request.key = o.key;
  request.by_program = o.by_program;
  request.if_active = o.if_active;
  if (!o.rules_file.empty()) {
    auto text = document::read_input_text(o.rules_file);
    if (!text && text.error().code() == StatusCode::kInvalidArgument) return report_error(ctx, text.error().message());
    if (!text) return report_error(ctx, "--auto-pause-rules: " + text.error().message());
    auto read = programs::read_auto_pause_rules(o.rules_file, std::move(*text));
    if (!read) return report_error(ctx, read.error());
    request.rules = std::move(*read);
    request.rules_path = o.rules_file;
  }
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kExisting);
  if (!opened) return exit_code;
  request.target = opened->summary;
  auto ask = [&](const std::string& question) { return confirm(ctx.in, ctx.err, ctx.stdin_tty, o.yes, question); };
  auto done = programs::control_execution(*opened->platform, request, ask);
  if (!done) return report_programs_failure(ctx, done.error());
  using Kind = programs::ControlOutcome::Kind;
  if (done->kind == Kind::kNotConfirmed) return report_unconfirmed(ctx, done->confirmation);
  if (done->kind == Kind::kNoActiveExecution) {
    return report_error(ctx, done->note + " (" + ctx.target + ")", kExitApiError);  // named like API errors
  }
  if (done->execution && (ctx.output == "json" || ctx.output == "yaml")) {
    print_records(ctx, api::wire::encode(*done->execution), {{"ID", "id"}, {"STATUS", "status"}});
  }
  if (done->kind == Kind::kNothingToDo) {
    if (!ctx.quiet) report_note(ctx, done->note);
    return kExitOk;
  }
  print_target_summary(ctx, *opened, done->summary);
  return kExitOk;
}

}  // namespace

int report_programs_failure(Context& ctx, const programs::Failure& failure) {
  if (failure.usage) return report_error(ctx, failure.message);
  if (!failure.flow_findings.empty()) {
    report::TextStyle style;
    style.color = ctx.use_color(ctx.stderr_tty);
    report::write_text(ctx.err, failure.flow_findings, style);
  }
  return report_api_error(ctx, failure.api);
}

void add_control_command(CLI::App& group, Action& action, programs::Verb verb, bool by_program) {
  auto o = std::make_shared<ControlOptions>();
  o->by_program = by_program;
  const std::string of = by_program ? "the program's scheduled, running or paused execution" : "an execution";
  std::string help;
  switch (verb) {
    case programs::Verb::kPause: help = "Pause " + of + " (already paused: a note, exit 0)"; break;
    case programs::Verb::kResume: help = "Resume " + of + " (already running: a note, exit 0)"; break;
    case programs::Verb::kCancel: help = "Cancel " + of + " for good (asks first; --yes)"; break;
  }
  auto* cmd = group.add_subcommand(programs::verb_name(verb), help);
  cmd->footer(
      "Exit codes: 0 done or nothing to do, 2 usage or ambiguous name, 3 API error (unknown id, a transition\n"
      "its status does not allow, no active execution without --if-active), 4 authentication, 5 network.");
  if (by_program) {
    cmd->add_option("program", o->key, "Program id or name")->required();
  } else {
    cmd->add_option("execution", o->key, "Execution id (gomo execution list PROGRAM)")->required();
  }
  cmd->add_flag("--if-active", o->if_active,
                "Exit 0 with a note when there is nothing to act on (no active execution, or it has ended): for cron");
  if (verb == programs::Verb::kResume) {
    cmd->add_option("--auto-pause-rules", o->rules_file,
                    "Replace the execution's auto-pause rules with those of FILE (YAML/JSON list of "
                    "{nodeId, threshold, resetOnResume}; [] removes them)")
        ->type_name("FILE");
  }
  if (verb == programs::Verb::kCancel) {
    cmd->add_flag("-y,--yes", o->yes, "Cancel without asking (required when stdin is not a terminal)");
  }
  add_target_flags(cmd, o->target);
  cmd->callback([o, &action, verb] { action = [o, verb](Context& c) { return run_control(c, *o, verb); }; });
}

void add_watch_flags(CLI::App* cmd, WatchFlags& flags) {
  cmd->add_option("--interval", flags.interval, "Time between two looks at the execution (500ms, 2s, 1m)")
      ->capture_default_str();
}

int watch_and_report(Context& ctx, api::Platform& platform, const TargetOptions& target, const WatchFlags& flags,
                     const std::string& id, bool quiet_changes, std::string* final_status) {
  programs::WatchOptions options;
  auto interval = parse_duration_ms(flags.interval);
  if (!interval || *interval <= 0) {
    return report_error(ctx, "--interval " + flags.interval + ": expected a duration such as 500ms, 2s or 1m");
  }
  options.interval_ms = *interval;
  if (!target.timeout.empty()) {
    auto timeout = parse_duration_ms(target.timeout);
    if (!timeout) return report_error(ctx, "--timeout " + target.timeout + ": expected a duration such as 30s or 5m");
    options.timeout_ms = *timeout;
  }
  const bool live = ctx.stdout_tty && !quiet_changes;
  options.every_poll = live;
  options.with_breakdown = live;
  const bool color = ctx.use_color(ctx.stdout_tty);
  bool drawn = false;
  std::string last_status;
  programs::Names names(platform);  // the live view names the program; read once
  auto end = programs::watch_execution(platform, id, options, [&](const programs::Snapshot& s) {
    last_status = s.execution.status;
    if (quiet_changes) return;
    if (!live) {
      ctx.out << report::execution_status_line(s.execution, s.report, s.at_ms) << "\n" << std::flush;
      return;
    }
    // Up over the last drawing and clear to the end of the screen, then draw again.
    if (drawn) ctx.out << "\x1b[" << report::kLiveViewLines << "A\x1b[J";
    ctx.out << report::execution_live_view(s.execution, s.report, s.breakdown ? &*s.breakdown : nullptr,
                                           s.calls_per_minute, terminal_width(STDOUT_FILENO), color,
                                           names.program(s.execution.program_id))
            << std::flush;
    drawn = true;
  });
  if (!end) return report_programs_failure(ctx, end.error());
  if (final_status) *final_status = last_status;
  if (*end == programs::WatchEnd::kTimedOut) {
    report_note(ctx, "stopped watching after " + format_duration_ms(options.timeout_ms) + " (--timeout): execution " +
                         id + " is still " + last_status);
    return kExitFindings;
  }
  if (!ctx.quiet) report_note(ctx, "execution " + id + " ended: " + last_status);
  return kExitOk;
}

}  // namespace gomo::cli

// `gomo execution pause|resume|cancel|status|report|list`: executions by id (a program's, by the
// program's id or name, for list).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "api/list_all.h"
#include "api/platform.h"
#include "api/wire_programs.h"
#include "cli/commands.h"
#include "cli/execution_control.h"
#include "cli/exit_codes.h"
#include "cli/target.h"
#include "programs/launch.h"
#include "programs/names.h"
#include "programs/watch.h"
#include "report/execution_report.h"

namespace gomo::cli {
namespace {

struct ExecutionStatusOptions {
  TargetOptions target;
  WatchFlags watch_flags;
  std::string execution;
  bool watch = false;
};

struct ExecutionReportOptions {
  TargetOptions target;
  std::string execution;
  std::string format;  // -o on the command itself (csv too); "" = the global -o
  bool breakdown = false, calls = false;
};

struct ExecutionListOptions {
  TargetOptions target;
  std::string program;
};

// -o of a data command: the command's own (csv too), else the global one.
bool execution_format(Context& ctx, const std::string& own, report::ExecutionFormat* format) {
  return report::parse_execution_format(own.empty() ? ctx.output : own, format);
}

int execution_status(Context& ctx, const ExecutionStatusOptions& o) {
  report::ExecutionFormat format;
  if (!execution_format(ctx, "", &format) || format == report::ExecutionFormat::kCsv) {
    return report_error(ctx, "-o " + ctx.output + ": status prints text, json or yaml");
  }
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  if (o.watch) return watch_and_report(ctx, *opened->platform, o.target, o.watch_flags, o.execution, false);
  auto snapshot = programs::read_snapshot(*opened->platform, o.execution);
  if (!snapshot) return report_programs_failure(ctx, snapshot.error());
  const std::string program = programs::Names(*opened->platform).program(snapshot->execution.program_id);
  if (format == report::ExecutionFormat::kText) {
    report::write_execution_status(ctx.out, snapshot->execution, snapshot->report, program);
  } else {
    report::write_execution_status_data(ctx.out, snapshot->execution, snapshot->report, format, program);
  }
  return kExitOk;
}

int execution_report(Context& ctx, const ExecutionReportOptions& o) {
  report::ExecutionFormat format;
  if (!execution_format(ctx, o.format, &format)) {
    return report_error(ctx, "-o " + o.format + ": expected text, table, json, yaml or csv");
  }
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  api::Platform& platform = *opened->platform;
  // The execution first: an unknown id is a 404 that names it, whichever part is asked for.
  auto execution = programs::find_execution(platform, o.execution);
  if (!execution) return report_programs_failure(ctx, execution.error());
  if (o.breakdown) {
    auto breakdown = platform.execution_breakdown(o.execution);
    if (!breakdown) return report_api_error(ctx, breakdown.error());
    report::write_execution_breakdown(ctx.out, *breakdown, format);
  } else if (o.calls) {
    auto calls = api::collect_all<api::CallAttempt>(
        [&](const api::PageQuery& q) { return platform.execution_calls(o.execution, q); }, api::PageQuery{});
    if (!calls) return report_api_error(ctx, calls.error());
    report::write_execution_calls(ctx.out, *calls, format, ctx.stdout_tty);
  } else {
    auto summary = platform.execution_report(o.execution);
    if (!summary) return report_api_error(ctx, summary.error());
    report::write_execution_report(ctx.out, *summary, format, programs::Names(platform).program(execution->program_id));
  }
  return kExitOk;
}

int execution_list(Context& ctx, const ExecutionListOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto program = programs::resolve_program(*opened->platform, o.program);
  if (!program) return report_programs_failure(ctx, program.error());
  auto executions = programs::program_executions(*opened->platform, program->id);
  if (!executions) return report_programs_failure(ctx, executions.error());
  nlohmann::json records = nlohmann::json::array();
  for (const auto& e : *executions) records.push_back(api::wire::encode(e));
  print_records(ctx, records,
                {{"ID", "id"},
                 {"STATUS", "status"},
                 {"TOTAL", "totalContacts"},
                 {"COMPLETED", "contactsCompleted"},
                 {"FAILED", "contactsFailed"},
                 {"PENDING", "contactsPending"},
                 {"IN PROGRESS", "contactsInProgress"},
                 {"STARTED", "actualStartAt|scheduledStartAt"},
                 {"ENDED", "actualEndAt"}});
  return kExitOk;
}

}  // namespace

void add_execution_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* group = app.add_subcommand("execution",
                                   "Executions (one launch of a program): status, report, pause, "
                                   "resume, cancel");
  group->require_subcommand(1);
  const std::string footer =
      "Exit codes: 0 ok, 2 usage, 3 API error (also: unknown execution id), 4 authentication, 5 network.";

  auto status = std::make_shared<ExecutionStatusOptions>();
  auto* cmd = group->add_subcommand(
      "status",
      "Status, effective status, contact counters (they sum to the total) and reach rate; --watch follows it");
  cmd->footer(
      "--watch redraws a live view on a terminal and prints one line per change when piped, until the\n"
      "execution ends or --timeout passes.\n"
      "Exit codes: 0 ok (--watch: the execution ended), 1 --watch: --timeout passed first, 2 usage, 3 API error\n"
      "(also: unknown execution id), 4 authentication, 5 network.");
  cmd->add_option("execution", status->execution, "Execution id")->required();
  cmd->add_flag("--watch", status->watch, "Follow the execution until it ends (bounded by --timeout)");
  add_watch_flags(cmd, status->watch_flags);
  add_target_flags(cmd, status->target);
  cmd->callback([status, &action] { action = [status](Context& c) { return execution_status(c, *status); }; });

  auto report = std::make_shared<ExecutionReportOptions>();
  cmd = group->add_subcommand("report",
                              "The execution's report: summary, --breakdown (by outcome, status, attempt) "
                              "or --calls (every attempt)");
  cmd->footer(footer);
  cmd->add_option("execution", report->execution, "Execution id")->required();
  auto* breakdown = cmd->add_flag("--breakdown", report->breakdown, "Counts by call outcome, contact status, attempt");
  cmd->add_flag("--calls", report->calls, "Every call attempt, oldest first")->excludes(breakdown);
  cmd->add_option("-o,--output", report->format, "Output: text (= table), json, yaml or csv")
      ->check(CLI::IsMember({"text", "table", "json", "yaml", "csv"}))
      ->option_text("text|table|json|yaml|csv");
  add_target_flags(cmd, report->target);
  cmd->callback([report, &action] { action = [report](Context& c) { return execution_report(c, *report); }; });

  auto list = std::make_shared<ExecutionListOptions>();
  cmd = group->add_subcommand("list", "A program's executions, newest first");
  cmd->footer(
      "Exit codes: 0 ok, 2 usage or ambiguous name, 3 API error (also: unknown program), 4 authentication,\n"
      "5 network.");
  cmd->add_option("program", list->program, "Program id or name")->required();
  add_target_flags(cmd, list->target);
  cmd->callback([list, &action] { action = [list](Context& c) { return execution_list(c, *list); }; });

  for (programs::Verb verb : {programs::Verb::kPause, programs::Verb::kResume, programs::Verb::kCancel}) {
    add_control_command(*group, action, verb, /*by_program=*/false);
  }
  (void)ctx;
}

}  // namespace gomo::cli

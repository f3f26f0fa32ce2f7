// `gomo program simulate`: the forecast of a program file over an audience file, before launch
// (docs/forecast.md). Reads the program (lib/programs), runs it on gomo's dialer on a virtual clock
// (lib/campaign) and prints the figures (lib/report).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "api/platform.h"
#include "campaign/local_run.h"
#include "campaign/simulate_program.h"
#include "cli/commands.h"
#include "cli/execution_control.h"
#include "cli/exit_codes.h"
#include "cli/target.h"
#include "programs/program_plan.h"
#include "programs/rules.h"
#include "programs/validate_program.h"
#include "report/forecast_report.h"

namespace gomo::cli {
namespace {

struct ProgramSimulateFlags {
  std::string program;    // the program file
  std::string audience;   // contacts CSV ("-": stdin)
  std::string flow;       // --flow FILE; "": the program's `flow:` when it is a file
  std::string mix;        // --mix FILE; "": the default outcome mix
  std::string time_zone;  // --time-zone; "": the file's `timezone:`, else Africa/Casablanca
  std::string plot;       // --plot FILE.svg
  uint64_t seed = 0;
  bool seed_given = false;
  bool remote = false;  // read a flow named by name or id from the target
  TargetOptions target;
  // The rule selection of `gomo program validate` and `apply`: --ignore, --config, --no-config.
  std::vector<std::string> ignore;
  std::string config;
  bool no_config = false;
};

// The locale's character set is UTF-8 (LC_ALL, else LC_CTYPE, else LANG, as setlocale reads them).
bool simulate_locale_is_utf8() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* v = std::getenv(name);
    if (!v || !*v) continue;
    std::string s(v);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s.find("utf-8") != std::string::npos || s.find("utf8") != std::string::npos;
  }
  return false;
}

int program_simulate(Context& ctx, const ProgramSimulateFlags& f) {
  report::ForecastStyle style;
  if (!report::parse_forecast_format(ctx.output, &style.format))
    return report_error(ctx, "-o " + ctx.output + " is not a forecast format; use -o text, json or yaml");
  auto chosen = programs::choose_program_rules(f.ignore, false, f.config, f.no_config);
  if (!chosen) return report_error(ctx, chosen.error());
  if (ctx.verbose && !chosen->config_path.empty()) report_note(ctx, "using config " + chosen->config_path);
  programs::ProgramPlanRequest request{f.program, f.flow, f.time_zone};
  request.rules = &*chosen;
  std::optional<OpenedTarget> opened;
  if (f.remote && f.flow.empty()) {
    int exit_code = kExitOk;
    auto target = open_target(ctx, f.target, exit_code, TargetAccess::kRead);
    if (!target) return exit_code;
    opened.emplace(std::move(*target));
    request.platform = opened->platform.get();
  }
  auto plan = programs::read_program_plan(request);
  if (!plan) return report_programs_failure(ctx, plan.error());
  if (ctx.verbose && !plan->flow_id.empty()) report_note(ctx, "flow " + plan->flow_id + " read from " + ctx.target);
  auto mix = campaign::load_callees({f.mix, f.seed_given ? std::optional<uint64_t>(f.seed) : std::nullopt});
  if (!mix) return report_error(ctx, mix.error());
  // The chart's file is opened before the run, so that a bad path is told before any figure is printed.
  std::ofstream svg;
  if (!f.plot.empty()) {
    svg.open(f.plot, std::ios::binary | std::ios::trunc);
    if (!svg) return report_error(ctx, f.plot + ": cannot write the chart (--plot); check the folder exists");
  }
  auto forecast = campaign::simulate_program(plan->program_name, plan->plan, f.audience, *mix);
  if (!forecast) {
    if (svg.is_open()) {
      svg.close();
      std::remove(f.plot.c_str());  // no empty chart left behind
    }
    return report_error(ctx, forecast.error());
  }

  style.width = static_cast<size_t>(terminal_width(STDOUT_FILENO));
  style.color = ctx.use_color(ctx.stdout_tty);
  style.unicode = simulate_locale_is_utf8();
  report::print_forecast(ctx.out, *forecast, style);
  if (svg.is_open()) {
    report::write_forecast_svg(svg, *forecast);
    if (!svg.flush()) return report_error(ctx, f.plot + ": cannot write the chart (--plot)");
    if (!ctx.quiet) report_note(ctx, "chart written to " + f.plot);
  }
  return kExitOk;
}

}  // namespace

void add_program_simulate_command(CLI::App& program, Context& ctx, Action& action) {
  if (!ctx.builds("simulate")) return;
  auto f = std::make_shared<ProgramSimulateFlags>();
  auto* cmd = program.add_subcommand(
      "simulate", "Forecast a program before launch: duration, attempts, completed and failed, line use over time");
  cmd->add_option("program", f->program, "The program file (*.program.yaml or .json)")->required();
  cmd->add_option("--audience", f->audience, "Contacts CSV (a phone column; gzip works; - reads stdin)")
      ->required()
      ->type_name("FILE");
  cmd->add_option("--flow", f->flow, "The flow file (YAML or JSON); needed when the program names its flow by name")
      ->type_name("FILE");
  cmd->add_option("--mix", f->mix,
                  "Outcome mix (YAML or JSON, schemas/outcome-mix.schema.json): how callees answer, keys they "
                  "press (default: 70% answer, 10% voicemail, 8% busy, 8% no answer, 3% rejected, 1% failed)")
      ->type_name("FILE");
  auto* seed = cmd->add_option("--seed", f->seed, "Random seed, over the mix's (the same seed repeats the run)");
  seed->type_name("N");
  cmd->add_option("--time-zone", f->time_zone,
                  "The organisation's IANA zone for pause windows and times (default: the program's timezone, "
                  "else Africa/Casablanca)")
      ->type_name("ZONE");
  cmd->add_flag("--remote", f->remote,
                "Read the flow the program names (by name or id) from the target when there is no --flow file");
  auto* ignore = cmd->add_option("--ignore", f->ignore,
                                 "Rule ids to skip, as program validate's (repeatable, or comma-separated)");
  for (const auto* rule : programs::all_program_rules()) ctx.completion_values[ignore].push_back(rule->id);
  cmd->add_option("--config", f->config,
                  "Project config file, for its `program:` section (default: .gomo.yaml here or in a parent "
                  "directory)");
  cmd->add_flag("--no-config", f->no_config, "Ignore .gomo.yaml");
  add_target_flags(cmd, f->target);
  cmd->add_option("--plot", f->plot, "Also write the forecast as an SVG chart to FILE")->type_name("FILE.svg");
  cmd->footer(
      "Runs the program's campaign on gomo's dialer on a virtual clock (nothing is sent anywhere): DID pool\n"
      "as parallel lines, retries, pause windows, startAt/stopAt, auto-pause rules. -o json|yaml for scripts.\n"
      "The file is checked with program validate's rule selection (--ignore, .gomo.yaml's program: section).\n"
      "Exit codes: 0 forecast printed, 2 usage, or a file missing or invalid (file:line:col); with --remote:\n"
      "3 no such flow on the target, 4 authentication, 5 network.");
  cmd->callback([f, seed, &action] {
    f->seed_given = seed->count() > 0;
    action = [f](Context& c) { return program_simulate(c, *f); };
  });
}

}  // namespace gomo::cli

// gomo flow validate|fmt|convert|graph
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <memory>

#include "checks/registry.h"
#include "checks/validate_run.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/validate_hooks.h"
#include "report/colour.h"
#include "report/diagnostics.h"
#include "report/text.h"
#include "version.h"

namespace gomo::cli {
namespace {

struct ValidateFlags {
  std::vector<std::string> paths;
  std::vector<std::string> formats;       // --format, repeatable; empty = auto
  std::vector<std::string> output_files;  // --output-file, paired with formats in order
  bool strict = false;
  std::vector<std::string> ignore;
  std::string target;
  std::string audio_catalog;
  std::string attributes;
  std::string config;
  bool no_config = false;
  bool force_exclude = false;
  unsigned jobs = 0;
  FlowRemoteFlags remote;  // --remote, --catalog-from and the target flags (cli/validate_hooks.cc)
};

checks::ValidateRequest validate_request(const ValidateFlags& f) {
  checks::ValidateRequest req;
  req.paths = f.paths;
  req.config_path = f.config;
  req.no_config = f.no_config;
  if (f.strict) req.strict = true;
  req.ignore = f.ignore;
  if (!f.target.empty()) req.target = f.target;
  if (!f.audio_catalog.empty()) req.audio_catalog = f.audio_catalog;
  if (!f.attributes.empty()) req.attributes = f.attributes;
  req.jobs = f.jobs;
  req.force_exclude = f.force_exclude;
  return req;
}

// The count line on stderr, green when the run passes: "2 errors, 1 warning in 3 files".
void print_validate_summary(Context& ctx, const checks::ValidateRun& run, const report::OutputSet& outputs,
                            const report::TextStyle& style) {
  std::string summary = report::summary_line(run.files);
  bool text_report = false;
  for (const auto& r : outputs.requests()) text_report = text_report || r.format == report::DiagFormat::kText;
  if (size_t hidden = text_report ? report::hidden_infos(run.files, style) : 0)
    summary += "; " + std::to_string(hidden) + " info not shown (--verbose or --format json shows them)";
  bool color = ctx.use_color(ctx.stderr_tty);
  auto paint = run.verdict == checks::Verdict::kClean ? report::Paint::kGreen : report::Paint::kRed;
  ctx.err << report::paint(paint, color) << summary << report::paint(report::Paint::kReset, color) << "\n";
}

int run_validate(Context& ctx, const ValidateFlags& f) {
  ValidateCommandHooks hooks(ctx, f.remote, f.formats, f.output_files);
  auto run = checks::validate(validate_request(f), &hooks);
  if (!run) return hooks.exit_code() ? hooks.exit_code() : report_error(ctx, run.error());
  if (run->remote_checked && ctx.verbose) report_note(ctx, "validated on " + hooks.remote_summary());
  report::RunInfo info;
  info.tool_version = kVersion;
  info.strict = run->strict;
  info.exit_code = exit_code_for(run->verdict);
  if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY")) info.github_step_summary = summary;
  report::TextStyle style;
  style.color = ctx.use_color(ctx.stdout_tty);
  style.infos = ctx.verbose;  // infos (missing-label) would bury the findings that matter
  if (Status written = hooks.outputs().write(ctx.out, run->files, info, style); !written)
    return report_error(ctx, written);
  if (!ctx.quiet) print_validate_summary(ctx, *run, hooks.outputs(), style);
  return exit_code_for(run->verdict);
}

void add_flow_validate_command(CLI::App& flow, Context& ctx, Action& action) {
  auto vf = std::make_shared<ValidateFlags>();
  auto* validate =
      flow.add_subcommand("validate", "Check call flows (YAML or JSON) for errors, with file:line:col diagnostics");
  validate->add_option("paths", vf->paths, "Flow files or directories (recursive); - reads stdin")->required();
  validate
      ->add_option(
          "-f,--format", vf->formats,
          "Output format: text, json, github, sarif or junit (default: github under GitHub Actions, else text); "
          "repeat it with one --output-file each to write several reports")
      ->check(CLI::IsMember({"text", "json", "github", "sarif", "junit"}));
  validate
      ->add_option("--output-file", vf->output_files,
                   "Write the report to FILE (- = stdout); pairs with --format, in order")
      ->type_name("FILE");
  validate->add_flag("--strict", vf->strict, "Warnings fail the run too (exit 1)");
  auto* ignore = validate->add_option("--ignore", vf->ignore, "Rule ids to skip (repeatable, or comma-separated)");
  for (const auto* rule : checks::all_rules()) ctx.completion_values[ignore].push_back(std::string(rule->id));
  validate
      ->add_option("--target", vf->target,
                   "local (default) or gomobile: warn on gomo-only extensions the platform may reject")
      ->check(CLI::IsMember({"local", "gomobile"}));
  validate->add_option("--audio-catalog", vf->audio_catalog,
                       "File listing the audio ids that exist; unknown audioId becomes an error");
  validate->add_option("--attributes", vf->attributes,
                       "File listing custom attribute names; unknown ones become errors");
  validate->add_option("--config", vf->config,
                       "Project config file (default: .gomo.yaml here or in a parent directory)");
  validate->add_flag("--no-config", vf->no_config, "Ignore .gomo.yaml");
  validate->add_flag("--force-exclude", vf->force_exclude,
                     "Skip paths named on the command line that match `exclude` in .gomo.yaml too (pre-commit)");
  validate->add_option("-j,--jobs", vf->jobs, "Files checked in parallel (default: one per core)");
  add_flow_remote_flags(validate, vf->remote);
  validate->callback([vf, &action] { action = [vf](Context& c) { return run_validate(c, *vf); }; });
}

}  // namespace

void add_flow_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* flow =
      app.add_subcommand("flow", "Validate, format, convert, draw and simulate call flows; push and pull them");
  flow->require_subcommand(1);

  if (ctx.builds("validate")) add_flow_validate_command(*flow, ctx, action);
  add_flow_format_commands(*flow, ctx, action);
  add_flow_sim_commands(*flow, ctx, action);
  add_flow_sync_commands(*flow, ctx, action);
}

}  // namespace gomo::cli

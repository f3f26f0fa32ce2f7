// gomo flow validate|fmt|convert|graph
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "checks/registry.h"
#include "checks/validate.h"
#include "cli/commands.h"
#include "cli/flow_remote.h"
#include "model/project_config.h"
#include "report/diagnostics.h"
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
  FlowRemoteFlags remote;  // --remote, --catalog-from and the target flags (cli/flow_remote.cc)
};

int run_validate(Context& ctx, const ValidateFlags& f) {
  std::unique_ptr<model::ProjectConfig> config;
  if (!f.no_config) {
    std::optional<std::string> path = f.config.empty() ? model::find_project_config(".") : std::optional<std::string>(f.config);
    if (path) {
      auto loaded = model::load_project_config(*path);
      if (!loaded) {
        ctx.err << "gomo: " << loaded.error().message() << "\n";
        return kExitUsage;
      }
      config = std::make_unique<model::ProjectConfig>(std::move(loaded.value()));
      if (ctx.verbose) ctx.err << "gomo: using config " << *path << "\n";
    }
  }
  checks::ValidateRequest req;
  if (f.strict) req.strict = true;
  req.ignore = f.ignore;
  if (!f.target.empty()) req.target = f.target;
  if (!f.audio_catalog.empty()) req.audio_catalog = f.audio_catalog;
  if (!f.attributes.empty()) req.attributes = f.attributes;
  req.jobs = f.jobs;
  req.force_exclude = f.force_exclude;
  auto resolved = checks::resolve_validate(req, config.get());
  if (!resolved) {
    ctx.err << "gomo: " << resolved.error().message() << "\n";
    return kExitUsage;
  }
  std::vector<std::string> notes;
  auto inputs = checks::expand_inputs(f.paths, resolved->options.exclude, &notes);
  if (!inputs) {
    ctx.err << "gomo: " << inputs.error().message() << "\n";
    return kExitUsage;
  }
  if (!ctx.quiet)
    for (const auto& note : notes) ctx.err << "gomo: warning: " << note << "\n";
  if (int code = flow_catalogs_from_account(ctx, f.remote, resolved->options)) return code;
  std::vector<checks::Input> remote_inputs;
  if (f.remote.remote) remote_inputs = inputs.value();
  report::DiagFormat auto_format = report::DiagFormat::kText;
  if (ctx.output == "json") auto_format = report::DiagFormat::kJson;
  else if (const char* gh = std::getenv("GITHUB_ACTIONS"); gh && std::string(gh) == "true") auto_format = report::DiagFormat::kGithub;
  auto requests = report::pair_outputs(f.formats, f.output_files, auto_format);
  if (!requests) {
    ctx.err << "gomo: " << requests.error().message() << "\n";
    return kExitUsage;
  }
  auto outputs = report::OutputSet::open(std::move(requests.value()));
  if (!outputs) {
    ctx.err << "gomo: " << outputs.error().message() << "\n";
    return kExitUsage;
  }

  resolved->options.keep_documents = inputs->size() == 1;  // the process ends after this file
  auto results = checks::validate_inputs(std::move(inputs.value()), resolved->options);
  if (int code = flow_remote_validate(ctx, f.remote, resolved->options, remote_inputs, results)) return code;
  report::RunInfo run;
  run.tool_version = kVersion;
  run.strict = resolved->strict;
  if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY")) run.github_step_summary = summary;
  report::TextStyle style;
  style.color = ctx.use_color(ctx.stdout_tty);
  style.infos = ctx.verbose;  // infos (missing-label) would bury the findings that matter
  if (auto written = outputs->write(ctx.out, results, run, style); !written) {
    ctx.err << "gomo: " << written.message() << "\n";
    return kExitUsage;
  }
  if (!ctx.quiet) {
    bool color = ctx.use_color(ctx.stderr_tty);
    int code = checks::validate_exit_code(results, resolved->strict);
    std::string summary = report::summary_line(results);
    bool text_report = false;
    for (const auto& r : outputs->requests()) text_report = text_report || r.format == report::DiagFormat::kText;
    if (size_t hidden = text_report ? report::hidden_infos(results, style) : 0)
      summary += "; " + std::to_string(hidden) + " info not shown (--verbose or --format json shows them)";
    ctx.err << (color ? (code == 0 ? "\033[32m" : "\033[31m") : "") << summary << (color ? "\033[0m" : "") << "\n";
  }
  return checks::validate_exit_code(results, resolved->strict);
}

void add_flow_validate_command(CLI::App& flow, Context& ctx, Action& action) {
  auto vf = std::make_shared<ValidateFlags>();
  auto* validate = flow.add_subcommand("validate", "Check call flows (YAML or JSON) for errors, with file:line:col diagnostics");
  validate->add_option("paths", vf->paths, "Flow files or directories (recursive); - reads stdin")->required();
  validate->add_option("-f,--format", vf->formats,
                       "Output format: text, json, github, sarif or junit (default: github under GitHub Actions, else text); "
                       "repeat it with one --output-file each to write several reports")
      ->check(CLI::IsMember({"text", "json", "github", "sarif", "junit"}));
  validate->add_option("--output-file", vf->output_files, "Write the report to FILE (- = stdout); pairs with --format, in order")
      ->type_name("FILE");
  validate->add_flag("--strict", vf->strict, "Warnings fail the run too (exit 1)");
  auto* ignore = validate->add_option("--ignore", vf->ignore, "Rule ids to skip (repeatable, or comma-separated)");
  for (const auto* rule : checks::all_rules()) ctx.completion_values[ignore].push_back(std::string(rule->id));
  validate->add_option("--target", vf->target, "local (default) or gomobile: warn on gomo-only extensions the platform may reject")
      ->check(CLI::IsMember({"local", "gomobile"}));
  validate->add_option("--audio-catalog", vf->audio_catalog, "File listing the audio ids that exist; unknown audioId becomes an error");
  validate->add_option("--attributes", vf->attributes, "File listing custom attribute names; unknown ones become errors");
  validate->add_option("--config", vf->config, "Project config file (default: .gomo.yaml here or in a parent directory)");
  validate->add_flag("--no-config", vf->no_config, "Ignore .gomo.yaml");
  validate->add_flag("--force-exclude", vf->force_exclude,
                     "Skip paths named on the command line that match `exclude` in .gomo.yaml too (pre-commit)");
  validate->add_option("-j,--jobs", vf->jobs, "Files checked in parallel (default: one per core)");
  add_flow_remote_flags(validate, vf->remote);
  validate->callback([vf, &action] { action = [vf](Context& c) { return run_validate(c, *vf); }; });
}

}  // namespace

void add_flow_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* flow = app.add_subcommand("flow", "Validate, format, convert, draw and simulate call flows; push and pull them");
  flow->require_subcommand(1);

  if (ctx.builds("validate")) add_flow_validate_command(*flow, ctx, action);
  add_flow_format_commands(*flow, ctx, action);
  add_flow_sim_commands(*flow, ctx, action);
  add_flow_sync_commands(*flow, ctx, action);
}

}  // namespace gomo::cli

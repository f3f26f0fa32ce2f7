// gomo program validate|list|get|archive, and the `program` group itself; apply is in cli/program_apply.cc.
// Launch and execution control add themselves to the same group (add_program_file_commands' siblings).
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iterator>
#include <nlohmann/json.hpp>

#include "api/list_all.h"
#include "api/platform.h"
#include "api/wire_programs.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/resources.h"
#include "cli/target.h"
#include "document/limits.h"
#include "programs/find_program.h"
#include "programs/names.h"
#include "programs/rules.h"
#include "programs/validate_program.h"
#include "report/colour.h"
#include "report/diagnostics.h"
#include "version.h"

namespace gomo::cli {
namespace {

struct ProgramValidateFlags {
  std::vector<std::string> paths;
  std::vector<std::string> formats, output_files;
  bool strict = false;
  std::vector<std::string> ignore;  // rule ids (comma-separated lists allowed), as flow validate's --ignore
  std::string config;               // --config FILE; "": .gomo.yaml here or in a parent
  bool no_config = false;
  bool remote = false;  // also look the flow, audience and DIDs up on the target
  TargetOptions target;
};

struct ProgramKeyFlags {
  TargetOptions target;
  std::string key;  // a program's id or exact name
};

std::string program_quoted(const std::string& s) { return "\"" + s + "\""; }

std::vector<report::ResourceColumn> program_columns() {
  return {{"ID", "id"},
          {"NAME", "name"},
          {"STATUS", "status"},
          {"FLOW", "flowName|flowId"},
          {"AUDIENCE", "audienceName|audienceId"},
          {"START", "startAt"}};
}

// A table shows the flow's and the audience's names (each read once); json, yaml and -q keep the platform's fields.
void program_print(Context& ctx, api::Platform& platform, nlohmann::json records, const api::PageMeta* meta) {
  programs::Names names(platform);
  if (!ctx.quiet && (ctx.output == "text" || ctx.output == "table")) programs::add_reference_names(names, records);
  if (records.is_array()) print_list(ctx, records, program_columns(), meta, "programs");
  else print_records(ctx, records, program_columns());
}

int program_validate(Context& ctx, const ProgramValidateFlags& f) {
  std::vector<checks::Input> inputs;
  for (const auto& path : f.paths) {
    checks::Input in{path, "", path == "-"};
    if (in.from_stdin) {
      in.path = "<stdin>";
      in.text = document::read_bounded(ctx.in);
    }
    inputs.push_back(std::move(in));
  }
  report::DiagFormat auto_format = report::DiagFormat::kText;
  if (ctx.output == "json") auto_format = report::DiagFormat::kJson;
  else if (const char* gh = std::getenv("GITHUB_ACTIONS"); gh && std::string(gh) == "true")
    auto_format = report::DiagFormat::kGithub;
  auto requests = report::pair_outputs(f.formats, f.output_files, auto_format);
  if (!requests) return report_error(ctx, requests.error());
  auto chosen = programs::choose_program_rules(f.ignore, f.strict, f.config, f.no_config);
  if (!chosen) return report_error(ctx, chosen.error());
  if (ctx.verbose && !chosen->config_path.empty()) report_note(ctx, "using config " + chosen->config_path);
  auto outputs = report::OutputSet::open(std::move(requests.value()));
  if (!outputs) return report_error(ctx, outputs.error());
  std::optional<programs::ProgramCatalog> catalog;
  if (f.remote) {
    int exit_code = kExitOk;
    auto opened = open_target(ctx, f.target, exit_code, TargetAccess::kRead);
    if (!opened) return exit_code;
    auto read = programs::read_catalog(*opened->platform);
    if (!read) return report_api_error(ctx, read.error());
    catalog = std::move(read.value());
    if (ctx.verbose) report_note(ctx, "names checked against " + opened->summary);
  }
  auto files = programs::validate_program_inputs(inputs, catalog ? &*catalog : nullptr, &chosen->rules);
  const auto verdict = checks::validate_verdict(files, chosen->strict);
  report::RunInfo info;
  info.tool_version = kVersion;
  info.strict = chosen->strict;
  info.exit_code = exit_code_for(verdict);
  if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY")) info.github_step_summary = summary;
  report::TextStyle style;
  style.color = ctx.use_color(ctx.stdout_tty);
  if (Status written = outputs->write(ctx.out, files, info, style); !written) return report_error(ctx, written);
  if (!ctx.quiet) {
    const bool color = ctx.use_color(ctx.stderr_tty);
    auto paint = verdict == checks::Verdict::kClean ? report::Paint::kGreen : report::Paint::kRed;
    ctx.err << report::paint(paint, color) << report::summary_line(files) << report::paint(report::Paint::kReset, color)
            << "\n";
  }
  return exit_code_for(verdict);
}

// The one program `key` names on the target, or the exit code after saying why not: 3 when there is
// none, 2 when the name is ambiguous (the ids are listed).
std::optional<api::Program> program_find_one(Context& ctx, api::Platform& platform, const std::string& key,
                                             const std::string& target, int& exit_code) {
  auto found = programs::find_program(platform, key);
  if (!found) {
    exit_code = report_api_error(ctx, found.error());
    return std::nullopt;
  }
  if (found->size() == 1) return std::move(found->front());
  if (found->empty()) {
    exit_code = report_error(
        ctx,
        "no program with the id or name " + program_quoted(key) + " on " + target + "; `gomo program list` shows them",
        kExitApiError);
    return std::nullopt;
  }
  std::string ids;
  for (const auto& p : *found) ids += (ids.empty() ? "" : ", ") + p.id;
  exit_code = report_error(ctx, std::to_string(found->size()) + " programs are named " + program_quoted(key) + " on " +
                                    target + " (" + ids + "); name one by id");
  return std::nullopt;
}

int program_list(Context& ctx, const ListOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto listed = api::page_or_all<api::Program>(
      [&](const api::PageQuery& q) { return opened->platform->list_programs(q); }, o.query, o.all);
  if (!listed) return report_api_error(ctx, listed.error());
  nlohmann::json records = nlohmann::json::array();
  for (const auto& p : listed->items) records.push_back(api::wire::encode(p));
  program_print(ctx, *opened->platform, std::move(records), listed->meta ? &*listed->meta : nullptr);
  return kExitOk;
}

int program_get(Context& ctx, const ProgramKeyFlags& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto program = program_find_one(ctx, *opened->platform, o.key, opened->summary, exit_code);
  if (!program) return exit_code;
  program_print(ctx, *opened->platform, api::wire::encode(*program), nullptr);
  return kExitOk;
}

int program_archive(Context& ctx, const ProgramKeyFlags& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kExisting);
  if (!opened) return exit_code;
  auto program = program_find_one(ctx, *opened->platform, o.key, opened->summary, exit_code);
  if (!program) return exit_code;
  const std::string what = "program " + program->id + " " + program_quoted(program->name);
  if (program->status == "archived") {  // idempotent, for scripts and cron
    print_target_summary(ctx, *opened, what + " was already archived (nothing sent)");
    return kExitOk;
  }
  api::ProgramFields fields;
  fields.status = "archived";
  auto archived = opened->platform->update_program(program->id, fields);
  if (!archived) return report_api_error(ctx, archived.error());
  print_target_summary(ctx, *opened, "archived " + what);
  return kExitOk;
}

}  // namespace

void add_program_file_commands(CLI::App& program, Context& ctx, Action& action) {
  if (ctx.builds("validate")) {
    auto f = std::make_shared<ProgramValidateFlags>();
    auto* v = program.add_subcommand("validate",
                                     "Check program files (YAML or JSON) for errors, with file:line:col diagnostics");
    v->add_option("files", f->paths, "Program files; - reads stdin")->required();
    v->add_option("-f,--format", f->formats,
                  "Output format: text, json, github, sarif or junit (default: github under GitHub Actions, else "
                  "text); repeat it with one --output-file each")
        ->check(CLI::IsMember({"text", "json", "github", "sarif", "junit"}));
    v->add_option("--output-file", f->output_files, "Write the report to FILE (- = stdout); pairs with --format")
        ->type_name("FILE");
    v->add_flag("--strict", f->strict, "Warnings fail the run too (exit 1)");
    auto* ignore = v->add_option("--ignore", f->ignore, "Rule ids to skip (repeatable, or comma-separated)");
    for (const auto* rule : programs::all_program_rules()) ctx.completion_values[ignore].push_back(rule->id);
    v->add_option("--config", f->config,
                  "Project config file, for its `program:` section (default: .gomo.yaml here or in a parent "
                  "directory)");
    v->add_flag("--no-config", f->no_config, "Ignore .gomo.yaml");
    v->add_flag("--remote", f->remote,
                "Also look the flow, audience and DIDs up on the target (unknown names are errors, with a guess)");
    add_target_flags(v, f->target);
    v->footer(
        "Exit codes: 0 clean, 1 findings, 2 usage or unreadable file, 3 API error, 4 authentication, 5 "
        "network (--remote).");
    v->callback([f, &action] { action = [f](Context& c) { return program_validate(c, *f); }; });
  }
  if (ctx.builds("list")) {
    auto o = std::make_shared<ListOptions>();
    auto* l = program.add_subcommand("list", "List the programs");
    add_list_flags(l, *o, "Only programs whose name contains TEXT", {"name", "createdAt", "updatedAt"});
    l->callback([o, &action] { action = [o](Context& c) { return program_list(c, *o); }; });
  }
  const char* key_footer =
      "Exit codes: 0 ok, 2 usage or a name several programs have (name one by id), 3 API error or no such "
      "program, 4 authentication, 5 network.";
  if (ctx.builds("get")) {
    auto o = std::make_shared<ProgramKeyFlags>();
    auto* g = program.add_subcommand("get", "Show one program, by id or exact name");
    g->add_option("program", o->key, "Program id or exact name")->required();
    add_target_flags(g, o->target);
    g->footer(key_footer);
    g->callback([o, &action] { action = [o](Context& c) { return program_get(c, *o); }; });
  }
  if (ctx.builds("archive")) {
    auto o = std::make_shared<ProgramKeyFlags>();
    auto* a = program.add_subcommand("archive", "Archive a program (it can no longer be launched); idempotent");
    a->add_option("program", o->key, "Program id or exact name")->required();
    add_target_flags(a, o->target);
    a->footer(key_footer);
    a->callback([o, &action] { action = [o](Context& c) { return program_archive(c, *o); }; });
  }
  add_program_apply_command(program, ctx, action);
}

void add_program_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* program = app.add_subcommand("program",
                                     "Programs (a flow over an audience): validate and apply files; list, get, "
                                     "archive; simulate (a forecast); launch, pause, resume, cancel");
  program->require_subcommand(1);
  add_program_file_commands(*program, ctx, action);
  add_program_run_commands(*program, ctx, action);
  add_program_simulate_command(*program, ctx, action);
}

}  // namespace gomo::cli

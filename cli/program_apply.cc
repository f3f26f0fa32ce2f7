// gomo program apply -f FILE [--dry-run]: a thin wrapper over lib/programs/apply.h.
#include <CLI/CLI.hpp>
#include <iterator>
#include <nlohmann/json.hpp>

#include "api/platform.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/target.h"
#include "document/limits.h"
#include "programs/apply.h"
#include "programs/rules.h"
#include "programs/validate_program.h"
#include "report/text.h"

namespace gomo::cli {
namespace {

struct ProgramApplyFlags {
  TargetOptions target;
  std::string file;
  bool dry_run = false;
  // The rule selection of `gomo program validate`: --ignore, --strict, --config, --no-config.
  std::vector<std::string> ignore;
  bool strict = false;
  std::string config;
  bool no_config = false;
};

std::string apply_quoted(const std::string& s) { return "\"" + s + "\""; }

// Prints why the file was not applied; returns the exit code (0 when it was applied or planned).
int apply_report_failure(Context& ctx, const programs::ApplyOutcome& o) {
  switch (o.status) {
    case programs::ApplyStatus::kInvalid:
    case programs::ApplyStatus::kUnreadable: {
      report::TextStyle style;
      style.color = ctx.use_color(ctx.stderr_tty);
      report::write_text(ctx.err, {o.checked}, style);
      if (o.status == programs::ApplyStatus::kUnreadable) return report_error(ctx, o.path + ": not applied");
      const diag::Counts n = diag::count(o.checked.diagnostics);
      const std::string why = n.errors ? std::to_string(n.errors) + (n.errors == 1 ? " error" : " errors")
                                       : std::to_string(n.warnings) + (n.warnings == 1 ? " warning" : " warnings") +
                                             " with strict checking (--strict or the config's program.strict)";
      return report_error(ctx, o.path + ": " + why + "; not applied", kExitFindings);
    }
    case programs::ApplyStatus::kAmbiguous: {
      std::string ids;
      for (const auto& p : o.candidates) ids += (ids.empty() ? "" : ", ") + p.id;
      return report_error(ctx, o.path + ": " + std::to_string(o.candidates.size()) + " programs are named " +
                                   apply_quoted(o.name) + " (" + ids +
                                   "); rename or archive the extra ones (gomo program archive ID)");
    }
    case programs::ApplyStatus::kApiError:
      report_error(ctx, o.path + ":");  // the platform's answer follows, on its own lines
      return report_api_error(ctx, *o.error);
    default: return kExitOk;
  }
}

nlohmann::json apply_outcome_json(const programs::ApplyOutcome& o) {
  nlohmann::json j = {{"file", o.path}, {"name", o.name}, {"status", programs::apply_status_name(o.status)}};
  if (o.program) j["id"] = o.program->id;
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& c : o.changes) {
    nlohmann::json change = {{"field", c.field}, {"after", nlohmann::json::parse(c.after)}};
    if (!c.before.empty()) change["before"] = nlohmann::json::parse(c.before);
    changes.push_back(std::move(change));
  }
  j["changes"] = std::move(changes);
  return j;
}

int program_apply(Context& ctx, const ProgramApplyFlags& f) {
  auto chosen = programs::choose_program_rules(f.ignore, f.strict, f.config, f.no_config);
  if (!chosen) return report_error(ctx, chosen.error());
  if (ctx.verbose && !chosen->config_path.empty()) report_note(ctx, "using config " + chosen->config_path);
  std::string text, path = f.file;
  if (f.file == "-") {
    path = "<stdin>";
    text = document::read_bounded(ctx.in);
  } else {
    auto read = document::read_input_text(f.file);
    if (!read && read.error().code() == StatusCode::kInvalidArgument) return report_error(ctx, read.error().message());
    if (!read) return report_error(ctx, "cannot read " + f.file + ": " + read.error().message());
    text = std::move(read.value());
  }
  int exit_code = kExitOk;
  auto opened = open_target(ctx, f.target, exit_code, f.dry_run ? TargetAccess::kRead : TargetAccess::kWrite);
  if (!opened) return exit_code;
  auto o = programs::apply_program_file(*opened->platform, path, std::move(text), f.dry_run, &*chosen);
  if (int code = apply_report_failure(ctx, o)) return code;
  if (ctx.output == "json") {
    ctx.out << apply_outcome_json(o).dump(2) << "\n";
  } else if (f.dry_run && !o.changes.empty()) {
    ctx.out << (o.program ? "~ program " + o.program->id + " " : "+ program ") << apply_quoted(o.name) << "\n"
            << programs::format_changes(o.changes);
  }
  ctx.out.flush();
  const std::string id = o.program ? o.program->id + " " : "";
  std::string what;
  switch (o.status) {
    case programs::ApplyStatus::kUnchanged:
      what = "unchanged program " + id + apply_quoted(o.name) + " (nothing sent)";
      break;
    case programs::ApplyStatus::kWouldCreate: what = "would create program " + apply_quoted(o.name); break;
    case programs::ApplyStatus::kWouldUpdate:
      what = "would update program " + id + apply_quoted(o.name) + " (" + std::to_string(o.changes.size()) +
             (o.changes.size() == 1 ? " field)" : " fields)");
      break;
    default: what = std::string(programs::apply_status_name(o.status)) + " program " + id + apply_quoted(o.name);
  }
  print_target_summary(ctx, *opened, what);
  return kExitOk;
}

}  // namespace

void add_program_apply_command(CLI::App& program, Context& ctx, Action& action) {
  if (!ctx.builds("apply")) return;
  auto f = std::make_shared<ProgramApplyFlags>();
  auto* a = program.add_subcommand(
      "apply",
      "Create or update a program from a file, by name; only changed fields are sent, unchanged sends nothing");
  a->add_option("-f,--file", f->file, "Program file (YAML or JSON, schemas/program.schema.json); - reads stdin")
      ->required()
      ->type_name("FILE");
  a->add_flag("--dry-run", f->dry_run, "Send nothing: print what would change, field by field");
  auto* ignore =
      a->add_option("--ignore", f->ignore, "Rule ids to skip, as program validate's (repeatable, or comma-separated)");
  for (const auto* rule : programs::all_program_rules()) ctx.completion_values[ignore].push_back(rule->id);
  a->add_flag("--strict", f->strict, "Warnings keep the file from being applied too (exit 1)");
  a->add_option("--config", f->config,
                "Project config file, for its `program:` section (default: .gomo.yaml here or in a parent "
                "directory)");
  a->add_flag("--no-config", f->no_config, "Ignore .gomo.yaml");
  add_target_flags(a, f->target);
  a->footer(
      "Fields the file leaves out keep the platform's values. The file is checked as `gomo program validate\n"
      "--remote` checks it, with the same rule selection (--ignore, --strict, .gomo.yaml's program: section).\n"
      "Exit codes: 0 ok, 1 errors in the file (not applied), "
      "2 usage, unreadable file or several programs of that name, 3 API error, 4 authentication, 5 network.");
  a->callback([f, &action] { action = [f](Context& c) { return program_apply(c, *f); }; });
}

}  // namespace gomo::cli

// gomo flow push|pull|diff: thin wrappers over lib/sync.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "api/platform.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/target.h"
#include "flow/format.h"
#include "model/project_config.h"
#include "report/text.h"
#include "sync/flow_sync.h"

namespace gomo::cli {
namespace {

struct FlowSyncFlags {
  TargetOptions target;
  std::vector<std::string> paths;  // push, diff: files; pull: names or ids
  std::string name, id;
  bool dry_run = false, force = false;
  std::string file, output_dir;  // pull
};

std::string sync_quoted(const std::string& s) { return "\"" + s + "\""; }

// Usage and validation options shared by push and diff; 0 when they may go on.
int sync_prepare(Context& ctx, const FlowSyncFlags& f, sync::PushOptions& options, std::vector<checks::Input>& inputs) {
  if ((!f.name.empty() || !f.id.empty()) && f.paths.size() != 1)
    return report_error(ctx, "--name and --id apply to one file");
  auto usage = [&](const std::string& message) { return report_error(ctx, message); };
  options.name = f.name;
  options.id = f.id;
  options.force = f.force;
  options.dry_run = f.dry_run;
  // Local checks as `gomo flow validate` runs them here (.gomo.yaml included).
  std::unique_ptr<model::ProjectConfig> config;
  if (auto path = model::find_project_config(".")) {
    auto loaded = model::load_project_config(*path);
    if (!loaded) return usage(loaded.error().message());
    config = std::make_unique<model::ProjectConfig>(std::move(loaded.value()));
  }
  auto resolved = checks::resolve_validate({}, config.get());
  if (!resolved) return usage(resolved.error().message());
  options.validate = resolved->options;
  std::vector<std::string> notes;
  auto expanded = checks::expand_inputs(f.paths, resolved->options.exclude, &notes);
  if (!expanded) return usage(expanded.error().message());
  if (!ctx.quiet)
    for (const auto& note : notes) report_warning(ctx, note);
  inputs = std::move(expanded.value());
  return kExitOk;
}

// Prints why a file was not pushed or compared; returns its exit code (0 when it was fine).
int sync_report_failure(Context& ctx, const sync::PushOutcome& o) {
  switch (o.status) {
    case sync::PushStatus::kInvalid: {
      report::TextStyle style;
      style.color = ctx.use_color(ctx.stderr_tty);
      checks::FileResult errors = o.checked;
      std::erase_if(errors.diagnostics, [](const diag::Diagnostic& d) { return d.severity != diag::Severity::kError; });
      report::write_text(ctx.err, {errors}, style);
      const size_t n = errors.diagnostics.size();
      return report_error(ctx,
                          o.path + ": " + std::to_string(n) + (n == 1 ? " error" : " errors") +
                              "; not pushed (fix them, or push anyway with --force)",
                          kExitFindings);
    }
    case sync::PushStatus::kAmbiguous: {
      std::string ids;
      for (const auto& candidate : o.candidates) ids += (ids.empty() ? "" : ", ") + candidate.id;
      return report_error(ctx, o.path + ": " + std::to_string(o.candidates.size()) + " platform flows are named " +
                                   sync_quoted(o.name) + " (" + ids + "); say which with --id");
    }
    case sync::PushStatus::kUnreadable: return report_error(ctx, o.message);
    case sync::PushStatus::kApiError:
      report_error(ctx, o.path + ":");  // the platform's answer follows, on its own lines
      return report_api_error(ctx, *o.error);
    default: return kExitOk;
  }
}

nlohmann::json sync_outcome_json(const sync::PushOutcome& o, const std::string& status) {
  nlohmann::json j = {{"file", o.path}, {"name", o.name}, {"status", status}};
  if (o.flow) j["id"] = o.flow->id;
  if (!o.diff.empty()) j["diff"] = o.diff;
  if (o.status == sync::PushStatus::kInvalid) j["errors"] = diag::count(o.checked.diagnostics).errors;
  if (!o.message.empty()) j["message"] = o.message;
  if (o.error) j["error"] = {{"status", o.error->http_status}, {"code", o.error->code}, {"message", o.error->message}};
  return j;
}

int run_flow_push(Context& ctx, const FlowSyncFlags& f, bool diff_only) {
  sync::PushOptions options;
  std::vector<checks::Input> inputs;
  if (int code = sync_prepare(ctx, f, options, inputs)) return code;
  if (diff_only) {
    options.dry_run = true;
    options.check = false;
  }
  int exit_code = kExitOk;
  auto opened = open_target(ctx, f.target, exit_code, options.dry_run ? TargetAccess::kRead : TargetAccess::kWrite);
  if (!opened) return exit_code;
  nlohmann::json results = nlohmann::json::array();
  int worst = kExitOk, differing = 0;
  for (const auto& input : inputs) {
    auto o = sync::push_flow(*opened->platform, input, options);
    int code = sync_report_failure(ctx, o);
    worst = std::max(worst, code);
    bool differs = o.status == sync::PushStatus::kWouldCreate || o.status == sync::PushStatus::kWouldUpdate;
    differing += differs;
    std::string status = sync::push_status_name(o.status);
    if (diff_only && code == kExitOk) status = differs ? (o.flow ? "differs" : "missing") : "same";
    if (ctx.output == "json") results.push_back(sync_outcome_json(o, status));
    else if (differs) ctx.out << o.diff;
    if (code != kExitOk) {
      if (code == kExitAuth || code == kExitNetwork) break;  // the next files would fare no better
      continue;
    }
    const std::string id = o.flow ? o.flow->id + " " : "";
    if (diff_only) {
      if (ctx.verbose && !differs) ctx.err << "no differences: " << o.path << "\n";
    } else if (o.status == sync::PushStatus::kUnchanged) {
      print_target_summary(ctx, *opened, "unchanged flow " + id + sync_quoted(o.name) + " (nothing sent)");
    } else {
      std::string verb = sync::push_status_name(o.status);
      if (differs) verb = o.flow ? "would update" : "would create";
      print_target_summary(ctx, *opened, verb + " flow " + id + sync_quoted(o.name));
    }
  }
  if (ctx.output == "json") ctx.out << results.dump(2) << "\n";
  ctx.out.flush();
  if (!diff_only) return worst;
  if (!ctx.quiet && worst == kExitOk)
    ctx.err << differing << " of " << inputs.size() << " flows differ from " << opened->summary << "\n";
  if (worst != kExitOk) return std::max(worst, kExitUsage);  // diff(1): >= 2 is trouble
  return differing ? kExitFindings : kExitOk;
}

int run_flow_pull(Context& ctx, const FlowSyncFlags& f) {
  if (f.paths.size() > 1 && f.output_dir.empty())
    return report_error(ctx, "pulling several flows needs --output-dir DIR");
  if (!f.file.empty() && (f.paths.size() > 1 || !f.output_dir.empty()))
    return report_error(ctx, "-f FILE takes one flow, and not with --output-dir");
  int exit_code = kExitOk;
  auto opened = open_target(ctx, f.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  int worst = kExitOk;
  for (const auto& key : f.paths) {
    auto found = sync::find_flow(*opened->platform, key);
    if (!found) {
      int code = report_api_error(ctx, found.error());
      if (code == kExitAuth || code == kExitNetwork) return code;
      worst = std::max(worst, code);
      continue;
    }
    if (found->size() != 1) {
      std::string message = (found->empty() ? "no flow with the id or name " : "several flows are named ") +
                            sync_quoted(key) + " on " + opened->summary;
      for (size_t i = 0; i < found->size(); ++i) message += (i ? ", " : " (") + (*found)[i].id;
      if (!found->empty()) message += "); pull one by id";
      worst = std::max(worst, report_error(ctx, message, found->empty() ? kExitApiError : kExitUsage));
      continue;
    }
    const api::FlowRecord& flow = found->front();
    auto yaml = sync::platform_flow_yaml(flow);
    if (!yaml) {
      worst = std::max(worst, report_error(ctx, "flow " + flow.id + ": " + yaml.error().message(), kExitApiError));
      continue;
    }
    if (f.file.empty() && f.output_dir.empty()) {
      ctx.out << yaml.value();
      continue;
    }
    std::string path =
        !f.file.empty() ? f.file : (std::filesystem::path(f.output_dir) / sync::flow_file_name(flow)).string();
    std::error_code ec;
    if (!f.output_dir.empty()) std::filesystem::create_directories(f.output_dir, ec);
    if (!f.force && std::filesystem::exists(path, ec)) {
      worst = std::max(worst, report_error(ctx, path + " exists; not overwritten (--force to replace it)"));
      continue;
    }
    if (Status s = flow::replace_file(path, yaml.value()); !s) {
      worst = std::max(worst, report_error(ctx, s.message()));
      continue;
    }
    if (!ctx.quiet)
      ctx.err << "pulled flow " << flow.id << " " << sync_quoted(flow.name) << " from " << opened->summary << " → "
              << path << "\n";
  }
  ctx.out.flush();
  return worst;
}

}  // namespace

void add_flow_sync_commands(CLI::App& flow, Context& ctx, Action& action) {
  if (ctx.builds("push")) {
    const char* codes =
        "Exit codes: 0 ok, 1 local errors (not pushed), 2 usage or unreadable file or ambiguous name, "
        "3 API error, 4 authentication, 5 network or server unavailable.";
    auto push = std::make_shared<FlowSyncFlags>();
    auto* p = flow.add_subcommand("push",
                                  "Create or update platform flows from files, by name; unchanged flows are not sent");
    p->add_option("files", push->paths, "Flow files or directories (recursive); - reads stdin")->required();
    p->add_option("--name", push->name, "Name a bare graph {startNodeId, nodes} (one file)");
    p->add_option("--id", push->id, "Update this platform flow instead of the one of the same name (one file)");
    p->add_flag("--dry-run", push->dry_run, "Send nothing: say what would happen and print the diff");
    p->add_flag("--force", push->force, "Push even when the local checks find errors");
    p->footer(codes);
    add_target_flags(p, push->target);
    p->callback([push, &action] { action = [push](Context& c) { return run_flow_push(c, *push, false); }; });
  }

  if (ctx.builds("diff")) {
    auto diff = std::make_shared<FlowSyncFlags>();
    auto* d = flow.add_subcommand("diff", "Compare flow files with the platform flows of the same name (unified diff)");
    d->add_option("files", diff->paths, "Flow files or directories (recursive); - reads stdin")->required();
    d->add_option("--name", diff->name, "Name a bare graph (one file)");
    d->add_option("--id", diff->id, "Compare with this platform flow instead of the one of the same name (one file)");
    d->footer(
        "Exit codes (as diff and git diff): 0 no differences, 1 differences (a flow missing on the platform is "
        "one), 2 usage, unreadable file or ambiguous name, 3 API error, 4 authentication, 5 network.");
    add_target_flags(d, diff->target);
    d->callback([diff, &action] { action = [diff](Context& c) { return run_flow_push(c, *diff, true); }; });
  }

  if (ctx.builds("pull")) {
    auto pull = std::make_shared<FlowSyncFlags>();
    auto* l = flow.add_subcommand("pull", "Write platform flows as canonical YAML (what gomo flow fmt writes)");
    l->add_option("flows", pull->paths, "Flow ids or exact names")->required();
    l->add_option("-f,--file", pull->file, "Write to FILE instead of stdout (one flow)")->type_name("FILE");
    l->add_option("--output-dir", pull->output_dir, "Write each flow to DIR/<name>.yaml")->type_name("DIR");
    l->add_flag("--force", pull->force, "Overwrite existing files");
    l->footer(
        "Exit codes: 0 ok, 2 usage, an existing file (without --force) or an ambiguous name, 3 API error or no "
        "such flow, 4 authentication, 5 network or server unavailable.");
    add_target_flags(l, pull->target);
    l->callback([pull, &action] { action = [pull](Context& c) { return run_flow_pull(c, *pull); }; });
  }
}

}  // namespace gomo::cli

// Program file validation (programs/validate_program.h).
#include "programs/validate_program.h"

#include "api/list_all.h"
#include "base/files.h"
#include "model/project_config.h"
#include "programs/flow_nodes.h"

namespace gomo::programs {

checks::FileResult validate_program_text(const std::string& path, std::string text, const ProgramCatalog* catalog,
                                         LoadedProgram* loaded, const checks::RuleSelection* rules) {
  checks::FileResult result;
  result.path = path;
  LoadedProgram program = load_program_file(path, std::move(text));
  result.unreadable = program.unreadable;
  std::vector<diag::Diagnostic> diags = std::move(program.diagnostics);
  const document::Document& doc = *program.file.doc;
  if (doc.parsed) {
    ProgramContext ctx{program.file, catalog};
    ProgramReporter reporter(doc);
    for (const ProgramRule* rule : all_program_rules())
      if (rule->check) rule->check(ctx, reporter);
    for (auto& d : reporter.diagnostics()) diags.push_back(std::move(d));
  }
  if (rules) rules->apply(diags);
  for (auto& d : diags) {
    // Values from the file are printed: escape what a terminal would act on (as flow validate does).
    d.message = diag::visible(d.message);
    d.related = diag::visible(d.related);
  }
  diag::sort_and_dedupe(diags);
  diag::SnippetCursor cursor;
  for (auto& d : diags) diag::set_snippet(d, doc.line_text(d.location.line), &cursor);
  result.diagnostics = std::move(diags);
  if (loaded) *loaded = std::move(program);
  return result;
}

std::vector<checks::FileResult> validate_program_inputs(const std::vector<checks::Input>& inputs,
                                                        const ProgramCatalog* catalog,
                                                        const checks::RuleSelection* rules) {
  std::vector<checks::FileResult> results;
  for (const auto& in : inputs) {
    std::string text = in.text;
    if (!in.from_stdin) {
      auto read = read_file(in.path);
      if (!read) {
        checks::FileResult failed;
        failed.path = in.path;
        failed.unreadable = true;
        diag::Diagnostic d;
        d.rule = "read-error";
        d.message = read.error().code() == StatusCode::kNotFound ? "no such file or directory"
                                                                 : "cannot read the file: " + read.error().message();
        d.location.file = in.path;
        failed.diagnostics.push_back(std::move(d));
        if (rules) rules->apply(failed.diagnostics);
        results.push_back(std::move(failed));
        continue;
      }
      text = std::move(read.value());
    }
    results.push_back(validate_program_text(in.path, std::move(text), catalog, nullptr, rules));
  }
  return results;
}

Result<ProgramRuleChoice> choose_program_rules(const std::vector<std::string>& ignore, bool strict_flag,
                                               const std::string& config_path, bool no_config) {
  auto config = model::load_chosen_project_config(config_path, no_config);
  if (!config) return config.error();
  const model::ProgramConfig none;
  const model::ProgramConfig& section = config->has_value() ? config->value().program : none;
  ProgramRuleChoice out;
  if (config->has_value()) out.config_path = config->value().path;
  auto rules = checks::select_rules(ignore, section.ignore, section.severity, out.config_path, program_rule_ids());
  if (!rules) return rules.error();
  out.rules = std::move(rules.value());
  out.strict = strict_flag || section.strict.value_or(false);
  return out;
}

api::Result<ProgramCatalog> read_catalog(api::Platform& platform) {
  ProgramCatalog catalog;
  auto flows = api::list_all_flows(platform, {});
  if (!flows) return flows.error();
  for (const auto& f : *flows) {
    catalog.flows.push_back({f.id, f.name});
    if (auto nodes = flow_node_ids(f.graph_json)) catalog.flow_nodes[f.id] = std::move(*nodes);
  }
  auto audiences =
      api::collect_all<api::Audience>([&](const api::PageQuery& q) { return platform.list_audiences(q); }, {});
  if (!audiences) return audiences.error();
  for (const auto& a : *audiences) catalog.audiences.push_back({a.id, a.name});
  auto dids = api::collect_all<api::Did>(
      [&](const api::PageQuery& q) {
        api::DidQuery query;
        query.page = q;
        return platform.list_available_dids(query);
      },
      {});
  if (!dids) return dids.error();
  for (const auto& d : *dids) catalog.dids.push_back({d.id, d.number});
  return catalog;
}

}  // namespace gomo::programs

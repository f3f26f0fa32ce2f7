// Program file validation (programs/validate_program.h).
#include "programs/validate_program.h"

#include "api/list_all.h"
#include "document/limits.h"
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

namespace {

// A file over the readers' limit, refused by its size: the positioned problem read_document gives.
checks::FileResult too_large_program(const std::string& path, const checks::RuleSelection* rules) {
  checks::FileResult failed;
  failed.path = path;
  failed.unreadable = true;
  diag::Diagnostic d;
  d.rule = "syntax";
  d.message = document::limit_message(document::Limit::kInputBytes);
  d.location.file = path;
  d.location.line = 1;
  d.location.col = 1;
  d.location.end_line = 1;
  d.location.end_col = 2;
  failed.diagnostics.push_back(std::move(d));
  if (rules) rules->apply(failed.diagnostics);
  return failed;
}

}  // namespace

std::vector<checks::FileResult> validate_program_inputs(const std::vector<checks::Input>& inputs,
                                                        const ProgramCatalog* catalog,
                                                        const checks::RuleSelection* rules) {
  std::vector<checks::FileResult> results;
  for (const auto& in : inputs) {
    std::string text = in.text;
    if (!in.from_stdin) {
      auto read = document::read_input_text(in.path);
      if (!read && read.error().code() == StatusCode::kInvalidArgument) {  // over the input limit
        results.push_back(too_large_program(in.path, rules));
        continue;
      }
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

#include "checks/validate_run.h"

#include <memory>
#include <optional>

#include "document/document.h"
#include "model/project_config.h"

namespace gomo::checks {
namespace {

// The project config the request names, finds or refuses; null for none.
Result<std::unique_ptr<model::ProjectConfig>> load_config(const ValidateRequest& request, ValidateHooks& hooks) {
  auto loaded = model::load_chosen_project_config(request.config_path, request.no_config);
  if (!loaded) return loaded.error();
  std::unique_ptr<model::ProjectConfig> config;
  if (!loaded->has_value()) return config;
  hooks.config_loaded(loaded->value().path);
  return std::make_unique<model::ProjectConfig>(std::move(loaded->value()));
}

// Adds the platform's findings to each file that parsed; they follow the run's severities.
Status add_remote_findings(ValidateHooks& hooks, const ValidateOptions& options,
                           const std::vector<std::shared_ptr<const document::Document>>& documents,
                           std::vector<FileResult>& files) {
  if (Status s = hooks.begin_remote_pass(); !s) return s;
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].unreadable || !documents[i]) continue;
    auto found = hooks.remote_findings(files[i].path, *documents[i], files[i].diagnostics);
    if (!found) return found.error();
    for (auto& d : found.value()) {
      if (auto it = options.severity.find(d.rule); it != options.severity.end()) d.severity = it->second;
      files[i].diagnostics.push_back(std::move(d));
    }
    diag::sort_and_dedupe(files[i].diagnostics);
  }
  return Status::ok();
}

}  // namespace

Result<ValidateRun> validate(const ValidateRequest& request, ValidateHooks* hooks) {
  ValidateHooks none;
  ValidateHooks& h = hooks ? *hooks : none;
  auto config = load_config(request, h);
  if (!config) return config.error();
  auto resolved = resolve_validate(request, config.value().get());
  if (!resolved) return resolved.error();
  ValidateOptions& options = resolved->options;
  std::vector<std::string> notes;
  auto inputs = expand_inputs(request.paths, options.exclude, &notes);
  if (!inputs) return inputs.error();
  h.inputs_found(notes);
  if (Status s = h.prepare(options); !s) return s;

  ValidateRun run;
  run.strict = resolved->strict;
  run.remote_checked = h.has_remote_pass() && !options.ignored_rules.count(kRemoteRule);
  options.keep_documents = inputs->size() == 1;  // the process ends after this file
  if (run.remote_checked) {
    // The platform checks the trees the local checks read: each file is read and parsed once.
    std::vector<std::shared_ptr<const document::Document>> documents;
    run.files = validate_inputs(std::move(inputs.value()), options, &documents);
    if (Status s = add_remote_findings(h, options, documents, run.files); !s) return s;
  } else {
    run.files = validate_inputs(std::move(inputs.value()), options);
  }
  run.verdict = validate_verdict(run.files, run.strict);
  return run;
}

}  // namespace gomo::checks

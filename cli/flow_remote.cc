// gomo flow validate --remote and --catalog-from: the platform's findings and the account's catalogs
// (lib/sync/remote_checks.h).
#include "cli/flow_remote.h"

#include <CLI/CLI.hpp>
#include <fstream>
#include <sstream>

#include "api/platform.h"
#include "sync/remote_checks.h"

namespace gomo::cli {

void add_flow_remote_flags(CLI::App* validate, FlowRemoteFlags& flags) {
  validate->add_flag("--remote", flags.remote,
                     "Also ask the platform to validate each flow (POST /flows/validate); its findings are errors "
                     "[remote-validation]");
  validate->add_option("--catalog-from", flags.catalog_from,
                       "Check audio ids and custom attribute names against this profile's account")
      ->type_name("PROFILE");
  add_target_flags(validate, flags.target);
}

int flow_catalogs_from_account(Context& ctx, const FlowRemoteFlags& flags, checks::ValidateOptions& options) {
  if (flags.catalog_from.empty()) return kExitOk;
  TargetOptions account;
  account.profile = flags.catalog_from;
  int exit_code = kExitOk;
  auto opened = open_target(ctx, account, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto names = sync::account_attribute_names(*opened->platform);
  if (!names) return report_api_error(ctx, names.error());
  auto audio = sync::account_audio_ids(*opened->platform);
  if (!audio) return report_api_error(ctx, audio.error());
  options.check.has_attribute_catalog = true;
  options.check.attribute_names = std::move(names.value());
  options.check.has_audio_catalog = true;
  options.check.audio_ids = std::move(audio.value());
  if (ctx.verbose)
    ctx.err << "gomo: " << options.check.attribute_names.size() << " custom attributes and "
            << options.check.audio_ids.size() << " audio files from " << opened->summary << "\n";
  return kExitOk;
}

int flow_remote_validate(Context& ctx, const FlowRemoteFlags& flags, const checks::ValidateOptions& options,
                         const std::vector<checks::Input>& inputs, std::vector<checks::FileResult>& results) {
  if (!flags.remote || options.ignored_rules.count(sync::kRemoteValidationRule)) return kExitOk;
  int exit_code = kExitOk;
  auto opened = open_target(ctx, flags.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  for (size_t i = 0; i < inputs.size() && i < results.size(); ++i) {
    if (results[i].unreadable) continue;
    std::string text = inputs[i].text;
    if (!inputs[i].from_stdin) {
      std::ifstream file(inputs[i].path, std::ios::binary);
      std::ostringstream ss;
      ss << file.rdbuf();
      text = ss.str();
    }
    auto doc = document::read_document(inputs[i].path, std::move(text));
    if (!doc->parsed) continue;
    auto found = sync::remote_validate(*opened->platform, *doc, results[i].diagnostics);
    if (!found) {
      ctx.err << "gomo: " << inputs[i].path << ": the platform could not validate it:\n";
      return report_api_error(ctx, found.error());
    }
    for (auto& d : *found) {
      if (auto it = options.severity.find(d.rule); it != options.severity.end()) d.severity = it->second;
      results[i].diagnostics.push_back(std::move(d));
    }
    diag::sort_and_dedupe(results[i].diagnostics);
  }
  if (ctx.verbose) ctx.err << "gomo: validated on " << opened->summary << "\n";
  return kExitOk;
}

}  // namespace gomo::cli

// gomo flow validate's part of the run (cli/validate_hooks.h); the platform's side is lib/sync/remote_checks.h.
#include "cli/validate_hooks.h"

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "api/platform.h"
#include "cli/exit_codes.h"
#include "sync/remote_checks.h"

namespace gomo::cli {

void add_flow_remote_flags(CLI::App* validate, FlowRemoteFlags& flags) {
  validate->add_flag("--remote", flags.remote,
                     "Also ask the platform to validate each flow (POST /flows/validate); its findings are errors "
                     "[remote-validation]");
  validate
      ->add_option("--catalog-from", flags.catalog_from,
                   "Check audio ids and custom attribute names against this profile's account")
      ->type_name("PROFILE");
  add_target_flags(validate, flags.target);
}

ValidateCommandHooks::ValidateCommandHooks(Context& ctx, const FlowRemoteFlags& flags, std::vector<std::string> formats,
                                           std::vector<std::string> output_files)
    : ctx_(ctx), flags_(flags), formats_(std::move(formats)), output_files_(std::move(output_files)) {}

ValidateCommandHooks::~ValidateCommandHooks() = default;

Status ValidateCommandHooks::failed(int exit_code) {
  exit_code_ = exit_code;
  return Status::invalid_argument("reported");
}

const std::string& ValidateCommandHooks::remote_summary() const {
  static const std::string kNone;
  return remote_ ? remote_->summary : kNone;
}

void ValidateCommandHooks::config_loaded(const std::string& path) {
  if (ctx_.verbose) report_note(ctx_, "using config " + path);
}

void ValidateCommandHooks::inputs_found(const std::vector<std::string>& notes) {
  if (!ctx_.quiet)
    for (const auto& note : notes) report_warning(ctx_, note);
}

Status ValidateCommandHooks::prepare(checks::ValidateOptions& options) {
  if (!flags_.catalog_from.empty()) {
    TargetOptions account;
    account.profile = flags_.catalog_from;
    int exit_code = kExitOk;
    auto opened = open_target(ctx_, account, exit_code, TargetAccess::kRead);
    if (!opened) return failed(exit_code);
    auto names = sync::account_attribute_names(*opened->platform);
    if (!names) return failed(report_api_error(ctx_, names.error()));
    auto audio = sync::account_audio_ids(*opened->platform);
    if (!audio) return failed(report_api_error(ctx_, audio.error()));
    options.check.has_attribute_catalog = true;
    options.check.attribute_names = std::move(names.value());
    options.check.has_audio_catalog = true;
    options.check.audio_ids = std::move(audio.value());
    if (ctx_.verbose)
      report_note(ctx_, std::to_string(options.check.attribute_names.size()) + " custom attributes and " +
                            std::to_string(options.check.audio_ids.size()) + " audio files from " + opened->summary);
  }
  report::DiagFormat auto_format = report::DiagFormat::kText;
  if (ctx_.output == "json") auto_format = report::DiagFormat::kJson;
  else if (const char* gh = std::getenv("GITHUB_ACTIONS"); gh && std::string(gh) == "true")
    auto_format = report::DiagFormat::kGithub;
  auto requests = report::pair_outputs(formats_, output_files_, auto_format);
  if (!requests) return requests.error();
  auto outputs = report::OutputSet::open(std::move(requests.value()));
  if (!outputs) return outputs.error();
  outputs_.emplace(std::move(outputs.value()));
  return Status::ok();
}

Status ValidateCommandHooks::begin_remote_pass() {
  int exit_code = kExitOk;
  auto opened = open_target(ctx_, flags_.target, exit_code, TargetAccess::kRead);
  if (!opened) return failed(exit_code);
  remote_.emplace(std::move(*opened));
  return Status::ok();
}

Result<std::vector<diag::Diagnostic>> ValidateCommandHooks::remote_findings(
    const std::string& path, const document::Document& doc, const std::vector<diag::Diagnostic>& local) {
  auto found = sync::remote_validate(*remote_->platform, doc, local);
  if (!found) {
    report_error(ctx_, path + ": the platform could not validate it:");  // its answer follows
    return failed(report_api_error(ctx_, found.error()));
  }
  return std::move(found.value());
}

}  // namespace gomo::cli

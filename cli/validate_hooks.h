#pragma once
// What `gomo flow validate` adds to checks::validate (checks/validate_run.h): the -v and warning
// lines, the report files, and the platform (--catalog-from fills the catalogs from an account,
// --remote asks the platform to validate each flow too). cli/validate_hooks.cc.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks/validate_run.h"
#include "cli/context.h"
#include "cli/target.h"
#include "report/diagnostics.h"

namespace CLI {
class App;
}

namespace gomo::cli {

struct FlowRemoteFlags {
  bool remote = false;       // --remote
  std::string catalog_from;  // --catalog-from PROFILE
  TargetOptions target;      // where --remote sends the flows
};

void add_flow_remote_flags(CLI::App* validate, FlowRemoteFlags& flags);

// The hooks of one `gomo flow validate` run. Errors of the platform are printed here (they need the
// API error's details); exit_code() is then the run's exit code, 0 when no hook failed.
// `ctx` and `flags` must outlive the hooks.
class ValidateCommandHooks : public checks::ValidateHooks {
 public:
  ValidateCommandHooks(Context& ctx, const FlowRemoteFlags& flags, std::vector<std::string> formats,
                       std::vector<std::string> output_files);
  ~ValidateCommandHooks() override;

  void config_loaded(const std::string& path) override;
  void inputs_found(const std::vector<std::string>& notes) override;
  // --catalog-from, then opens the reports (--format, --output-file).
  Status prepare(checks::ValidateOptions& options) override;
  bool has_remote_pass() const override { return flags_.remote; }
  Status begin_remote_pass() override;
  Result<std::vector<diag::Diagnostic>> remote_findings(const std::string& path, const document::Document& doc,
                                                        const std::vector<diag::Diagnostic>& local) override;

  int exit_code() const { return exit_code_; }
  // The reports prepare() opened. REQUIRES: prepare() succeeded.
  report::OutputSet& outputs() { return *outputs_; }
  // Where --remote sent the flows ("" before begin_remote_pass).
  const std::string& remote_summary() const;

 private:
  Status failed(int exit_code);  // records an error already printed

  Context& ctx_;
  const FlowRemoteFlags& flags_;
  std::vector<std::string> formats_, output_files_;
  std::optional<report::OutputSet> outputs_;
  std::optional<OpenedTarget> remote_;
  int exit_code_ = kExitOk;
};

}  // namespace gomo::cli

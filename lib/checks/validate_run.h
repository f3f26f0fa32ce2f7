#pragma once
// `gomo flow validate` as one call: project config, flags, catalogs, inputs, the checks, the optional
// platform pass, and the verdict.
#include <string>
#include <vector>

#include "base/status.h"
#include "checks/validate.h"

namespace gomo::checks {

// The steps of a run that belong to the caller: the platform (--catalog-from, --remote) and the report
// files live above checks. validate() calls them in the order declared here, each at most once per
// run (remote_findings once per file); a failure stops the run and validate() returns it.
class ValidateHooks {
 public:
  virtual ~ValidateHooks() = default;
  // The project config at `path` was loaded (before the flags are checked against it).
  virtual void config_loaded(const std::string& path) { (void)path; }
  // The inputs were found; `notes` name the directories that held no flow file.
  virtual void inputs_found(const std::vector<std::string>& notes) { (void)notes; }
  // Before any file is read: may fill options.check's catalogs, open the report files.
  virtual Status prepare(ValidateOptions& options) {
    (void)options;
    return Status::ok();
  }
  // Whether there is a platform pass (--remote). It is skipped when its rule, kRemoteRule, is ignored.
  virtual bool has_remote_pass() const { return false; }
  // After the local checks, before the first remote_findings (opens the platform).
  virtual Status begin_remote_pass() { return Status::ok(); }
  // The platform's findings for one file that parsed, in input order; `local` are the file's findings.
  virtual Result<std::vector<diag::Diagnostic>> remote_findings(const std::string& path, const document::Document& doc,
                                                                const std::vector<diag::Diagnostic>& local) {
    (void)path, (void)doc, (void)local;
    return std::vector<diag::Diagnostic>{};
  }
};

// The rule id of the platform's findings: ignorable, its severity configurable, like any rule.
inline constexpr const char* kRemoteRule = "remote-validation";

struct ValidateRun {
  std::vector<FileResult> files;  // in input order
  bool strict = false;            // from the flag, else the project config
  bool remote_checked = false;    // the platform pass ran
  Verdict verdict = Verdict::kClean;
};

// Loads the project config (unless request.no_config), merges the flags over it (resolve_validate),
// expands the inputs, checks every file and, when `hooks` has one, adds the platform's findings.
// `hooks` may be null. Errors: a bad config file, flag, catalog or input list (nothing was checked),
// or what a hook returned.
Result<ValidateRun> validate(const ValidateRequest& request, ValidateHooks* hooks);

}  // namespace gomo::checks

#pragma once
// Helpers for unit and end-to-end tests: scratch directories, fixtures, running the real binary,
// and checking a flow text through the real loader and rules.
#include <string>
#include <vector>

#include "checks/validate.h"

namespace gomo::test {

void init_scratch_root();
void remove_scratch_root();

// A fresh empty directory under this run's scratch root.
std::string scratch_dir();
// Writes `text` to `dir/name` and returns the path.
std::string write_file(const std::string& dir, const std::string& name, const std::string& text);
std::string read_file(const std::string& path);

// Path of a file in the source tree, e.g. source_path("samples/flows/greeting.yaml").
std::string source_path(const std::string& relative);

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};
// Runs the built gomo binary with `args` (no shell), feeding `input` on stdin; kills it after
// `timeout_s`. Environment: inherited, plus `env` entries "NAME=VALUE" (NAME= alone unsets).
RunResult run_gomo(const std::vector<std::string>& args, const std::string& input = "",
                   const std::vector<std::string>& env = {}, const std::string& cwd = "", int timeout_s = 60);

// For a test that needs something the test set-up installs (scripts/setup.sh --with-test-tools): when it
// is missing, fails the calling test naming `what`, unless GOMO_ALLOW_SKIP=1, which turns the failure into
// a message. Returns true when the caller should stop (skip).
bool skip_without(const std::string& what);

// Diagnostics for one flow text through the real reader, model and rules. `name` decides the format.
std::vector<diag::Diagnostic> check_flow(const std::string& text, const std::string& name = "flow.yaml",
                                         const checks::ValidateOptions& options = {});
// As check_flow, for a fixture that must load: fails the calling test when the text has a syntax or
// schema error, so a "passes on a clean flow" test cannot pass because its fixture never loaded.
std::vector<diag::Diagnostic> check_loaded_flow(const std::string& text, const std::string& name = "flow.yaml",
                                                const checks::ValidateOptions& options = {});
// Only the diagnostics of one rule.
std::vector<diag::Diagnostic> diags_of(const std::vector<diag::Diagnostic>& all, const std::string& rule);

}  // namespace gomo::test

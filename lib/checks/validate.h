#pragma once
// `gomo flow validate` as a library call: expand inputs, read and check each file (in parallel),
// apply suppressions and severities, and return diagnostics per file, in input order.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "checks/rule.h"
#include "diag/diagnostic.h"

namespace gomo::checks {

struct ValidateOptions {
  CheckOptions check;
  std::set<std::string> ignored_rules;                // never reported
  std::map<std::string, diag::Severity> severity;     // per-rule severity overrides
  std::vector<std::string> exclude;                   // glob patterns for files found in directories
  unsigned jobs = 0;                                  // worker threads; 0 = one per core
  // Leave each document tree to the operating system instead of freeing it, as clang's -disable-free
  // does: for a process that exits right after one file (pre-commit hooks run one per file), freeing
  // the tree was a tenth of the run. The trees stay reachable, so leak checkers do not report them.
  bool keep_documents = false;
};

struct FileResult {
  std::string path;
  bool unreadable = false;  // could not be read, or is not valid YAML/JSON (exit code 2)
  std::vector<diag::Diagnostic> diagnostics;
};

// One input named on the command line: "-" is standard input.
struct Input {
  std::string path;
  std::string text;  // filled for stdin only
  bool from_stdin = false;
};

// Expands files and directories (recursively: *.yaml, *.yml, *.json, skipping hidden entries and
// `exclude` matches) in a stable order. Fails on a missing path or a directory holding no flow files.
Result<std::vector<Input>> expand_inputs(const std::vector<std::string>& args, const std::vector<std::string>& exclude);

// Checks one document already in memory.
FileResult validate_text(const std::string& path, std::string text, const ValidateOptions& options);

// Reads and checks every input, `options.jobs` at a time. Results are in input order.
std::vector<FileResult> validate_inputs(std::vector<Input> inputs, const ValidateOptions& options);

// Loads an audio-id or attribute catalog: a YAML/JSON list of strings or of objects (the API's list
// response, `{data: [...]}`, works too); objects contribute `field` ("id" or "name").
Result<std::set<std::string>> load_catalog(const std::string& path, const std::string& field);

}  // namespace gomo::checks

namespace gomo::model {
struct ProjectConfig;
}

namespace gomo::checks {

// What the user asked for on the command line; unset fields fall back to the project config.
struct ValidateRequest {
  std::optional<bool> strict;
  std::vector<std::string> ignore;  // rule ids (comma-separated lists allowed)
  std::optional<std::string> target;
  std::optional<std::string> audio_catalog;
  std::optional<std::string> attributes;
  unsigned jobs = 0;
};

struct ResolvedValidate {
  ValidateOptions options;
  bool strict = false;  // warnings fail the run
};

// Merges flags over the project config (may be null), checks rule ids ("did you mean") and loads catalogs.
Result<ResolvedValidate> resolve_validate(const ValidateRequest& request, const model::ProjectConfig* config);

// Exit status of a validate run: 2 unreadable/unparsable input, 1 errors (or warnings when strict), else 0.
int validate_exit_code(const std::vector<FileResult>& files, bool strict);

}  // namespace gomo::checks

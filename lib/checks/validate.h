#pragma once
// `gomo flow validate` as a library call: expand inputs, read and check each file (in parallel),
// apply suppressions and severities, and return diagnostics per file, in input order.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "checks/rule.h"
#include "diag/diagnostic.h"

namespace gomo::document {
struct Document;
}

namespace gomo::checks {

// Which files found by walking a directory are skipped: `.gomo.yaml`'s `exclude` globs.
struct Exclusion {
  // fnmatch(3) globs. One with a `/` matches the path relative to `base` (`drafts/*`, where `*` also
  // crosses `/`); one without matches a file or directory name anywhere (`*.schema.json`, `drafts`).
  // A trailing `/` matches directories only. A matching directory is not entered.
  std::vector<std::string> patterns;
  std::string base;    // absolute folder the patterns are relative to (the config file's); "" = current folder
  bool force = false;  // --force-exclude: skip matching paths named on the command line too (pre-commit)

  // True when `path` (as walked or named; relative to the current folder or absolute) matches.
  bool matches(const std::string& path, bool is_directory) const;
};

struct ValidateOptions {
  CheckOptions check;
  std::set<std::string> ignored_rules;             // never reported
  std::map<std::string, diag::Severity> severity;  // per-rule severity overrides
  Exclusion exclude;                               // files skipped when walking directories
  unsigned jobs = 0;                               // worker threads; 0 = one per core
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

// Expands files and directories (recursively: *.yaml, *.yml, *.json, skipping hidden entries,
// node_modules, flow tests (*.test.yaml, *.test.yml, *.test.json), program files (*.program.yaml,
// *.program.yml, *.program.json), outcome mixes (*.mix.yaml, .yml, .json) and `exclude` matches) in a stable
// order. A path that does not exist is kept as an input: reading it reports it, and the others are
// still checked. A directory without flow files adds a line to `notes` (may be null); it fails only
// when nothing at all is left to check.
Result<std::vector<Input>> expand_inputs(const std::vector<std::string>& args, const Exclusion& exclude,
                                         std::vector<std::string>* notes = nullptr);

// Checks one document already in memory.
FileResult validate_text(const std::string& path, std::string text, const ValidateOptions& options);
// The same, handing back the parsed document in `document` (null when the text did not parse), for a
// caller that goes on to use the flow (`gomo flow run`): the text is parsed once.
FileResult validate_text(const std::string& path, std::string text, const ValidateOptions& options,
                         std::shared_ptr<const document::Document>* document);

// Reads and checks every input, `options.jobs` at a time. Results are in input order. An exception
// while reading or checking one file (std::bad_alloc included) becomes that file's error (unreadable,
// rule read-error or internal-error) and the run goes on.
std::vector<FileResult> validate_inputs(std::vector<Input> inputs, const ValidateOptions& options);

// validate_inputs with another per-file check in place of reading and validate_text (tests inject
// failures with it). `check` must be safe to call from several threads.
using FileCheck = FileResult (*)(Input& input, const ValidateOptions& options);
std::vector<FileResult> validate_inputs(std::vector<Input> inputs, const ValidateOptions& options, FileCheck check);

// validate_inputs that also hands back, in `documents` (resized to the inputs), each input's parsed
// document, null where it did not parse: for a pass that needs the trees after the checks (the
// platform's, `flow validate --remote`). REQUIRES: documents != nullptr.
std::vector<FileResult> validate_inputs(std::vector<Input> inputs, const ValidateOptions& options,
                                        std::vector<std::shared_ptr<const document::Document>>* documents);

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
  std::vector<std::string> paths;  // files and directories to check; "-" is standard input
  std::string config_path;         // --config; "" = .gomo.yaml here or in a parent directory
  bool no_config = false;          // --no-config: no project config at all
  std::optional<bool> strict;
  std::vector<std::string> ignore;  // rule ids (comma-separated lists allowed)
  std::optional<std::string> target;
  std::optional<std::string> audio_catalog;
  std::optional<std::string> attributes;
  unsigned jobs = 0;
  bool force_exclude = false;
};

struct ResolvedValidate {
  ValidateOptions options;
  bool strict = false;  // warnings fail the run
};

// The project config's `exclude` patterns, relative to the config file's folder.
Exclusion project_exclusion(const model::ProjectConfig& config);

// Merges flags over the project config (may be null), checks rule ids ("did you mean") and loads catalogs.
Result<ResolvedValidate> resolve_validate(const ValidateRequest& request, const model::ProjectConfig* config);

// How a validate run went; cli/ maps it to an exit code (cli/exit_codes.h).
enum class Verdict {
  kClean,       // no errors (and no warnings when strict)
  kFindings,    // errors, or warnings when strict
  kUnreadable,  // a file could not be read, or is not valid YAML/JSON
};
Verdict validate_verdict(const std::vector<FileResult>& files, bool strict);

}  // namespace gomo::checks

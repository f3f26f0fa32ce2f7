#pragma once
// `gomo program validate` as library calls: a program file's findings (schema, then the rules of
// programs/rules.h) in the FileResult form every report format of lib/report prints.
#include <string>
#include <vector>

#include "api/platform.h"
#include "checks/validate.h"
#include "programs/program_file.h"
#include "programs/rules.h"

namespace gomo::programs {

// Loads and checks one program file already in memory. `catalog` null: offline, the reference rules
// (unknown-flow, unknown-node, ...) are skipped. `rules` (may be null: every rule, as declared) drops
// ignored findings and re-grades others (--ignore; checks/rule_selection.h). Diagnostics are sorted,
// control characters escaped, snippets filled. `loaded` (may be null) receives the file for a caller
// that goes on with it (apply).
checks::FileResult validate_program_text(const std::string& path, std::string text, const ProgramCatalog* catalog,
                                         LoadedProgram* loaded = nullptr, const checks::RuleSelection* rules = nullptr);

// Reads and checks each input (a path, or text read from stdin), in order. A file that cannot be read
// is a read-error finding (unreadable), and the others are still checked. `rules` as above.
std::vector<checks::FileResult> validate_program_inputs(const std::vector<checks::Input>& inputs,
                                                        const ProgramCatalog* catalog,
                                                        const checks::RuleSelection* rules = nullptr);

// What `gomo program validate` reports, as flow validate decides it: --ignore (`ignore`: ids or
// comma-separated lists), --strict, and the project config's `program:` section (`config_path` from
// --config, else .gomo.yaml here or in a parent; none with `no_config`). Errors (nothing checked): a
// config that does not load, an unknown rule id (with a guess), a bad severity.
struct ProgramRuleChoice {
  checks::RuleSelection rules;
  bool strict = false;      // the flag, else the config's `program.strict`
  std::string config_path;  // the config file used; "" for none
};
Result<ProgramRuleChoice> choose_program_rules(const std::vector<std::string>& ignore, bool strict_flag,
                                               const std::string& config_path, bool no_config);

// The flows (with their node ids, when the listing carries the graph), audiences and available DIDs
// of `platform`, every page.
api::Result<ProgramCatalog> read_catalog(api::Platform& platform);

}  // namespace gomo::programs

#pragma once
// Which rules a validate command reports and at what severity: `--ignore` and a project config's
// `ignore` and `severity` lists, checked against the command's rule ids. One implementation for every
// checker with rule ids (`gomo flow validate`, `gomo program validate`).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "diag/diagnostic.h"

namespace gomo::checks {

struct RuleSelection {
  std::set<std::string> ignored;                   // never reported
  std::map<std::string, diag::Severity> severity;  // per-rule severity overrides

  // Drops the ignored findings and re-grades the others, in place (order kept).
  void apply(std::vector<diag::Diagnostic>& diags) const;
};

// The rule ids a command knows, to check the ones a user names.
struct KnownRules {
  std::vector<std::string> ids;   // the rules; "did you mean" picks among them
  std::vector<std::string> also;  // accepted but never suggested ("all", "read-error", ...)
  std::string list_hint;          // where the list is: "run `gomo help rules` for the list"
  bool knows(const std::string& id) const;
};

// Merges a config's `ignore` and `severity` (rule id -> error|warning|info|off; `config_name` is the
// file, for messages) with `ignore_flags` (--ignore values: ids or comma-separated lists; spaces are
// dropped). Errors (kInvalidArgument): an id `known` does not have, named with where it was written
// (the file, or --ignore) and the closest id; a severity that is none of the four.
Result<RuleSelection> select_rules(const std::vector<std::string>& ignore_flags,
                                   const std::vector<std::string>& config_ignore,
                                   const std::map<std::string, std::string>& config_severity,
                                   const std::string& config_name, const KnownRules& known);

}  // namespace gomo::checks

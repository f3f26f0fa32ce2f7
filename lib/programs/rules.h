#pragma once
// The checks of a program file (`gomo program validate`), one rule per file (rule_<id>.cc), listed in
// run order in rules.cc, as lib/checks does for flows. Rules read the document tree through
// ProgramFile and never compute positions: they hand the value to the reporter.
#include <map>
#include <string>
#include <vector>

#include "checks/rule_selection.h"
#include "diag/diagnostic.h"
#include "programs/program_file.h"

namespace gomo::programs {

// A flow, audience or DID of the target: its id and what a file may call it by (a name; a DID's number).
struct Reference {
  std::string id, name;
};

// What the target holds, for the checks that need it (unknown flow, audience or DID names; unknown
// nodes in auto-pause rules).
struct ProgramCatalog {
  std::vector<Reference> flows, audiences, dids;
  // Flow id -> the ids of its graph's nodes (programs/flow_nodes.h). A flow missing here (its graph was
  // not read) has its auto-pause rules left unchecked.
  std::map<std::string, std::vector<std::string>> flow_nodes;
};

struct ProgramContext {
  const ProgramFile& file;
  const ProgramCatalog* catalog = nullptr;  // null: no target was read; the reference rules are skipped
};

class ProgramReporter;

struct ProgramRule {
  const char* id;  // kebab-case, names the fault
  diag::Severity severity;
  const char* summary;                                     // one line, for docs and help
  void (*check)(const ProgramContext&, ProgramReporter&);  // null for ids reported by the loader
};

class ProgramReporter {
 public:
  // REQUIRES: `doc` outlives the reporter.
  explicit ProgramReporter(const document::Document& doc) : doc_(doc) {}
  void report(const ProgramRule& rule, const document::Value& at, std::string message, std::string fix = "");
  std::vector<diag::Diagnostic>& diagnostics() { return diags_; }

 private:
  const document::Document& doc_;
  std::vector<diag::Diagnostic> diags_;
};

// Every program rule in run order (syntax, duplicate-key and schema first: the loader reports those).
const std::vector<const ProgramRule*>& all_program_rules();
const ProgramRule* find_program_rule(const std::string& id);
// The ids `program validate --ignore` accepts: the rules above, and read-error.
checks::KnownRules program_rule_ids();

// The references `key` designates in `refs`: the one with that id, else every one named `key` (for
// DIDs: the number, with or without its leading +). Empty: unknown; more than one: ambiguous.
std::vector<const Reference*> resolve_reference(const std::vector<Reference>& refs, const std::string& key);

// A DID as the platform accepts one in didPool: an E.164 number (+ then 8 to 15 digits, no leading 0)
// or an id (a UUID).
bool is_e164(std::string_view text);

}  // namespace gomo::programs

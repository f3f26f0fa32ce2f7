#pragma once
// `gomo program apply -f FILE`: a program file made true on the platform. The file's flow, audience
// and DIDs are resolved to ids, the program of the file's name is found (find_programs_by_name), and
// it is created, or updated with the fields that differ; nothing is sent when none does. Fields the
// file leaves out are left as the platform has them.
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"
#include "checks/validate.h"
#include "programs/rules.h"
#include "programs/validate_program.h"

namespace gomo::programs {

enum class ApplyStatus : uint8_t {
  kCreated,
  kUpdated,
  kUnchanged,    // the platform's program already matches the file: nothing sent
  kWouldCreate,  // dry run
  kWouldUpdate,  // dry run
  kInvalid,      // the file has errors (schema, rules, unknown references), or warnings when strict: nothing sent
  kUnreadable,   // not valid YAML/JSON, or cannot be read
  kAmbiguous,    // several programs have the file's name
  kApiError,     // the platform refused or could not be reached
};
const char* apply_status_name(ApplyStatus status);  // "created", "would-update", ...

// One field that differs, in the API's name and JSON spelling (compact JSON text); `before` is ""
// when the program does not exist yet.
struct FieldChange {
  std::string field, before, after;
};

struct ApplyOutcome {
  std::string path;
  ApplyStatus status = ApplyStatus::kUnreadable;
  std::string name;                      // the program's name, once read
  checks::FileResult checked;            // the file's findings (kInvalid, kUnreadable: the reasons)
  std::vector<FieldChange> changes;      // what differs (create: every field the file sets)
  std::optional<api::Program> program;   // after the change (dry run, unchanged: as found)
  std::vector<api::Program> candidates;  // kAmbiguous: every program of that name
  std::optional<api::ApiError> error;    // kApiError
};

// Checks the file (with the target's catalog, so unknown names are findings), plans and, unless
// `dry_run`, sends the create or update. `text` is the file's content; `path` names it in findings.
// `choice` is `gomo program validate`'s (--ignore, --strict, the config's `program:` section): ignored
// findings and those re-graded below error do not block, and with `strict` warnings block too. Null:
// every rule as declared; warnings never block. A reference whose rule is ignored is sent as written
// (the platform has the last word).
ApplyOutcome apply_program_file(api::Platform& platform, const std::string& path, std::string text, bool dry_run,
                                const ProgramRuleChoice* choice = nullptr);

// The create or PATCH body `file` asks for against `existing` (null: create), and the changes it
// makes. REQUIRES: the file has no errors. A reference `catalog` does not resolve is sent as written.
struct ApplyPlan {
  api::ProgramFields fields;
  std::vector<FieldChange> changes;
};
ApplyPlan plan_apply(const ProgramFile& file, const ProgramCatalog& catalog, const api::Program* existing);

// "  retryStrategy: {...} -> {...}" lines, one per change (the dry run's diff).
std::string format_changes(const std::vector<FieldChange>& changes);

}  // namespace gomo::programs

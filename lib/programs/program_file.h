#pragma once
// A program file (schemas/program.schema.json) read with positions: what `gomo program validate`
// checks and `gomo program apply` sends. The fields point into the document so that each rule can
// report where a value was written.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/programs.h"
#include "diag/diagnostic.h"
#include "document/document.h"

namespace gomo::programs {

// A string field of the file and where it was written. `at` null: the field is absent (or not a string).
struct Located {
  std::string text;
  const document::Value* at = nullptr;
  bool present() const { return at != nullptr; }
};

struct ProgramFile {
  // Never null once loaded; when !doc->parsed the fields below are all absent.
  std::shared_ptr<const document::Document> doc;
  Located name, description, flow, audience, start_at, stop_at, timezone;
  std::vector<Located> dids;
  // The mappings and lists as written (null when absent or of the wrong type); rules walk them.
  const document::Value* retry = nullptr;
  const document::Value* pause_windows = nullptr;
  const document::Value* auto_pause_rules = nullptr;
};

struct LoadedProgram {
  ProgramFile file;
  bool unreadable = false;                    // not valid YAML/JSON: exit 2, as flow validate
  std::vector<diag::Diagnostic> diagnostics;  // syntax, duplicate-key and schema findings
};

// Reads `text` (YAML or JSON, by extension or content) and checks it against the program schema.
// Never fails: problems are diagnostics. `path` is used in diagnostics only.
LoadedProgram load_program_file(std::string path, std::string text);

// schemas/program.schema.json as embedded in the binary.
const std::string& program_schema_text();

// "HH:MM" (24-hour clock, 00:00-23:59) as a time of day; nothing when malformed.
std::optional<api::TimeOfDay> parse_time_of_day(std::string_view text);

// The retry strategy, pause windows and auto-pause rules of the file in the API's form, for a file
// without errors (values that do not parse are skipped). Unset where the file leaves the field out.
std::optional<api::RetryStrategy> file_retry(const ProgramFile& file);
std::optional<api::PauseWindows> file_pause_windows(const ProgramFile& file);
std::optional<std::vector<api::AutoPauseRule>> file_auto_pause_rules(const ProgramFile& file);

}  // namespace gomo::programs

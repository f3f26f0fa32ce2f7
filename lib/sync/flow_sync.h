#pragma once
// Flows between files and the platform (`gomo flow push|pull|diff`): a flow file read as the API body
// {name, description?, graph}, the platform flow it corresponds to (same name, or an id), and the
// comparison of their canonical forms (the YAML `gomo flow fmt` writes), so that unchanged flows are
// never sent again and a pulled flow pushes back as unchanged.
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"
#include "base/status.h"
#include "checks/validate.h"
#include "document/document.h"

namespace gomo::sync {

// A flow file as push sends it.
struct LocalFlow {
  std::string path;
  std::string name;
  std::optional<std::string> description;  // only a string description is sent
  std::string graph_json;                  // the canonical graph (nodes as an array), JSON text
  std::string canonical_yaml;              // canonical YAML of {name, description?, graph}
};

// The API body of a parsed flow document. `name` names a bare graph (like `fmt --name`). Fails
// (kInvalidArgument) when there is no name, when `name` differs from the document's own, or when
// the graph is missing or not an object. Keys other than name, description and graph ($schema,
// x-...) at the top level are not part of the body. REQUIRES: doc.parsed.
Result<LocalFlow> read_local_flow(const document::Document& doc, const std::string& name = "");

// Canonical YAML of a platform flow, {name, description?, graph}: what `gomo flow pull` writes.
// `with_description` false leaves the description out. Fails only on a graph gomo cannot write.
Result<std::string> platform_flow_yaml(const api::FlowRecord& flow, bool with_description = true);

// Platform flows named exactly `name` (a search, then an exact comparison), oldest first.
api::Result<std::vector<api::FlowRecord>> find_flows_by_name(api::Platform& platform, const std::string& name);

// The platform flows `key` designates: the flow with that id, else those named `key`. A key shaped
// like a UUID is tried as an id first, anything else as a name first. Empty: no such flow; more
// than one: an ambiguous name.
api::Result<std::vector<api::FlowRecord>> find_flow(api::Platform& platform, const std::string& key);

// File name for a pulled flow: its name's slug (base/unicode.h: the words of any script, accents
// spelled in ASCII) joined by "-", plus ".yaml" ("Payment reminder" -> "payment-reminder.yaml",
// "Date d'échéance" -> "date-d-echeance.yaml"); the id when the name has no letter or digit.
std::string flow_file_name(const api::FlowRecord& flow);

// What push does (or did) with one file.
enum class PushStatus : uint8_t {
  kCreated,
  kUpdated,
  kUnchanged,    // the platform already holds this flow: nothing sent
  kWouldCreate,  // dry run
  kWouldUpdate,  // dry run
  kInvalid,      // local errors and no `force`: nothing sent
  kAmbiguous,    // several platform flows have this name: say which with an id
  kUnreadable,   // cannot be read or parsed, or is no flow body (no name, no graph)
  kApiError,     // the platform refused or could not be reached
};
const char* push_status_name(PushStatus status);  // "created", "would-create", "invalid", ...

struct PushOptions {
  std::string name;      // names a bare graph
  std::string id;        // compare with / update this platform flow instead of finding it by name
  bool dry_run = false;  // compare and diff, send nothing
  bool force = false;    // push even when the local checks find errors
  bool check = true;     // run the local checks first (diff does not)
  checks::ValidateOptions validate;
};

struct PushOutcome {
  std::string path;
  PushStatus status = PushStatus::kUnreadable;
  std::string name;                         // the flow's name, once known
  std::optional<api::FlowRecord> flow;      // the platform flow after the push (dry run: before)
  std::vector<api::FlowRecord> candidates;  // kAmbiguous: every flow of that name
  checks::FileResult checked;               // the local checks' findings (when `check`)
  std::string diff;                         // unified diff platform -> file, as found before sending; "" when equal
  std::string message;                      // kUnreadable: why
  std::optional<api::ApiError> error;       // kApiError
};

// Reads `input` (a file, or stdin text already read), checks it, finds its platform flow, compares
// their canonical forms, and creates, updates or leaves it. With dry_run (or for `gomo flow diff`)
// nothing is sent and `diff` holds the differences. A create whose answer is lost
// (REQUEST_OUTCOME_UNKNOWN) is checked by name: the one flow of that name is the created one; none,
// the create is sent again; otherwise the error stays REQUEST_OUTCOME_UNKNOWN. Never throws.
PushOutcome push_flow(api::Platform& platform, const checks::Input& input, const PushOptions& options);

}  // namespace gomo::sync

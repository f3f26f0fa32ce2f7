#pragma once
// The Gomobile platform's operations as one narrow interface with plain structs (Gomobile docs; docs/decisions.md).
// Two implementations: local::LocalPlatform (the SQLite workspace) and remote::RemotePlatform (HTTPS, lib/remote).
// Field names follow the API's JSON names in snake_case; `wire.h` maps them to the camelCase JSON.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "api/calls.h"
#include "api/media.h"
#include "api/paging.h"
#include "api/programs.h"
#include "base/status.h"

namespace gomo::api {

// What the platform said when it refused (the error envelope, Gomobile docs: Errors), or a transport failure.
struct ApiError {
  int http_status = 0;  // 0: no HTTP response (network error, timeout, dropped connection)
  std::string code;     // e.g. VALIDATION_FAILED, NOT_FOUND, CONFLICT, UNAUTHORIZED, NETWORK_ERROR
  std::string message;
  std::map<std::string, std::vector<std::string>> field_errors;  // field -> messages, ordered by field

  bool is_auth() const { return http_status == 401 || http_status == 403; }
  // Network failure, throttled or server unavailable after the client's retries.
  bool is_unavailable() const { return http_status == 0 || http_status == 429 || http_status >= 500; }
};

// Error codes the local platform and `gomo serve` use (the remote passes the server's own through).
inline constexpr const char* kValidationFailed = "VALIDATION_FAILED";
inline constexpr const char* kNotFound = "NOT_FOUND";
inline constexpr const char* kConflict = "CONFLICT";
inline constexpr const char* kUnauthorized = "UNAUTHORIZED";
inline constexpr const char* kNetworkError = "NETWORK_ERROR";
// A non-idempotent request was sent but no answer came back, and gomo could not tell whether the
// platform applied it; the caller must check before repeating it.
inline constexpr const char* kOutcomeUnknown = "REQUEST_OUTCOME_UNKNOWN";

ApiError validation_error(std::map<std::string, std::vector<std::string>> field_errors);
ApiError not_found_error(const std::string& what);
ApiError conflict_error(std::string message);

// A value or an ApiError: base's one Result template with the platform's error type.
template <typename T>
using Result = gomo::Result<T, ApiError>;

// The value of operations that return nothing (delete).
struct Done {};

// Contact fields (CreateContactRequest / UpdateContactRequest, Gomobile docs: Contacts). Unset = absent from the body;
// on update, absent fields keep their value. Lengths are in characters.
struct ContactFields {
  std::optional<std::string> primary_phone;                                    // required on create, 3-20
  std::optional<std::string> first_name;                                       // 2-64
  std::optional<std::string> last_name;                                        // 1-64
  std::optional<std::string> full_name;                                        // 3-64
  std::optional<std::string> primary_email;                                    // a valid email
  std::optional<std::string> address;                                          // 3-256
  std::optional<std::string> city, state, zip, occupation, preferred_channel;  // 3-64 each
  std::optional<std::string> gender;                                           // "male" | "female"
  std::optional<std::vector<std::string>> channels;
  // Attribute name slug -> the value as JSON text (`30`, `"tech"`, `["a","b"]`): values need not be
  // strings. On update, the given keys replace those keys only.
  std::map<std::string, std::string> custom_attributes;
};

struct Contact {
  std::string id, organization_id;
  ContactFields fields;                // primary_phone always set
  std::string created_at, updated_at;  // ISO 8601 UTC with milliseconds
};

// Result of POST /contact/upsert: which contacts were created and which updated (matched on phone).
// `unchanged` is a gomo extension (docs/decisions.md): contacts whose sent fields already held those
// values, not rewritten and counted in neither created nor updated. gomo's local platform and `gomo
// serve` report it; the real platform does not (0: its `updated` includes them).
struct UpsertResult {
  int created = 0, updated = 0, unchanged = 0;
  std::vector<Contact> contacts;  // in request order
};
inline constexpr int kMaxUpsertBatch = 1000;

// Custom attribute types (Gomobile docs: Custom attributes).
inline constexpr const char* kCustomAttributeTypes[] = {"text",         "number", "boolean", "date",
                                                        "phone_number", "email",  "url"};

struct NewCustomAttribute {
  std::string display_name;                // 3-64
  std::optional<std::string> description;  // 1-256
  std::string type;                        // one of kCustomAttributeTypes
};

struct CustomAttribute {
  std::string id, organization_id;
  std::string name;  // slug of display_name: "Last payment date" -> "last_payment_date"
  std::string display_name;
  std::optional<std::string> description;
  std::string type;
  std::string created_at, updated_at;
};

struct AudienceFields {
  std::optional<std::string> name;         // required on create, 3-64
  std::optional<std::string> description;  // <=256
};

struct Audience {
  std::string id, organization_id, name;
  std::optional<std::string> description;
  int contact_count = 0;
  std::string created_at, updated_at;
};

// A call flow as the API stores it: {name, description?, graph}.
struct FlowFields {
  std::optional<std::string> name;         // required on create, 1-255
  std::optional<std::string> description;  // <=1000
  std::optional<std::string> graph_json;   // required on create: a JSON object {startNodeId, nodes}
};

struct FlowRecord {
  std::string id, organization_id, name;
  std::optional<std::string> description;
  std::string graph_json;  // compact JSON text of the graph object
  std::string created_at, updated_at;
};

// One problem the platform found in a flow graph (POST /flows/validate). The docs show no response
// schema; gomo's choice (README "Flows on the platform") is {valid, errors: [FlowProblem], warnings: [...]}.
struct FlowProblem {
  std::string code;  // e.g. "unknown-target" (gomo's rule ids on the local platform)
  std::string message;
  std::optional<std::string> node_id;  // the node it concerns, when there is one
  std::optional<std::string> path;     // JSON pointer into the request body, e.g. /graph/nodes/2/outputs/onEnd
};

struct FlowValidation {
  bool valid = true;  // no errors
  std::vector<FlowProblem> errors, warnings;
};

struct Organization {
  std::string id, name, slug;
};

// GET /users/me.
struct User {
  std::string id, email, first_name, last_name;
  Organization organization;
};

// One organisation's view of the platform. Objects of other organisations do not exist for it (404).
// Implementations are not thread-safe unless they say so; use one per thread.
class Dialing;  // api/dialing.h

class Platform {
 public:
  virtual ~Platform() = default;

  // A short description of where requests go, for summaries ("local workspace .gomo/workspace.db").
  virtual std::string target() const = 0;

  // The platform's dialing side (api/dialing.h) when gomo's own dialer places its calls (the local
  // workspace); null when the platform dials on its own.
  virtual Dialing* dialing() { return nullptr; }

  virtual Result<User> me() = 0;

  virtual Result<Contact> create_contact(const ContactFields& fields) = 0;  // 409 on a known phone
  virtual Result<Contact> get_contact(const std::string& id) = 0;
  // Search covers first/last/full name, phone and email; sort_by firstName|lastName|primaryPhone|
  // primaryEmail|createdAt.
  virtual Result<Page<Contact>> list_contacts(const PageQuery& query) = 0;
  virtual Result<Contact> update_contact(const std::string& id, const ContactFields& fields) = 0;
  virtual Result<Done> delete_contact(const std::string& id) = 0;
  // Creates unknown phones, updates known ones; at most kMaxUpsertBatch contacts, all or nothing.
  virtual Result<UpsertResult> upsert_contacts(const std::vector<ContactFields>& contacts) = 0;

  virtual Result<Page<CustomAttribute>> list_custom_attributes(const PageQuery& query) = 0;
  virtual Result<CustomAttribute> create_custom_attribute(const NewCustomAttribute& attribute) = 0;

  virtual Result<Audience> create_audience(const AudienceFields& fields) = 0;
  virtual Result<Page<Audience>> list_audiences(const PageQuery& query) = 0;
  virtual Result<Audience> get_audience(const std::string& id) = 0;
  virtual Result<Page<Contact>> audience_members(const std::string& id, const PageQuery& query) = 0;
  // Both return the audience with its new contact_count; contacts already in (or not in) are ignored.
  virtual Result<Audience> add_audience_contacts(const std::string& id,
                                                 const std::vector<std::string>& contact_ids) = 0;
  virtual Result<Audience> remove_audience_contacts(const std::string& id,
                                                    const std::vector<std::string>& contact_ids) = 0;

  virtual Result<FlowRecord> create_flow(const FlowFields& fields) = 0;
  virtual Result<FlowRecord> get_flow(const std::string& id) = 0;
  virtual Result<Page<FlowRecord>> list_flows(const PageQuery& query) = 0;
  virtual Result<FlowRecord> update_flow(const std::string& id, const FlowFields& fields) = 0;
  virtual Result<Done> delete_flow(const std::string& id) = 0;
  // POST /flows/validate with body {graph}: checks a graph without saving it. A graph that is not a
  // JSON object is refused (400); problems in a well-formed graph are the answer, not an error.
  virtual Result<FlowValidation> validate_flow(const std::string& graph_json) = 0;

  // --- Caller-ID numbers, audio, dictionaries (Gomobile docs: Audio management to DIDs; api/media.h) ---
  // GET /dids/available: the organisation's DIDs and the shared ones; sort_by number|country|status|createdAt.
  virtual Result<Page<Did>> list_available_dids(const DidQuery& query) = 0;
  virtual Result<Page<Audio>> list_audio(const AudioQuery& query) = 0;
  // POST /audio-management/upload (multipart). WAV, MP3 or OGG (by content), 1 byte to
  // kMaxAudioBytes; 400 otherwise. Not idempotent: a lost answer is REQUEST_OUTCOME_UNKNOWN.
  virtual Result<Audio> upload_audio(const AudioUpload& upload) = 0;
  virtual Result<Audio> get_audio(const std::string& id) = 0;  // GET .../audio/:id/metadata
  // GET /audio-management/audio/:id: the file's bytes as uploaded (WAV, MP3 or OGG; at most
  // kMaxAudioBytes). 404 for an id of another organisation, as get_audio.
  virtual Result<std::string> download_audio(const std::string& id) = 0;
  virtual Result<Page<Dictionary>> list_dictionaries(const DictionaryQuery& query) = 0;
  // POST /dictionaries: a dictionary of the organisation (never a system one); 400 on bad fields.
  virtual Result<Dictionary> create_dictionary(const DictionaryFields& fields) = 0;
  // GET /dictionaries/:id/entries (gomo's path; not in the reference): the entries sorted by key
  // (page and limit only). The organisation's dictionaries and the system ones; 404 for another's.
  virtual Result<Page<DictionaryEntry>> list_dictionary_entries(const std::string& dictionary_id,
                                                                const PageQuery& query) = 0;
  // POST /dictionaries/:id/entries (multipart {file, key}): stores `audio` as an upload (checked as
  // upload_audio) and makes it the clip of `key` (1-kMaxDictionaryKeyChars); a key already there gets
  // the new audio. 404 for another organisation's dictionary, 409 CONFLICT for a system one (read-only).
  // Not idempotent: a lost answer is REQUEST_OUTCOME_UNKNOWN.
  virtual Result<DictionaryEntry> add_dictionary_entry(const std::string& dictionary_id, const std::string& key,
                                                       const AudioUpload& audio) = 0;

  // --- Programs and executions (Gomobile docs: Programs to Pause windows; api/programs.h) ---
  // 400 when audience_id or flow_id name nothing of the organisation, or a DID of did_pool is not
  // available; create accepts status draft only.
  virtual Result<Program> create_program(const ProgramFields& fields) = 0;
  virtual Result<Program> get_program(const std::string& id) = 0;
  // Search covers name; sort_by name|createdAt|updatedAt.
  virtual Result<Page<Program>> list_programs(const PageQuery& query) = 0;
  // PATCH: partial. status: archived archives; an archived program comes back with its earlier
  // status (active once launched, else draft); any other change of status is a 409.
  virtual Result<Program> update_program(const std::string& id, const ProgramFields& fields) = 0;
  // POST /programs/:id/launch: a new execution over a snapshot of the audience, `scheduled` when
  // start_at is in the future, else `running`; the program becomes active. Refused, each with its
  // own code: archived (409 PROGRAM_ARCHIVED), audience empty (400 AUDIENCE_EMPTY), an execution
  // already scheduled/running/paused (409 EXECUTION_ALREADY_RUNNING), flow with errors (400
  // FLOW_INVALID), audience or flow deleted (400 REFERENCE_NOT_FOUND). Not idempotent: the remote
  // client checks the program's executions before ever sending it again.
  virtual Result<Execution> launch_program(const std::string& program_id) = 0;
  // GET /programs/:id/executions, newest first.
  virtual Result<Page<Execution>> list_executions(const std::string& program_id, const PageQuery& query) = 0;
  virtual Result<Execution> get_execution(const std::string& id) = 0;
  // running -> paused; anything else is 409 INVALID_STATUS_TRANSITION.
  virtual Result<Execution> pause_execution(const std::string& id) = 0;
  // paused | paused_threshold | paused_no_credits -> running. `rules`, when given, replace the
  // execution's auto-pause rules; counts of rules with reset_on_resume restart at 0. 409 when a
  // rule's node already reached its threshold (it would pause again at once).
  virtual Result<Execution> resume_execution(const std::string& id,
                                             const std::optional<std::vector<AutoPauseRule>>& rules) = 0;
  // DELETE (204): scheduled | running | paused* -> cancelled; 409 once it has ended.
  virtual Result<Done> cancel_execution(const std::string& id) = 0;

  // --- Execution reports (Gomobile docs: Execution reports; api/calls.h) ---
  virtual Result<ExecutionReport> execution_report(const std::string& execution_id) = 0;
  virtual Result<ExecutionBreakdown> execution_breakdown(const std::string& execution_id) = 0;
  // Every call attempt of the execution, oldest first (page and limit only).
  virtual Result<Page<CallAttempt>> execution_calls(const std::string& execution_id, const PageQuery& query) = 0;

  // --- Ad-hoc call requests and call reports (Gomobile docs: Ad-hoc calls, Call reports) ---
  // POST /call-requests (202 queued). 400 when the DID is not available or the contact or flow
  // unknown. Not idempotent: the remote client looks for the request before ever sending it again.
  virtual Result<CallRequestResult> request_call(const CallRequestFields& fields) = 0;
  // GET /call-requests?contactId= (a gomo extension; the real platform may answer 404).
  virtual Result<Page<CallRequest>> list_call_requests(const CallRequestQuery& query) = 0;
  // GET /call-report/:jobId.
  virtual Result<CallReport> call_report(const std::string& job_id) = 0;
};

// Every item of a paginated list, following pages of 100 until the last (at most `max_items`).
Result<std::vector<Contact>> list_all_contacts(Platform& platform, PageQuery query, int max_items = 1000000);
Result<std::vector<FlowRecord>> list_all_flows(Platform& platform, PageQuery query, int max_items = 1000000);

// The contact whose primaryPhone is exactly `phone`, if any (a search, then an exact match).
Result<std::optional<Contact>> find_contact_by_phone(Platform& platform, const std::string& phone);

}  // namespace gomo::api

#pragma once
// The Gomobile platform's operations as one narrow interface with plain structs (gomobile-api.md §2).
// Two implementations: store::LocalPlatform (the SQLite workspace) and api::RemotePlatform (HTTPS).
// Field names follow the API's JSON names in snake_case; `wire.h` maps them to the camelCase JSON.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace gomo::api {

// What the platform said when it refused, in the error envelope's terms (§1.4), or a transport failure.
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

// A value or an ApiError. Member names follow std::expected, like gomo::Result.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}          // NOLINT: implicit by design
  Result(ApiError error) : data_(std::move(error)) {}  // NOLINT: implicit by design

  bool has_value() const { return data_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const ApiError& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, ApiError> data_;
};

// The value of operations that return nothing (delete).
struct Done {};

// Query of a paginated list (§1.5). `page` is 1-based; `limit` 1..100.
struct PageQuery {
  int page = 1;
  int limit = 20;
  std::string search;      // empty: no search; at most 100 characters
  std::string sort_by;     // empty: createdAt
  std::string sort_order;  // "asc" | "desc"; empty: desc
};

struct PageMeta {
  int page = 1, limit = 20, total = 0, total_pages = 0;
  bool has_next_page = false, has_previous_page = false;
};

template <typename T>
struct Page {
  std::vector<T> data;
  PageMeta meta;
};

// Contact fields (CreateContactRequest / UpdateContactRequest, §2.1). Unset = absent from the body;
// on update, absent fields keep their value. Lengths are in characters.
struct ContactFields {
  std::optional<std::string> primary_phone;  // required on create, 3-20
  std::optional<std::string> first_name;     // 2-64
  std::optional<std::string> last_name;      // 1-64
  std::optional<std::string> full_name;      // 3-64
  std::optional<std::string> primary_email;  // a valid email
  std::optional<std::string> address;        // 3-256
  std::optional<std::string> city, state, zip, occupation, preferred_channel;  // 3-64 each
  std::optional<std::string> gender;                                          // "male" | "female"
  std::optional<std::vector<std::string>> channels;
  // Attribute name slug -> the value as JSON text (`30`, `"tech"`, `["a","b"]`): values need not be
  // strings. On update, the given keys replace those keys only.
  std::map<std::string, std::string> custom_attributes;
};

struct Contact {
  std::string id, organization_id;
  ContactFields fields;  // primary_phone always set
  std::string created_at, updated_at;  // ISO 8601 UTC with milliseconds
};

// Result of POST /contact/upsert: which contacts were created and which updated (matched on phone).
struct UpsertResult {
  int created = 0, updated = 0;
  std::vector<Contact> contacts;  // in request order
};
inline constexpr int kMaxUpsertBatch = 1000;

// Custom attribute types (§2.2).
inline constexpr const char* kCustomAttributeTypes[] = {"text", "number", "boolean", "date",
                                                        "phone_number", "email", "url"};

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
class Platform {
 public:
  virtual ~Platform() = default;

  // A short description of where requests go, for summaries ("local workspace .gomo/workspace.db").
  virtual std::string target() const = 0;

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
  virtual Result<Audience> add_audience_contacts(const std::string& id, const std::vector<std::string>& contact_ids) = 0;
  virtual Result<Audience> remove_audience_contacts(const std::string& id,
                                                    const std::vector<std::string>& contact_ids) = 0;

  virtual Result<FlowRecord> create_flow(const FlowFields& fields) = 0;
  virtual Result<FlowRecord> get_flow(const std::string& id) = 0;
  virtual Result<Page<FlowRecord>> list_flows(const PageQuery& query) = 0;
  virtual Result<FlowRecord> update_flow(const std::string& id, const FlowFields& fields) = 0;
  virtual Result<Done> delete_flow(const std::string& id) = 0;
};

// Every item of a paginated list, following pages of 100 until the last (at most `max_items`).
Result<std::vector<Contact>> list_all_contacts(Platform& platform, PageQuery query, int max_items = 1000000);
Result<std::vector<FlowRecord>> list_all_flows(Platform& platform, PageQuery query, int max_items = 1000000);

// The contact whose primaryPhone is exactly `phone`, if any (a search, then an exact match).
Result<std::optional<Contact>> find_contact_by_phone(Platform& platform, const std::string& phone);

}  // namespace gomo::api

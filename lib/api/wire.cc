#include "api/wire.h"

#include <map>
#include <nlohmann/json.hpp>

#include "api/wire_read.h"

namespace gomo::api::wire {
namespace {

using FieldErrors = std::map<std::string, std::vector<std::string>>;

using namespace read;

// The contact string fields in one table: JSON name and member.
struct ContactString {
  const char* name;
  std::optional<std::string> ContactFields::*member;
};
const ContactString kContactStrings[] = {
    {"primaryPhone", &ContactFields::primary_phone}, {"firstName", &ContactFields::first_name},
    {"lastName", &ContactFields::last_name},         {"fullName", &ContactFields::full_name},
    {"primaryEmail", &ContactFields::primary_email}, {"address", &ContactFields::address},
    {"city", &ContactFields::city},                  {"state", &ContactFields::state},
    {"zip", &ContactFields::zip},                    {"occupation", &ContactFields::occupation},
    {"preferredChannel", &ContactFields::preferred_channel}, {"gender", &ContactFields::gender},
};

void put_contact_fields(json& j, const ContactFields& f, bool with_nulls) {
  for (const auto& s : kContactStrings) {
    if (f.*s.member || with_nulls) j[s.name] = opt(f.*s.member);
  }
  if (f.channels) {
    j["channels"] = *f.channels;
  } else if (with_nulls) {
    j["channels"] = nullptr;
  }
  if (!f.custom_attributes.empty() || with_nulls) {
    json attrs = json::object();
    for (const auto& [k, v] : f.custom_attributes) attrs[k] = json::parse(v);
    j["customAttributes"] = attrs;
  }
}

ContactFields read_contact_fields(const json& j) {
  ContactFields f;
  for (const auto& s : kContactStrings) f.*s.member = opt_str(j, s.name);
  if (auto it = j.find("channels"); it != j.end() && !it->is_null()) f.channels = it->get<std::vector<std::string>>();
  if (auto it = j.find("customAttributes"); it != j.end() && it->is_object()) {
    for (const auto& [k, v] : it->items()) f.custom_attributes[k] = v.dump();
  }
  return f;
}

// Request checking: the body is an object, every member documented, each of its expected type.
class BodyReader {
 public:
  BodyReader(const json& body, const std::vector<std::string>& documented, std::string prefix = "")
      : body_(body), prefix_(std::move(prefix)) {
    if (!body.is_object()) {
      errors_[prefix_.empty() ? "body" : prefix_.substr(0, prefix_.size() - 1)].push_back("must be a JSON object");
      return;
    }
    for (const auto& [key, value] : body.items()) {
      if (std::find(documented.begin(), documented.end(), key) == documented.end()) {
        errors_[prefix_ + key].push_back("property " + key + " should not exist");
      }
    }
  }

  std::optional<std::string> string(const char* key) {
    if (!body_.is_object()) return std::nullopt;
    auto it = body_.find(key);
    if (it == body_.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
      errors_[prefix_ + key].push_back(std::string(key) + " must be a string");
      return std::nullopt;
    }
    return it->get<std::string>();
  }

  std::optional<std::vector<std::string>> strings(const char* key) {
    if (!body_.is_object()) return std::nullopt;
    auto it = body_.find(key);
    if (it == body_.end() || it->is_null()) return std::nullopt;
    bool ok = it->is_array();
    if (ok) {
      for (const auto& item : *it) ok = ok && item.is_string();
    }
    if (!ok) {
      errors_[prefix_ + key].push_back(std::string(key) + " must be an array of strings");
      return std::nullopt;
    }
    return it->get<std::vector<std::string>>();
  }

  const json* object(const char* key) {
    if (!body_.is_object()) return nullptr;
    auto it = body_.find(key);
    if (it == body_.end() || it->is_null()) return nullptr;
    if (!it->is_object()) {
      errors_[prefix_ + key].push_back(std::string(key) + " must be an object");
      return nullptr;
    }
    return &*it;
  }

  FieldErrors& errors() { return errors_; }

 private:
  const json& body_;
  std::string prefix_;
  FieldErrors errors_;
};

ContactFields read_contact_request(BodyReader& r) {
  ContactFields f;
  for (const auto& s : kContactStrings) f.*s.member = r.string(s.name);
  f.channels = r.strings("channels");
  if (const json* attrs = r.object("customAttributes")) {
    for (const auto& [k, v] : attrs->items()) f.custom_attributes[k] = v.dump();
  }
  return f;
}

const std::map<std::string, std::vector<std::string>>& documented_table() {
  static const std::map<std::string, std::vector<std::string>> table = [] {
    std::map<std::string, std::vector<std::string>> t;
    auto& contact = t["contact"];
    for (const auto& s : kContactStrings) contact.push_back(s.name);
    contact.push_back("channels");
    contact.push_back("customAttributes");
    t["upsert"] = {"data"};
    t["customAttribute"] = {"displayName", "description", "type"};
    t["audience"] = {"name", "description"};
    t["audienceContacts"] = {"contacts"};
    t["flow"] = {"name", "description", "graph"};
    t["flowValidate"] = {"graph"};
    // Programs, executions, call requests and audio (wire_programs.cc, gomobile-api.md §2.5-2.10, §4.1).
    t["program"] = {"name",          "audienceId",   "flowId",         "startAt", "stopAt",
                    "didPool",       "retryStrategy", "pauseWindows", "autoPauseRules", "status"};
    t["resume"] = {"autoPauseRules"};
    t["callRequest"] = {"didId", "contactId", "flowId", "retry", "startAt"};
    t["audioUpload"] = {"file", "title", "description", "usageType", "tags"};  // multipart parts
    return t;
  }();
  return table;
}

}  // namespace

const std::vector<std::string>& documented_fields(const std::string& body) {
  static const std::vector<std::string> none;
  auto it = documented_table().find(body);
  return it == documented_table().end() ? none : it->second;
}

json encode(const Contact& c) {
  json j = {{"id", c.id}, {"organizationId", c.organization_id}};
  put_contact_fields(j, c.fields, true);
  j["createdAt"] = c.created_at;
  j["updatedAt"] = c.updated_at;
  return j;
}

Contact decode_contact(const json& j) {
  Contact c;
  c.id = str(j, "id");
  c.organization_id = str(j, "organizationId");
  c.fields = read_contact_fields(j);
  c.created_at = str(j, "createdAt");
  c.updated_at = str(j, "updatedAt");
  return c;
}

json encode(const CustomAttribute& a) {
  return {{"id", a.id},
          {"organizationId", a.organization_id},
          {"name", a.name},
          {"displayName", a.display_name},
          {"description", opt(a.description)},
          {"type", a.type},
          {"createdAt", a.created_at},
          {"updatedAt", a.updated_at},
          {"deletedAt", nullptr}};
}

CustomAttribute decode_custom_attribute(const json& j) {
  return {str(j, "id"),   str(j, "organizationId"), str(j, "name"),     str(j, "displayName"),
          opt_str(j, "description"), str(j, "type"), str(j, "createdAt"), str(j, "updatedAt")};
}

json encode(const Audience& a) {
  return {{"id", a.id},
          {"organizationId", a.organization_id},
          {"name", a.name},
          {"description", opt(a.description)},
          {"contactCount", a.contact_count},
          {"createdAt", a.created_at},
          {"updatedAt", a.updated_at},
          {"deletedAt", nullptr}};
}

Audience decode_audience(const json& j) {
  return {str(j, "id"),        str(j, "organizationId"), str(j, "name"), opt_str(j, "description"),
          static_cast<int>(integer(j, "contactCount")), str(j, "createdAt"), str(j, "updatedAt")};
}

json encode(const FlowRecord& f) {
  return {{"id", f.id},
          {"organizationId", f.organization_id},
          {"name", f.name},
          {"description", opt(f.description)},
          {"graph", json::parse(f.graph_json)},
          {"createdAt", f.created_at},
          {"updatedAt", f.updated_at}};
}

FlowRecord decode_flow(const json& j) {
  FlowRecord f{str(j, "id"), str(j, "organizationId"), str(j, "name"), opt_str(j, "description"), "{}",
               str(j, "createdAt"), str(j, "updatedAt")};
  if (auto it = j.find("graph"); it != j.end() && !it->is_null()) f.graph_json = it->dump();
  return f;
}

json encode(const FlowValidation& v) {
  auto problems = [](const std::vector<FlowProblem>& list) {
    json out = json::array();
    for (const auto& p : list) {
      json item = {{"code", p.code}, {"message", p.message}};
      if (p.node_id) item["nodeId"] = *p.node_id;
      if (p.path) item["path"] = *p.path;
      out.push_back(std::move(item));
    }
    return out;
  };
  return {{"valid", v.valid}, {"errors", problems(v.errors)}, {"warnings", problems(v.warnings)}};
}

FlowValidation decode_flow_validation(const json& j) {
  FlowValidation v;
  auto problems = [&](const char* key) {
    std::vector<FlowProblem> out;
    auto it = j.is_object() ? j.find(key) : j.end();
    if (j.is_object() && it != j.end() && it->is_array()) {
      for (const auto& item : *it) {
        FlowProblem p;
        if (item.is_string()) {
          p.message = item.get<std::string>();
        } else if (item.is_object()) {
          p.code = str(item, "code");
          p.message = str(item, "message");
          p.node_id = opt_str(item, "nodeId");
          p.path = opt_str(item, "path");
          if (!p.path) p.path = opt_str(item, "field");
        }
        out.push_back(std::move(p));
      }
    }
    return out;
  };
  v.errors = problems("errors");
  v.warnings = problems("warnings");
  v.valid = v.errors.empty();
  if (j.is_object()) {
    for (const char* key : {"valid", "isValid"}) {
      if (auto it = j.find(key); it != j.end() && it->is_boolean()) v.valid = it->get<bool>() && v.errors.empty();
    }
  }
  return v;
}

json encode(const User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"firstName", u.first_name},
          {"lastName", u.last_name},
          {"organization", {{"id", u.organization.id}, {"name", u.organization.name}, {"slug", u.organization.slug}}}};
}

User decode_user(const json& j) {
  User u{str(j, "id"), str(j, "email"), str(j, "firstName"), str(j, "lastName"), {}};
  if (auto it = j.find("organization"); it != j.end() && it->is_object()) {
    u.organization = {str(*it, "id"), str(*it, "name"), str(*it, "slug")};
  }
  return u;
}

json encode(const UpsertResult& r) {
  json data = json::array();
  for (const auto& c : r.contacts) data.push_back(encode(c));
  return {{"message", "Contacts upserted successfully"}, {"created", r.created}, {"updated", r.updated}, {"data", data}};
}

UpsertResult decode_upsert_result(const json& j) {
  UpsertResult r;
  r.created = integer(j, "created");
  r.updated = integer(j, "updated");
  if (auto it = j.find("data"); it != j.end() && it->is_array()) {
    for (const auto& c : *it) r.contacts.push_back(decode_contact(c));
  }
  return r;
}

json encode_meta(const PageMeta& m) {
  return {{"page", m.page},
          {"limit", m.limit},
          {"total", m.total},
          {"totalPages", m.total_pages},
          {"hasNextPage", m.has_next_page},
          {"hasPreviousPage", m.has_previous_page}};
}

PageMeta decode_meta(const json& j) {
  PageMeta m;
  m.page = integer(j, "page");
  m.limit = integer(j, "limit");
  m.total = integer(j, "total");
  m.total_pages = integer(j, "totalPages");
  m.has_next_page = boolean(j, "hasNextPage");
  m.has_previous_page = boolean(j, "hasPreviousPage");
  return m;
}

json contact_body(const ContactFields& fields) {
  json j = json::object();
  put_contact_fields(j, fields, false);
  return j;
}

json upsert_body(const std::vector<ContactFields>& contacts) {
  json data = json::array();
  for (const auto& c : contacts) data.push_back(contact_body(c));
  return {{"data", data}};
}

json custom_attribute_body(const NewCustomAttribute& a) {
  json j = {{"displayName", a.display_name}, {"type", a.type}};
  if (a.description) j["description"] = *a.description;
  return j;
}

json audience_body(const AudienceFields& f) {
  json j = json::object();
  if (f.name) j["name"] = *f.name;
  if (f.description) j["description"] = *f.description;
  return j;
}

json contact_ids_body(const std::vector<std::string>& ids) { return {{"contacts", ids}}; }

json flow_body(const FlowFields& f) {
  json j = json::object();
  if (f.name) j["name"] = *f.name;
  if (f.description) j["description"] = *f.description;
  if (f.graph_json) j["graph"] = json::parse(*f.graph_json);
  return j;
}

json flow_validate_body(const std::string& graph_json) { return {{"graph", json::parse(graph_json)}}; }

Result<ContactFields> parse_contact(const json& body) {
  BodyReader r(body, documented_fields("contact"));
  ContactFields f = read_contact_request(r);
  if (!r.errors().empty()) return validation_error(std::move(r.errors()));
  return f;
}

Result<std::vector<ContactFields>> parse_upsert(const json& body) {
  BodyReader r(body, documented_fields("upsert"));
  std::vector<ContactFields> contacts;
  FieldErrors errors = std::move(r.errors());
  if (body.is_object()) {
    auto it = body.find("data");
    if (it == body.end() || !it->is_array()) {
      errors["data"].push_back("data must be an array");
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        BodyReader item((*it)[i], documented_fields("contact"), "data." + std::to_string(i) + ".");
        contacts.push_back(read_contact_request(item));
        for (auto& [k, v] : item.errors()) errors[k] = v;
      }
    }
  }
  if (!errors.empty()) return validation_error(std::move(errors));
  return contacts;
}

Result<NewCustomAttribute> parse_custom_attribute(const json& body) {
  BodyReader r(body, documented_fields("customAttribute"));
  NewCustomAttribute a;
  auto display = r.string("displayName");
  auto type = r.string("type");
  a.description = r.string("description");
  // Missing or null (a wrong type has its own message already): both are required.
  if (!display && body.is_object() && !r.errors().count("displayName")) {
    r.errors()["displayName"].push_back("displayName should not be empty");
  }
  if (!type && body.is_object() && !r.errors().count("type")) r.errors()["type"].push_back("type should not be empty");
  if (!r.errors().empty() || !display || !type) return validation_error(std::move(r.errors()));
  a.display_name = *display;
  a.type = *type;
  return a;
}

Result<AudienceFields> parse_audience(const json& body) {
  BodyReader r(body, documented_fields("audience"));
  AudienceFields f{r.string("name"), r.string("description")};
  if (!r.errors().empty()) return validation_error(std::move(r.errors()));
  return f;
}

Result<std::vector<std::string>> parse_contact_ids(const json& body) {
  BodyReader r(body, documented_fields("audienceContacts"));
  auto ids = r.strings("contacts");
  if (!ids && body.is_object() && !r.errors().count("contacts")) {  // missing or null
    r.errors()["contacts"].push_back("contacts should not be empty");
  }
  if (!r.errors().empty() || !ids) return validation_error(std::move(r.errors()));
  return *ids;
}

Result<FlowFields> parse_flow(const json& body) {
  BodyReader r(body, documented_fields("flow"));
  FlowFields f{r.string("name"), r.string("description"), std::nullopt};
  if (body.is_object()) {
    if (auto it = body.find("graph"); it != body.end() && !it->is_null()) f.graph_json = it->dump();
  }
  if (!r.errors().empty()) return validation_error(std::move(r.errors()));
  return f;
}

Result<std::string> parse_flow_validate(const json& body) {
  BodyReader r(body, documented_fields("flowValidate"));
  std::string graph;
  if (body.is_object()) {
    if (auto it = body.find("graph"); it != body.end() && !it->is_null()) graph = it->dump();
  }
  if (graph.empty() && body.is_object()) r.errors()["graph"].push_back("graph should not be empty");
  if (!r.errors().empty()) return validation_error(std::move(r.errors()));
  return graph;
}

std::string reason_phrase(int s) {
  switch (s) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 416: return "Range Not Satisfiable";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "HTTP " + std::to_string(s);
  }
}

json error_envelope(const ApiError& e, const std::string& path, const std::string& timestamp) {
  json field_errors = json::object();
  json field_details = json::object();
  for (const auto& [field, messages] : e.field_errors) {
    field_errors[field] = messages;
    json details = json::array();
    for (size_t i = 0; i < messages.size(); ++i) details.push_back({{"code", "invalid"}});
    field_details[field] = details;
  }
  std::string error = reason_phrase(e.http_status);
  for (auto& c : error) c = c == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return {{"code", e.code},
          {"message", e.message},
          {"fieldErrors", field_errors},
          {"fieldDetails", field_details},
          {"statusCode", e.http_status},
          {"error", error},
          {"timestamp", timestamp},
          {"path", path}};
}

ApiError error_from_response(int http_status, const std::string& body) {
  ApiError e;
  e.http_status = http_status;
  auto j = json::parse(body, nullptr, false);
  if (!j.is_discarded() && j.is_object()) {
    if (auto it = j.find("code"); it != j.end() && it->is_string()) e.code = it->get<std::string>();
    if (auto it = j.find("message"); it != j.end()) {
      // NestJS puts a list of messages here for some validation errors.
      if (it->is_string()) e.message = it->get<std::string>();
      if (it->is_array()) {
        for (const auto& m : *it) {
          if (m.is_string()) e.message += (e.message.empty() ? "" : "; ") + m.get<std::string>();
        }
      }
    }
    if (auto it = j.find("fieldErrors"); it != j.end() && it->is_object()) {
      for (const auto& [field, messages] : it->items()) {
        if (messages.is_array()) {
          for (const auto& m : messages) {
            if (m.is_string()) e.field_errors[field].push_back(m.get<std::string>());
          }
        } else if (messages.is_string()) {
          e.field_errors[field].push_back(messages.get<std::string>());
        }
      }
    }
  }
  if (e.code.empty()) {
    std::string phrase = reason_phrase(http_status);
    for (auto& c : phrase) c = c == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    e.code = phrase;
  }
  if (e.message.empty()) e.message = reason_phrase(http_status);
  return e;
}

}  // namespace gomo::api::wire

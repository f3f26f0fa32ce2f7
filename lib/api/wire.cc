#include "api/wire.h"

#include <nlohmann/json.hpp>

#include "api/resource_tables.h"

// Encode, decode and request reading follow the field tables (resource_tables.h); what is left here
// are the envelopes around them (upsert, flow validation, errors).
namespace gomo::api::wire {
namespace {

using fields::decode_object;
using fields::encode_object;
using fields::FieldErrors;
using fields::Mode;
using fields::table_of;

const std::map<std::string, std::vector<std::string>>& documented_table() {
  static const std::map<std::string, std::vector<std::string>> table = {
      {"contact", table_of<ContactFields>().names},
      {"upsert", {"data"}},
      {"customAttribute", table_of<NewCustomAttribute>().names},
      {"audience", table_of<AudienceFields>().names},
      {"audienceContacts", {"contacts"}},
      {"flow", table_of<FlowFields>().names},
      {"flowValidate", {"graph"}},
      // Programs, executions, call requests and audio (Gomobile docs: Programs to Audio management).
      {"program", table_of<ProgramFields>().names},
      {"resume", {"autoPauseRules"}},
      {"callRequest", table_of<CallRequestFields>().names},
      {"audioUpload", table_of<AudioUpload>().names},  // multipart parts
      {"dictionary", table_of<DictionaryFields>().names},
      {"dictionaryEntry", {"file", "key"}},  // multipart parts
  };
  return table;
}

// The body read against T's table, or the 400 naming every problem.
template <typename T>
Result<T> parse_body(const json& body) {
  FieldErrors errors;
  T value = fields::read_object<T>(body, "", errors);
  if (!errors.empty()) return validation_error(std::move(errors));
  return value;
}

}  // namespace

const std::vector<std::string>& documented_fields(const std::string& body) {
  static const std::vector<std::string> none;
  auto it = documented_table().find(body);
  return it == documented_table().end() ? none : it->second;
}

json encode(const Contact& c) { return encode_object(c); }
Contact decode_contact(const json& j) { return decode_object<Contact>(j); }
json encode(const CustomAttribute& a) { return encode_object(a); }
CustomAttribute decode_custom_attribute(const json& j) { return decode_object<CustomAttribute>(j); }
json encode(const Audience& a) { return encode_object(a); }
Audience decode_audience(const json& j) { return decode_object<Audience>(j); }
json encode(const FlowRecord& f) { return encode_object(f); }
FlowRecord decode_flow(const json& j) { return decode_object<FlowRecord>(j); }
json encode(const User& u) { return encode_object(u); }
User decode_user(const json& j) { return decode_object<User>(j); }
json encode_meta(const PageMeta& m) { return encode_object(m); }
PageMeta decode_meta(const json& j) { return decode_object<PageMeta>(j); }

json encode(const FlowValidation& v) {
  return {{"valid", v.valid},
          {"errors", fields::Codec<std::vector<FlowProblem>>::put(v.errors)},
          {"warnings", fields::Codec<std::vector<FlowProblem>>::put(v.warnings)}};
}

// Lenient beyond the table: problems may be plain strings, `field` may stand for `path`, and the
// verdict may be called isValid.
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
          p = decode_object<FlowProblem>(item);
          if (const json* field = fields::detail::present(item, "field"); field && !p.path) {
            p.path = field->get<std::string>();
          }
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

json encode(const UpsertResult& r) {
  return {{"message", "Contacts upserted successfully"},
          {"created", r.created},
          {"updated", r.updated},
          {"unchanged", r.unchanged},
          {"data", fields::Codec<std::vector<Contact>>::put(r.contacts)}};
}

UpsertResult decode_upsert_result(const json& j) {
  UpsertResult r;
  if (const json* n = fields::detail::present(j, "created")) r.created = static_cast<int>(n->get<long long>());
  if (const json* n = fields::detail::present(j, "updated")) r.updated = static_cast<int>(n->get<long long>());
  // A gomo extension (gomo serve): absent from the real platform's answers.
  if (const json* n = fields::detail::present(j, "unchanged"); n && n->is_number_integer())
    r.unchanged = static_cast<int>(n->get<long long>());
  if (const json* data = fields::detail::present(j, "data"))
    fields::Codec<std::vector<Contact>>::get(*data, r.contacts);
  return r;
}

json contact_body(const ContactFields& fields) { return encode_object(fields, Mode::kRequest); }

json upsert_body(const std::vector<ContactFields>& contacts) {
  json data = json::array();
  for (const auto& c : contacts) data.push_back(contact_body(c));
  return {{"data", data}};
}

json custom_attribute_body(const NewCustomAttribute& a) { return encode_object(a, Mode::kRequest); }
json audience_body(const AudienceFields& f) { return encode_object(f, Mode::kRequest); }
json contact_ids_body(const std::vector<std::string>& ids) { return {{"contacts", ids}}; }
json flow_body(const FlowFields& f) { return encode_object(f, Mode::kRequest); }
json flow_validate_body(const std::string& graph_json) { return {{"graph", json::parse(graph_json)}}; }

Result<ContactFields> parse_contact(const json& body) { return parse_body<ContactFields>(body); }

Result<std::vector<ContactFields>> parse_upsert(const json& body) {
  FieldErrors errors;
  fields::Reader r(body, "", errors, documented_fields("upsert"));
  std::vector<ContactFields> contacts;
  if (body.is_object()) {
    auto it = body.find("data");
    if (it == body.end() || !it->is_array()) {
      errors["data"].push_back("data must be an array");
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        contacts.push_back(fields::read_object<ContactFields>((*it)[i], "data." + std::to_string(i) + ".", errors));
      }
    }
  }
  if (!errors.empty()) return validation_error(std::move(errors));
  return contacts;
}

Result<NewCustomAttribute> parse_custom_attribute(const json& body) { return parse_body<NewCustomAttribute>(body); }
Result<AudienceFields> parse_audience(const json& body) { return parse_body<AudienceFields>(body); }

Result<std::vector<std::string>> parse_contact_ids(const json& body) {
  FieldErrors errors;
  fields::Reader r(body, "", errors, documented_fields("audienceContacts"));
  r.require("contacts");
  auto ids = r.strings("contacts", false);
  if (!errors.empty() || !ids) return validation_error(std::move(errors));
  return *ids;
}

Result<FlowFields> parse_flow(const json& body) { return parse_body<FlowFields>(body); }

Result<std::string> parse_flow_validate(const json& body) {
  FieldErrors errors;
  fields::Reader r(body, "", errors, documented_fields("flowValidate"));
  std::string graph;
  if (const json* g = r.find("graph")) graph = g->dump();
  if (graph.empty() && body.is_object()) errors["graph"].push_back("graph should not be empty");
  if (!errors.empty()) return validation_error(std::move(errors));
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

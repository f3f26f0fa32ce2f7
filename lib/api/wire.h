#pragma once
// The API's JSON shapes (Gomobile docs: Errors to Flows), shared by the remote client and `gomo serve` so
// the two cannot disagree. encode_* / decode_* are responses; *_body / parse_* are request bodies.
// parse_* reject properties the docs do not list, as the platform does (Gomobile docs: API basics).
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"

namespace gomo::api::wire {

using nlohmann::json;

// Responses. decode_* tolerate missing members (defaults) and throw nlohmann::json::exception on
// members of the wrong type.
json encode(const Contact& contact);
json encode(const CustomAttribute& attribute);
json encode(const Audience& audience);
json encode(const FlowRecord& flow);
json encode(const User& user);
json encode(const UpsertResult& result);
// encode(result).dump() (bytes that are not UTF-8 replaced by U+FFFD), written without building the
// json tree: an answer of 1,000 contacts that way was a quarter of gomo serve's upsert time.
std::string upsert_result_text(const UpsertResult& result);
// decode_upsert_result(json::parse(text)) without the DOM (the client's largest cost in an upsert);
// nothing when `text` is not an answer of that shape (then use the DOM path: it says what is wrong).
std::optional<UpsertResult> read_upsert_result_text(const std::string& text);
json encode_meta(const PageMeta& meta);
Contact decode_contact(const json& j);
CustomAttribute decode_custom_attribute(const json& j);
Audience decode_audience(const json& j);
FlowRecord decode_flow(const json& j);
// POST /flows/validate's answer {valid, errors, warnings}; decoding also accepts `isValid`, problems
// given as plain strings, and `field` for `path`.
json encode(const FlowValidation& validation);
FlowValidation decode_flow_validation(const json& j);
User decode_user(const json& j);
UpsertResult decode_upsert_result(const json& j);
PageMeta decode_meta(const json& j);

// Request bodies: what the remote client sends ...
json contact_body(const ContactFields& fields);
json upsert_body(const std::vector<ContactFields>& contacts);  // {"data": [...]}
json custom_attribute_body(const NewCustomAttribute& attribute);
json audience_body(const AudienceFields& fields);
json contact_ids_body(const std::vector<std::string>& contact_ids);  // {"contacts": [...]}
json flow_body(const FlowFields& fields);
json flow_validate_body(const std::string& graph_json);  // {"graph": {...}}

// ... and how the server reads them: 400 VALIDATION_FAILED naming each undocumented property
// ("property foo should not exist") and each member of the wrong JSON type.
Result<ContactFields> parse_contact(const json& body);
Result<std::vector<ContactFields>> parse_upsert(const json& body);
Result<NewCustomAttribute> parse_custom_attribute(const json& body);
Result<AudienceFields> parse_audience(const json& body);
Result<std::vector<std::string>> parse_contact_ids(const json& body);
Result<FlowFields> parse_flow(const json& body);
// The graph of a validate body, as JSON text (unchecked beyond being present).
Result<std::string> parse_flow_validate(const json& body);

// The documented request properties per body, by name ("contact", "upsert", "customAttribute",
// "audience", "audienceContacts", "flow", "flowValidate"); empty for an unknown name.
const std::vector<std::string>& documented_fields(const std::string& body);

// The error envelope {code, message, fieldErrors, fieldDetails, statusCode, error, timestamp, path}.
json error_envelope(const ApiError& error, const std::string& path, const std::string& timestamp);
// An ApiError from a non-2xx response; falls back to the status line when the body is not an envelope.
ApiError error_from_response(int http_status, const std::string& body);
// "Bad Request", "Not Found", ... for a status code.
std::string reason_phrase(int http_status);

}  // namespace gomo::api::wire

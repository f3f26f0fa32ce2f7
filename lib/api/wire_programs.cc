#include "api/wire_programs.h"

#include <nlohmann/json.hpp>

#include "api/resource_tables.h"
#include "api/wire.h"

// Encode, decode and request reading follow the field tables (program_fields.cc, call_fields.cc,
// media_fields.cc); the retry strategy's two spellings are spelled out here.
namespace gomo::api::wire {
namespace {

using fields::decode_object;
using fields::encode_object;
using fields::FieldErrors;
using fields::Mode;

std::vector<std::string> strings_of(const json& j, const char* key) {
  const json* v = fields::detail::present(j, key);
  return v ? v->get<std::vector<std::string>>() : std::vector<std::string>{};
}
long long integer_of(const json& j, const char* key) {
  const json* v = fields::detail::present(j, key);
  return v ? v->get<long long>() : 0;
}

}  // namespace

json program_retry_json(const RetryStrategy& r) {
  if (r.type == "fixed_delay") {
    return {{"type", "fixed_delay"}, {"delayMinutes", r.delay_ms / 60000}, {"maxRetries", r.max_retries}};
  }
  if (r.type == "scheduled") return {{"type", "scheduled"}, {"retryDates", r.dates}};
  return {{"type", "none"}};
}

json call_request_retry_json(const RetryStrategy& r) {
  if (r.type == "fixed_delay") return {{"type", "fixed-delay"}, {"delay", r.delay_ms}, {"maxRetries", r.max_retries}};
  if (r.type == "scheduled") return {{"type", "scheduled"}, {"dates", r.dates}};
  return {{"type", "none"}};
}

RetryStrategy decode_retry(const json& j) {
  RetryStrategy r;
  const json* t = fields::detail::present(j, "type");
  std::string type = t ? t->get<std::string>() : "";
  if (type == "fixed_delay" || type == "fixed-delay") {
    r.type = "fixed_delay";
    r.delay_ms = j.contains("delayMinutes") ? integer_of(j, "delayMinutes") * 60000 : integer_of(j, "delay");
    r.max_retries = static_cast<int>(integer_of(j, "maxRetries"));
  } else if (type == "scheduled") {
    r.type = "scheduled";
    r.dates = j.contains("retryDates") ? strings_of(j, "retryDates") : strings_of(j, "dates");
  }
  return r;
}

json encode(const Did& d) { return encode_object(d); }
json encode(const Audio& a) { return encode_object(a); }
json encode(const Dictionary& d) { return encode_object(d); }
json encode(const DictionaryEntry& e) { return encode_object(e); }
json encode(const Program& p) { return encode_object(p); }
json encode(const Execution& e) { return encode_object(e); }
json encode(const ExecutionReport& r) { return encode_object(r); }
json encode(const ExecutionBreakdown& b) { return encode_object(b); }
json encode(const CallAttempt& a) { return encode_object(a); }
json encode(const CallRequestResult& r) { return encode_object(r); }
json encode(const CallRequest& r) { return encode_object(r); }
json encode(const CallReport& r) { return encode_object(r); }

json encode_launch(const Execution& e) {
  json j = encode(e);
  j["executionId"] = e.id;
  return j;
}

Did decode_did(const json& j) { return decode_object<Did>(j); }
Audio decode_audio(const json& j) { return decode_object<Audio>(j); }
Dictionary decode_dictionary(const json& j) { return decode_object<Dictionary>(j); }
DictionaryEntry decode_dictionary_entry(const json& j) { return decode_object<DictionaryEntry>(j); }
Program decode_program(const json& j) { return decode_object<Program>(j); }
Execution decode_execution(const json& j) { return decode_object<Execution>(j); }
ExecutionReport decode_execution_report(const json& j) { return decode_object<ExecutionReport>(j); }
ExecutionBreakdown decode_execution_breakdown(const json& j) { return decode_object<ExecutionBreakdown>(j); }
CallAttempt decode_call_attempt(const json& j) { return decode_object<CallAttempt>(j); }
CallRequestResult decode_call_request_result(const json& j) { return decode_object<CallRequestResult>(j); }
CallRequest decode_call_request(const json& j) { return decode_object<CallRequest>(j); }
CallReport decode_call_report(const json& j) { return decode_object<CallReport>(j); }

json program_body(const ProgramFields& f) { return encode_object(f, Mode::kRequest); }
json call_request_body(const CallRequestFields& f) { return encode_object(f, Mode::kRequest); }
json dictionary_body(const DictionaryFields& f) { return encode_object(f, Mode::kRequest); }
json resume_body(const std::vector<AutoPauseRule>& rules) {
  return {{"autoPauseRules", fields::Codec<std::vector<AutoPauseRule>>::put(rules)}};
}

Result<ProgramFields> parse_program(const json& body) {
  FieldErrors errors;
  ProgramFields f = fields::read_object<ProgramFields>(body, "", errors);
  if (!errors.empty()) return validation_error(std::move(errors));
  return f;
}

Result<std::optional<std::vector<AutoPauseRule>>> parse_resume(const json& body) {
  FieldErrors errors;
  fields::Reader r(body, "", errors, documented_fields("resume"));
  std::optional<std::vector<AutoPauseRule>> rules;
  if (const json* list = r.array("autoPauseRules")) {
    rules.emplace();
    for (size_t i = 0; i < list->size(); ++i) {
      rules->push_back(
          fields::read_object<AutoPauseRule>((*list)[i], "autoPauseRules." + std::to_string(i) + ".", errors));
    }
  }
  if (!errors.empty()) return validation_error(std::move(errors));
  return rules;
}

Result<CallRequestFields> parse_call_request(const json& body) {
  FieldErrors errors;
  CallRequestFields f = fields::read_object<CallRequestFields>(body, "", errors);
  if (!errors.empty()) return validation_error(std::move(errors));
  return f;
}

Result<DictionaryFields> parse_dictionary(const json& body) {
  FieldErrors errors;
  DictionaryFields f = fields::read_object<DictionaryFields>(body, "", errors);
  if (!errors.empty()) return validation_error(std::move(errors));
  return f;
}

}  // namespace gomo::api::wire

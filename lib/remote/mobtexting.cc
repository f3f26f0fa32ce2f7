#include "remote/mobtexting.h"

#include <nlohmann/json.hpp>

namespace gomo::remote {
namespace {

using nlohmann::json;

std::string without_plus(const std::string& number) {
  return !number.empty() && number[0] == '+' ? number.substr(1) : number;
}

// Mobtexting's numbers are JSON strings or numbers depending on the field; both read as text.
std::string text_of(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

ApiError mobtexting_error(int status, const std::string& body) {
  ApiError e;
  e.http_status = status;
  e.code = status == 401 || status == 403 ? api::kUnauthorized : "MOBTEXTING_ERROR";
  e.message = "mobtexting answered " + std::to_string(status);
  try {
    json j = json::parse(body);
    if (j.is_object()) {
      if (std::string m = text_of(j, "message"); !m.empty()) e.message += ": " + m;
      if (auto errors = j.find("errors"); errors != j.end() && errors->is_object()) {
        for (const auto& [field, messages] : errors->items()) {
          if (messages.is_array()) {
            for (const auto& m : messages)
              e.field_errors[field].push_back(m.is_string() ? m.get<std::string>() : m.dump());
          } else {
            e.field_errors[field].push_back(messages.is_string() ? messages.get<std::string>() : messages.dump());
          }
        }
      }
    }
  } catch (const json::exception&) {
    // Not JSON (an HTML error page): the status says enough.
  }
  return e;
}

}  // namespace

std::string mobtexting_body(const MobtextingCall& call) {
  json j = json::object();
  j["bridge"] = without_plus(call.bridge);
  j["to"] = without_plus(call.to);
  if (!call.flow_id.empty()) j["flow_id"] = call.flow_id;
  if (!call.audio.empty()) j["audio"] = call.audio;
  if (!call.name.empty()) j["name"] = call.name;
  if (call.interval_minutes) j["interval"] = *call.interval_minutes;
  if (!call.webhook_id.empty()) j["webhook_id"] = call.webhook_id;
  for (const auto& [name, value] : call.variables) j["variables[" + name + "]"] = value;
  return j.dump();
}

Result<std::unique_ptr<MobtextingClient>> MobtextingClient::create(const MobtextingOptions& options) {
  ClientOptions c;
  std::string endpoint = options.endpoint;
  while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
  c.base_url = endpoint;
  c.api_key = options.api_key;
  c.bearer = true;
  c.insecure = options.insecure;
  c.timeout_ms = options.timeout_ms;
  auto http = HttpClient::create(c);
  if (!http) return http.error();
  return std::unique_ptr<MobtextingClient>(new MobtextingClient(std::move(*http)));
}

MobtextingClient::MobtextingClient(std::unique_ptr<HttpClient> http) : http_(std::move(http)) {}
MobtextingClient::~MobtextingClient() = default;

Result<MobtextingResult> MobtextingClient::send_call(const MobtextingCall& call) {
  auto response = http_->send("POST", "/outgoing/send", mobtexting_body(call), Idempotency::kUnsafe);
  if (!response) return response.error();
  if (response->status < 200 || response->status >= 300) return mobtexting_error(response->status, response->body);
  MobtextingResult result;
  try {
    json j = json::parse(response->body);
    result.status = j.value("status", response->status);
    result.message = text_of(j, "message");
    if (auto data = j.find("data"); data != j.end() && data->is_array()) {
      for (const auto& d : *data) {
        result.accepted.push_back(
            {text_of(d, "id"), text_of(d, "mobile"), text_of(d, "charges"), text_of(d, "submitted_at")});
      }
    }
  } catch (const json::exception& e) {
    ApiError bad;
    bad.http_status = 502;
    bad.code = "BAD_RESPONSE";
    bad.message = std::string("unexpected answer from mobtexting: ") + e.what();
    return bad;
  }
  // Mobtexting may answer 200 with its own failing status in the body.
  if (result.status >= 400 || result.accepted.empty()) {
    ApiError refused;
    refused.http_status = result.status >= 400 ? result.status : 400;
    refused.code = "MOBTEXTING_REFUSED";
    refused.message = "mobtexting accepted no number" + (result.message.empty() ? "" : ": " + result.message);
    return refused;
  }
  return result;
}

}  // namespace gomo::remote

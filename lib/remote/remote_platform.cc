#include "remote/remote_platform.h"

#include <nlohmann/json.hpp>

#include "api/create_checked.h"
#include "api/validate.h"
#include "api/wire.h"
#include "api/wire_text.h"
#include "remote/remote_call.h"

namespace gomo::remote {

namespace wire = api::wire;
using api::attribute_slug;
using api::create_checked;
using api::validate_flow_graph_request;
namespace {

using nlohmann::json;
using namespace detail;

// DELETE is idempotent, but a retry after a lost answer finds the object gone: that is success.
Result<Done> call_delete(HttpClient& http, const std::string& path) {
  auto response = http.send("DELETE", path, "", Idempotency::kSafe);
  if (!response) return response.error();
  if (response->status == 404 && response->retried_after_ambiguous_failure) return Done{};
  if (response->status < 200 || response->status >= 300)
    return wire::error_from_response(response->status, response->body);
  return Done{};
}

}  // namespace

Result<std::unique_ptr<RemotePlatform>> RemotePlatform::create(ClientOptions options) {
  auto http = HttpClient::create(std::move(options));
  if (!http) return http.error();
  return std::unique_ptr<RemotePlatform>(new RemotePlatform(std::move(*http)));
}

std::string RemotePlatform::target() const { return http_->options().base_url; }

Result<User> RemotePlatform::me() {
  return call<User>(*http_, "GET", "/users/me", "", Idempotency::kSafe, wire::decode_user);
}

Result<Contact> RemotePlatform::create_contact(const ContactFields& fields) {
  std::string body = wire::contact_body(fields).dump();
  auto send = [&] {
    return call<Contact>(*http_, "POST", "/contact", body, Idempotency::kUnsafe, wire::decode_contact);
  };
  if (!fields.primary_phone) return send();
  // The phone is the contact's key: after a lost answer, look before sending again.
  return create_checked<Contact>(
      http_->options().max_attempts, "looking the contact up by phone", send,
      [&] { return find_contact_by_phone(*this, *fields.primary_phone); },
      [](const ApiError& e) { return e.http_status == 409; });
}

Result<Contact> RemotePlatform::get_contact(const std::string& id) {
  return call<Contact>(*http_, "GET", "/contact" + path_id(id), "", Idempotency::kSafe, wire::decode_contact);
}

Result<Page<Contact>> RemotePlatform::list_contacts(const PageQuery& query) {
  return call_page<Contact>(*http_, "/contact" + query_string(query), wire::decode_contact);
}

Result<Contact> RemotePlatform::update_contact(const std::string& id, const ContactFields& fields) {
  return call<Contact>(*http_, "PATCH", "/contact" + path_id(id), wire::contact_body(fields).dump(), Idempotency::kSafe,
                       wire::decode_contact);
}

Result<Done> RemotePlatform::delete_contact(const std::string& id) {
  return call_delete(*http_, "/contact" + path_id(id));
}

Result<UpsertResult> RemotePlatform::upsert_contacts(const std::vector<ContactFields>& contacts) {
  // Matched on primaryPhone, so sending the same batch again changes nothing: safe to retry.
  auto response = http_->send("POST", "/contact/upsert", wire::upsert_body_text(contacts), Idempotency::kSafe);
  // The answer holds every contact (~400 bytes each): read without a DOM when it has the usual shape.
  if (response && response->status >= 200 && response->status < 300) {
    if (auto read = wire::read_upsert_result_text(response->body)) return std::move(*read);
  }
  return decode_response<UpsertResult>(response, "POST /contact/upsert", wire::decode_upsert_result);
}

Result<Page<CustomAttribute>> RemotePlatform::list_custom_attributes(const PageQuery& query) {
  return call_page<CustomAttribute>(*http_, "/custom-attributes" + query_string(query), wire::decode_custom_attribute);
}

Result<CustomAttribute> RemotePlatform::create_custom_attribute(const NewCustomAttribute& attribute) {
  std::string body = wire::custom_attribute_body(attribute).dump();
  auto send = [&] {
    return call<CustomAttribute>(*http_, "POST", "/custom-attributes", body, Idempotency::kUnsafe,
                                 wire::decode_custom_attribute);
  };
  // The name slug is unique per organisation: look it up before sending again.
  std::string name = attribute_slug(attribute.display_name);
  if (name.empty()) return send();
  auto find = [&]() -> Result<std::optional<CustomAttribute>> {
    PageQuery query;
    query.search = name;
    query.limit = 100;
    auto page = list_custom_attributes(query);
    if (!page) return page.error();
    for (auto& a : page->data) {
      if (a.name == name) return std::optional<CustomAttribute>(std::move(a));
    }
    return std::optional<CustomAttribute>();
  };
  return create_checked<CustomAttribute>(http_->options().max_attempts, "looking the attribute up by name", send, find,
                                         [](const ApiError& e) { return e.http_status == 409; });
}

Result<Audience> RemotePlatform::create_audience(const AudienceFields& fields) {
  return call<Audience>(*http_, "POST", "/audience", wire::audience_body(fields).dump(), Idempotency::kUnsafe,
                        wire::decode_audience);
}

Result<Page<Audience>> RemotePlatform::list_audiences(const PageQuery& query) {
  return call_page<Audience>(*http_, "/audience" + query_string(query), wire::decode_audience);
}

Result<Audience> RemotePlatform::get_audience(const std::string& id) {
  return call<Audience>(*http_, "GET", "/audience" + path_id(id), "", Idempotency::kSafe, wire::decode_audience);
}

Result<Page<Contact>> RemotePlatform::audience_members(const std::string& id, const PageQuery& query) {
  return call_page<Contact>(*http_, "/audience" + path_id(id) + "/contacts" + query_string(query),
                            wire::decode_contact);
}

Result<Audience> RemotePlatform::add_audience_contacts(const std::string& id, const std::vector<std::string>& ids) {
  // Adding a member twice is a no-op: safe to retry.
  return call<Audience>(*http_, "POST", "/audience" + path_id(id) + "/add-contacts", wire::contact_ids_body(ids).dump(),
                        Idempotency::kSafe, wire::decode_audience);
}

Result<Audience> RemotePlatform::remove_audience_contacts(const std::string& id, const std::vector<std::string>& ids) {
  return call<Audience>(*http_, "POST", "/audience" + path_id(id) + "/remove-contacts",
                        wire::contact_ids_body(ids).dump(), Idempotency::kSafe, wire::decode_audience);
}

Result<FlowRecord> RemotePlatform::create_flow(const FlowFields& fields) {
  return call<FlowRecord>(*http_, "POST", "/flows", wire::flow_body(fields).dump(), Idempotency::kUnsafe,
                          wire::decode_flow);
}

Result<FlowRecord> RemotePlatform::get_flow(const std::string& id) {
  return call<FlowRecord>(*http_, "GET", "/flows" + path_id(id), "", Idempotency::kSafe, wire::decode_flow);
}

Result<Page<FlowRecord>> RemotePlatform::list_flows(const PageQuery& query) {
  return call_page<FlowRecord>(*http_, "/flows" + query_string(query), wire::decode_flow);
}

Result<FlowRecord> RemotePlatform::update_flow(const std::string& id, const FlowFields& fields) {
  return call<FlowRecord>(*http_, "PUT", "/flows" + path_id(id), wire::flow_body(fields).dump(), Idempotency::kSafe,
                          wire::decode_flow);
}

Result<Done> RemotePlatform::delete_flow(const std::string& id) { return call_delete(*http_, "/flows" + path_id(id)); }

Result<FlowValidation> RemotePlatform::validate_flow(const std::string& graph_json) {
  if (auto e = validate_flow_graph_request(graph_json)) return *e;
  // Validation saves nothing: safe to send again.
  return call<FlowValidation>(*http_, "POST", "/flows/validate", wire::flow_validate_body(graph_json).dump(),
                              Idempotency::kSafe, wire::decode_flow_validation);
}

}  // namespace gomo::remote

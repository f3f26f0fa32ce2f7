#include "calls/call_request.h"

#include <nlohmann/json.hpp>

#include "api/list_all.h"
#include "api/wire_programs.h"
#include "base/strings.h"
#include "contacts/phone.h"
#include "sync/flow_sync.h"

namespace gomo::calls {
namespace {

using contacts::Failure;

std::string digits_only(const std::string& number) {
  return number.size() > 1 && number[0] == '+' ? number.substr(1) : number;
}

std::string did_numbers(const std::vector<api::Did>& dids) {
  std::vector<std::string> numbers;
  for (const auto& d : dids) numbers.push_back(d.number);
  return join(numbers, ", ");
}

contacts::Outcome<api::FlowRecord> find_one_flow(api::Platform& platform, const std::string& key) {
  auto flows = sync::find_flow(platform, key);
  if (!flows) return Failure::api_error(flows.error());
  if (flows->empty()) {
    api::ApiError e = api::not_found_error("Flow");
    e.message = "Flow \"" + key + "\" not found (by id or exact name); push it first with `gomo flow push FILE`";
    return Failure::api_error(std::move(e));
  }
  if (flows->size() > 1) {
    std::vector<std::string> ids;
    for (const auto& f : *flows) ids.push_back(f.id);
    return Failure::usage_error("--flow " + key + ": " + std::to_string(ids.size()) + " flows have that name (" +
                                join(ids, ", ") + "); give the id of one");
  }
  return std::move(flows->front());
}

}  // namespace

contacts::Outcome<api::Did> find_did(api::Platform& platform, const std::string& arg) {
  api::DidQuery query;
  query.status = "active";
  auto dids = api::collect_all<api::Did>(
      [&](const api::PageQuery& q) {
        api::DidQuery page = query;
        page.page = q;
        return platform.list_available_dids(page);
      },
      query.page);
  if (!dids) return Failure::api_error(dids.error());
  if (arg.empty()) {
    // The account's own number before a shared one: the callee sees it, and shared ones are a fallback.
    for (auto& d : *dids)
      if (!d.is_shared) return std::move(d);
    if (!dids->empty()) return std::move(dids->front());
    return Failure::usage_error("no active DID is available to call from; `gomo dids list` shows the account's DIDs");
  }
  for (auto& d : *dids) {
    if (d.id == arg || digits_only(d.number) == digits_only(arg)) return std::move(d);
  }
  return Failure::usage_error("--did " + arg + ": no active DID with that id or number; available: " +
                              (dids->empty() ? std::string("none") : did_numbers(*dids)) + " (gomo dids list)");
}

contacts::Outcome<PlacedCall> request_call(api::Platform& platform, const CallSpec& spec) {
  PlacedCall placed;
  auto contact = contacts::find_contact(platform, spec.contact, spec.region);
  if (!contact) {
    Failure f = contact.error();
    // A phone no contact has yet: calls go to contacts, so say how to make one.
    if (!f.usage && f.api.http_status == 404 && contacts::looks_like_phone(spec.contact)) {
      f.api.message += "; create the contact first: gomo contacts create --phone " + spec.contact;
    }
    return f;
  }
  placed.contact = std::move(*contact);
  auto flow = find_one_flow(platform, spec.flow);
  if (!flow) return flow.error();
  placed.flow = std::move(*flow);
  auto did = find_did(platform, spec.did);
  if (!did) return did.error();
  placed.did = std::move(*did);

  placed.fields.did_id = placed.did.id;
  placed.fields.contact_id = placed.contact.id;
  placed.fields.flow_id = placed.flow.id;
  placed.fields.retry = spec.retry;
  placed.fields.start_at = spec.start_at;
  auto result = platform.request_call(placed.fields);
  if (!result) return Failure::api_error(result.error());
  placed.result = std::move(*result);
  return placed;
}

nlohmann::json placed_call_json(const PlacedCall& call) {
  nlohmann::json j = {
      {"id", call.result.job_id},
      {"jobId", call.result.job_id},
      {"status", call.result.status},
      {"contactId", call.contact.id},
      {"phone", call.contact.fields.primary_phone.value_or("")},
      {"flowId", call.flow.id},
      {"flowName", call.flow.name},
      {"didId", call.did.id},
      {"didNumber", call.did.number},
      {"retry", api::wire::program_retry_json(call.fields.retry)},
      {"startAt", call.fields.start_at ? nlohmann::json(*call.fields.start_at) : nlohmann::json(nullptr)},
  };
  return j;
}

}  // namespace gomo::calls

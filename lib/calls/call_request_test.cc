#include "calls/call_request.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/workspace_fixture.h"

namespace gomo::calls {
namespace {

const char* const kGraph = R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})";
const char* const kSharedDid = "00000000-0000-4000-8000-00000000d1d0";  // +212800000000, in every workspace

struct Fixture : test::WorkspaceFixture {
  Fixture() {
    api::ContactFields c;
    c.primary_phone = "+212612345678";
    auto made = platform->create_contact(c);
    REQUIRE(made);
    contact_id = made->id;
    auto flow = platform->create_flow({"Reminder", std::nullopt, std::string(kGraph)});
    REQUIRE(flow);
    flow_id = flow->id;
  }
  std::string contact_id, flow_id;
};

}  // namespace

TEST_CASE("request_call: contact by phone, flow by name, the account's own DID by default") {
  Fixture f;
  CallSpec spec;
  spec.contact = "0612345678";  // national, region MA
  spec.flow = "Reminder";
  spec.retry.type = "fixed_delay";
  spec.retry.delay_ms = 30 * 60'000;
  spec.retry.max_retries = 2;
  spec.start_at = "2099-01-01T09:00:00.000Z";
  auto placed = request_call(*f.platform, spec);
  REQUIRE_MESSAGE(placed, (placed ? std::string() : placed.error().message + placed.error().api.message));
  CHECK(placed->result.status == "queued");
  CHECK(placed->contact.id == f.contact_id);
  CHECK(placed->flow.id == f.flow_id);
  CHECK_FALSE(placed->did.is_shared);

  auto stored = f.platform->list_call_requests({{}, f.contact_id});
  REQUIRE(stored);
  REQUIRE(stored->data.size() == 1);
  CHECK(stored->data[0].id == placed->result.job_id);
  CHECK(stored->data[0].fields.retry == spec.retry);
  CHECK(stored->data[0].fields.did_id == placed->did.id);

  nlohmann::json j = placed_call_json(*placed);
  CHECK(j["jobId"] == placed->result.job_id);
  CHECK(j["phone"] == "+212612345678");
  CHECK(j["flowName"] == "Reminder");
  CHECK(j["retry"] == nlohmann::json::parse(R"({"type":"fixed_delay","delayMinutes":30,"maxRetries":2})"));

  auto report = f.platform->call_report(placed->result.job_id);
  REQUIRE(report);
  CHECK(report->status == "queued");
  CHECK(report->attempts.empty());
}

TEST_CASE("find_did: by id or number, with or without +; unknown ones list what there is") {
  Fixture f;
  auto by_id = find_did(*f.platform, kSharedDid);
  REQUIRE(by_id);
  CHECK(by_id->number == "+212800000000");
  auto by_number = find_did(*f.platform, "212800000000");
  REQUIRE(by_number);
  CHECK(by_number->id == kSharedDid);
  auto unknown = find_did(*f.platform, "+212999");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().usage);
  CHECK(unknown.error().message.find("--did +212999: no active DID with that id or number; available: ") == 0);
  CHECK(unknown.error().message.find("+212800000000") != std::string::npos);
}

TEST_CASE("request_call: what cannot be found is said before anything is sent") {
  Fixture f;
  CallSpec spec;
  spec.contact = "+212611111111";  // no such contact
  spec.flow = "Reminder";
  auto no_contact = request_call(*f.platform, spec);
  REQUIRE_FALSE(no_contact);
  CHECK(no_contact.error().api.http_status == 404);
  CHECK(no_contact.error().api.message.find("create the contact first: gomo contacts create --phone +212611111111") !=
        std::string::npos);

  spec.contact = f.contact_id;
  spec.flow = "Nope";
  auto no_flow = request_call(*f.platform, spec);
  REQUIRE_FALSE(no_flow);
  CHECK(no_flow.error().api.http_status == 404);
  CHECK(no_flow.error().api.message.find("Flow \"Nope\" not found") == 0);

  REQUIRE(f.platform->create_flow({"Reminder", std::nullopt, std::string(kGraph)}));
  spec.flow = "Reminder";
  auto twins = request_call(*f.platform, spec);
  REQUIRE_FALSE(twins);
  CHECK(twins.error().usage);
  CHECK(twins.error().message.find("--flow Reminder: 2 flows have that name (") == 0);

  auto requests = f.platform->list_call_requests({});
  REQUIRE(requests);
  CHECK(requests->data.empty());
}

}  // namespace gomo::calls

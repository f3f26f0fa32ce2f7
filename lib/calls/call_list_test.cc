#include "calls/call_list.h"

#include <doctest/doctest.h>

#include "calls/call_request.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::calls {

TEST_CASE("list_calls: one contact's requests by phone, a page or every page; call_report names unknown ids") {
  test::WorkspaceFixture f;
  REQUIRE(f.platform->create_flow(
      {"Reminder", std::nullopt,
       std::string(R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})")}));
  for (const char* phone : {"+212612345678", "+212612345679"}) {
    api::ContactFields c;
    c.primary_phone = phone;
    REQUIRE(f.platform->create_contact(c));
  }
  std::vector<std::string> jobs;
  for (const char* phone : {"0612345678", "0612345678", "0612345678", "0612345679"}) {
    CallSpec spec;
    spec.contact = phone;
    spec.flow = "Reminder";
    auto placed = request_call(*f.platform, spec);
    REQUIRE(placed);
    jobs.push_back(placed->result.job_id);
  }

  api::PageQuery two;
  two.limit = 2;
  auto page = list_calls(*f.platform, "0612345678", "MA", two, false);
  REQUIRE(page);
  CHECK(page->requests.size() == 2);
  REQUIRE(page->meta);
  CHECK(page->meta->total == 3);
  auto every = list_calls(*f.platform, "+212612345678", "MA", two, true);
  REQUIRE(every);
  CHECK(every->requests.size() == 3);
  CHECK_FALSE(every->meta);
  auto everyone = list_calls(*f.platform, "", "MA", {}, true);
  REQUIRE(everyone);
  CHECK(everyone->requests.size() == 4);
  auto stranger = list_calls(*f.platform, "0699999999", "MA", {}, false);
  REQUIRE_FALSE(stranger);
  CHECK(stranger.error().api.http_status == 404);

  auto report = call_report(*f.platform, jobs.back());
  REQUIRE(report);
  auto unknown = call_report(*f.platform, "00000000-0000-4000-8000-000000000000");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().http_status == 404);
  CHECK(unknown.error().message ==
        "no call request with job id 00000000-0000-4000-8000-000000000000 (gomo call list shows them)");
}

}  // namespace gomo::calls

#include "serve/server.h"

#include <doctest/doctest.h>

#include "tests/support/raw_http.h"
#include "tests/support/serve_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::serve {

TEST_CASE("serve log: a dropped request says whether it was handled, and no status it never had") {
  RequestRecord before{"POST", "/api/audience", "", 0, false, true, 0.4};
  CHECK(log_line(before) == "POST /api/audience - 0ms (dropped) before handling: nothing applied");
  RequestRecord after{"POST", "/api/audience", "", 201, true, true, 3.2};
  CHECK(log_line(after) == "POST /api/audience 201 3ms (dropped) after handling: applied, the answer was lost");
  RequestRecord answered{"POST", "/api/audience", "", 201, true, false, 3.2};
  CHECK(log_line(answered) == "POST /api/audience 201 3ms");
}

TEST_CASE("serve faults: every connection dropped; those dropped before handling changed nothing") {
  test::WorkspaceFixture f("Dropped Org");
  FaultOptions faults;
  faults.drop_rate = 1;
  faults.seed = 11;
  test::LocalServer server(*f.ws, faults);
  const std::string url = server.base_url();  // http://127.0.0.1:PORT/api
  const int port = std::stoi(url.substr(url.rfind(':') + 1));
  const size_t kRequests = 16;
  for (size_t i = 0; i < kRequests; ++i) {
    const std::string body = R"({"name":"Audience )" + std::to_string(i) + R"("})";
    (void)test::raw_http(port,
                         "POST /api/audience HTTP/1.1\r\nHost: x\r\nx-api-key: " + f.org.api_key +
                             "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                             "\r\nConnection: close\r\n\r\n" + body,
                         false, 5000);
  }
  auto records = server.records();
  REQUIRE(records.size() == kRequests);
  int applied = 0, not_applied = 0;
  for (const auto& r : records) {
    INFO(log_line(r));
    CHECK(r.dropped);
    if (r.applied) {
      ++applied;
      CHECK(r.status == 201);
      CHECK(log_line(r).find("POST /api/audience 201 ") == 0);
      CHECK(log_line(r).find("(dropped) after handling: applied, the answer was lost") != std::string::npos);
    } else {
      ++not_applied;
      CHECK(r.status == 0);
      CHECK(log_line(r).find("POST /api/audience - ") == 0);
      CHECK(log_line(r).find("(dropped) before handling: nothing applied") != std::string::npos);
    }
  }
  CHECK(applied > 0);  // the dice (seed 11) give both kinds
  CHECK(not_applied > 0);
  auto audiences = f.platform->list_audiences({});
  REQUIRE(audiences);
  CHECK(audiences->meta.total == applied);  // what the log calls applied is what the workspace holds
}

}  // namespace gomo::serve

// RemotePlatform and its HTTP client against a misbehaving `gomo serve` (in-process): throttling
// (429 + Retry-After), random 503s and connections dropped before the answer. The client must finish
// the work, and nothing non-idempotent may be applied twice. All on 127.0.0.1, with bounded attempts.
// (The same faults through the binary: tests/cli/api_faults_test.cc.)
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "remote/remote_platform.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::test {
namespace {

using nlohmann::json;

std::string phone(int i) { return "+2126100" + std::to_string(10000 + i); }

// How many times the server applied POST /api/contact per phone.
std::map<std::string, int> applied_creates(const std::vector<serve::RequestRecord>& records) {
  std::map<std::string, int> count;
  for (const auto& r : records) {
    if (r.applied && r.method == "POST" && r.path == "/api/contact") ++count[json::parse(r.body).at("primaryPhone")];
  }
  return count;
}

// Creates contacts with phones 0..29 through `p` (every create must succeed in the end).
void create_thirty_contacts(api::Platform& p) {
  for (int i = 0; i < 30; ++i) {
    api::ContactFields c;
    c.primary_phone = phone(i);
    auto r = p.create_contact(c);
    REQUIRE_MESSAGE(r, r.error().message);  // never a 409 from our own earlier attempt
    CHECK(r->fields.primary_phone == phone(i));
  }
}

// Each of those 30 creates reached the workspace exactly once.
void check_each_create_applied_once(const std::vector<serve::RequestRecord>& records) {
  auto applied = applied_creates(records);
  CHECK(applied.size() == 30);
  for (const auto& [ph, n] : applied) CHECK_MESSAGE(n == 1, ph << " applied " << n << " times");
}
}  // namespace

TEST_CASE("remote faults: the client waits out 429s as Retry-After says") {
  WorkspaceFixture f("Faulty Org");
  serve::FaultOptions faults;
  faults.rate_limit = 5;  // 5/s, burst 5
  LocalServer server(*f.ws, faults);
  auto options = test_client_options(server.base_url(), f.org.api_key);  // no client-side limit
  auto p = remote::RemotePlatform::create(options);
  REQUIRE(p);
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 12; ++i) REQUIRE((*p)->me());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  int throttled = 0;
  for (const auto& r : server.records()) throttled += r.status == 429;
  CHECK(throttled > 0);
  CHECK((*p)->http().stats().throttled == throttled);
  CHECK(seconds >= 1.0);  // Retry-After: 1 was honoured, not hammered through with short backoffs
}

TEST_CASE("remote faults: the client's own rate limit keeps it under the server's") {
  WorkspaceFixture f("Faulty Org");
  serve::FaultOptions faults;
  faults.rate_limit = 20;
  LocalServer server(*f.ws, faults);
  auto options = test_client_options(server.base_url(), f.org.api_key);
  options.rate_limit = 10;  // the default
  auto p = remote::RemotePlatform::create(options);
  REQUIRE(p);
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 25; ++i) REQUIRE((*p)->me());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK((*p)->http().stats().throttled == 0);
  CHECK(seconds >= 1.3);  // 10 at once, then 15 more at 10/s
  CHECK(seconds < 5);
}

TEST_CASE("remote faults: 503s are retried and each create is applied once") {
  WorkspaceFixture f("Faulty Org");
  serve::FaultOptions faults;
  faults.fail_rate = 0.3;
  faults.seed = 42;
  LocalServer server(*f.ws, faults);
  auto p = remote::RemotePlatform::create(test_client_options(server.base_url(), f.org.api_key));
  REQUIRE(p);
  create_thirty_contacts(**p);
  auto records = server.records();
  int unavailable = 0;
  for (const auto& r : records) unavailable += r.status == 503;
  CHECK(unavailable > 0);
  check_each_create_applied_once(records);
}

TEST_CASE("remote faults: dropped connections; creates are checked, not blindly re-sent") {
  WorkspaceFixture f("Faulty Org");
  serve::FaultOptions faults;
  faults.drop_rate = 0.35;
  faults.seed = 7;
  LocalServer server(*f.ws, faults);
  auto p = remote::RemotePlatform::create(test_client_options(server.base_url(), f.org.api_key));
  REQUIRE(p);
  create_thirty_contacts(**p);
  for (const char* name : {"Due date", "Amount due", "Branch"}) {
    auto a = (*p)->create_custom_attribute({name, std::nullopt, "text"});
    REQUIRE_MESSAGE(a, a.error().message);
  }
  // Idempotent writes ride it out too.
  std::vector<api::ContactFields> batch(5);
  for (int i = 0; i < 5; ++i) batch[i].primary_phone = phone(100 + i);
  for (int round = 0; round < 3; ++round) REQUIRE((*p)->upsert_contacts(batch));

  auto records = server.records();
  int dropped_after_apply = 0, dropped_before = 0;
  for (const auto& r : records) {
    dropped_after_apply += r.dropped && r.applied;
    dropped_before += r.dropped && !r.applied;
  }
  CHECK(dropped_after_apply > 0);
  CHECK(dropped_before > 0);
  check_each_create_applied_once(records);
  std::map<std::string, int> attribute_creates;
  for (const auto& r : records) {
    if (r.applied && r.method == "POST" && r.path == "/api/custom-attributes") ++attribute_creates[r.body];
  }
  for (const auto& [body, n] : attribute_creates) CHECK_MESSAGE(n == 1, body << " applied " << n << " times");
  auto local = f.ws->platform_for(f.org.organization.id);
  CHECK(local->list_contacts({})->meta.total == 35);
  CHECK(local->list_custom_attributes({})->meta.total == 3);
}

TEST_CASE("remote faults: a create without a natural key is not re-sent after a lost answer") {
  WorkspaceFixture f("Faulty Org");
  serve::FaultOptions faults;
  faults.drop_rate = 1;  // every answer is lost
  faults.seed = 3;
  LocalServer server(*f.ws, faults);
  auto p = remote::RemotePlatform::create(test_client_options(server.base_url(), f.org.api_key));
  REQUIRE(p);
  int outcome_unknown = 0;
  for (int i = 0; i < 6; ++i) {
    auto r = (*p)->create_audience({std::string("Audience " + std::to_string(i)), std::nullopt});
    REQUIRE_FALSE(r);
    CHECK(r.error().http_status == 0);
    outcome_unknown += r.error().code == "REQUEST_OUTCOME_UNKNOWN";
    CHECK(r.error().is_unavailable());
  }
  CHECK(outcome_unknown == 6);
  // Exactly one attempt per create reached the server.
  int posts = 0;
  for (const auto& r : server.records()) posts += r.method == "POST";
  CHECK(posts == 6);
  // An idempotent read keeps trying, then reports a network error.
  auto me = (*p)->me();
  REQUIRE_FALSE(me);
  CHECK(me.error().code == "NETWORK_ERROR");
}

}  // namespace gomo::test

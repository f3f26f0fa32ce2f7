// The binary against a misbehaving `gomo serve`: fault flags, lost answers, throttled lookups,
// --timeout, -v retries, refused certificates. (RemotePlatform alone: lib/remote/remote_faults_test.cc.)
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "remote/remote_platform.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::test {
namespace {

using nlohmann::json;

std::string phone(int i) { return "+2126100" + std::to_string(10000 + i); }

// The environment of a gomo run against `base_url` with `key`: no config file, no other target.
std::vector<std::string> remote_env(const std::string& base_url, const std::string& key) {
  std::string dir = scratch_dir();
  return {"XDG_CONFIG_HOME=" + dir + "/config",
          "HOME=" + dir,
          "GOMO_PROFILE=",
          "GOMO_API_KEY=" + key,
          "GOMO_BASE_URL=" + base_url,
          "GOMOBILE_API_KEY=",
          "GOMOBILE_API_URL=",
          "GOMOBILE_API_BASE_URL=",
          "GOMO_TIMEOUT="};
}

std::string greeting_flow(const std::string& name) {
  return "name: " + name + R"(
graph:
  startNodeId: dial
  nodes:
    - id: dial
      type: dial
      label: Dial
      config: {timeout: 30000, enableAMD: false}
      outputs: {onAnswer: bye, default: bye}
    - id: bye
      type: hangup
      label: Bye
      config: {reason: done, hangupType: normal}
)";
}

ext::ServerReply lost_before_applied() {
  ext::ServerReply r;
  r.body = "{}";
  r.drop = true;
  return r;
}

ext::ServerReply throttled() {
  ext::ServerReply r;
  r.status = 429;
  r.body = R"({"code":"TOO_MANY_REQUESTS","message":"Rate limit exceeded","statusCode":429})";
  r.headers = {{"Retry-After", "0"}};
  return r;
}

int count_of(const std::vector<std::string>& requests, const std::string& request) {
  return static_cast<int>(std::count(requests.begin(), requests.end(), request));
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("cli: api faults: gomo serve's fault flags, end to end through the binary") {
  std::string workspace = scratch_dir() + "/ws.db";
  auto init = run_gomo({"serve", "--init", "--workspace", workspace});
  REQUIRE(init.exit_code == 0);
  std::string key = init.out.substr(0, init.out.find('\n'));
  ServeProcess server({"--workspace", workspace, "--rate-limit", "40/s", "--fail-rate", "0.2", "--drop-connections",
                       "0.2", "--latency", "2", "--seed", "11"});
  REQUIRE(server.started());
  auto options = test_client_options(server.base_url(), key);
  options.rate_limit = 60;  // above the server's limit: some 429s are expected
  auto p = remote::RemotePlatform::create(options);
  REQUIRE(p);
  for (int i = 0; i < 40; ++i) {
    api::ContactFields c;
    c.primary_phone = phone(i);
    auto r = (*p)->create_contact(c);
    REQUIRE_MESSAGE(r, r.error().message);
  }
  auto all = api::list_all_contacts(**p, {});
  REQUIRE(all);
  CHECK(all->size() == 40);
  const auto& stats = (*p)->http().stats();
  CHECK(stats.unavailable > 0);
  CHECK(stats.network_failures > 0);
  CHECK(server.stop() == 0);
}

TEST_CASE("cli: api faults: contacts create whose answer is lost, then throttled lookups: outcome unknown, not 429") {
  WorkspaceFixture f("Faulty Org");
  serve::Router router(*f.ws);
  std::atomic<bool> throttle_lookups{true};
  // The create is applied and its answer lost; the lookups by phone are throttled (while asked to).
  ScriptedServer server([&](const ext::ServerRequest& req, int) {
    if (req.method == "POST" && req.path == "/api/contact") {
      auto reply = ScriptedServer::route(router, req);
      reply.drop = true;
      return reply;
    }
    if (req.method == "GET" && req.path == "/api/contact" && throttle_lookups) return throttled();
    return ScriptedServer::route(router, req);
  });
  auto env = remote_env(server.base_url(), f.org.api_key);
  auto r = run_gomo({"contacts", "create", "--phone", "0612345678", "--first-name", "Amina"}, "", env);
  CHECK(r.exit_code == 5);
  CHECK(has(r.err, "REQUEST_OUTCOME_UNKNOWN"));
  CHECK(has(r.err, "looking the contact up by phone failed too (429 TOO_MANY_REQUESTS"));
  CHECK_FALSE(has(r.err, "gomo: API error 429"));
  auto local = f.ws->platform_for(f.org.organization.id);
  CHECK(local->list_contacts({})->meta.total == 1);  // it was created, and only once
  CHECK(count_of(server.requests(), "POST /api/contact") == 1);

  // When the lookup gets through, the lost create is found: success, and no second POST.
  throttle_lookups = false;
  auto again = run_gomo({"contacts", "create", "--phone", "0612345679", "-o", "json"}, "", env);
  CHECK_MESSAGE(again.exit_code == 0, again.err);
  CHECK(has(again.out, "+212612345679"));
  CHECK(count_of(server.requests(), "POST /api/contact") == 2);
  CHECK(local->list_contacts({})->meta.total == 2);
}

TEST_CASE("cli: api faults: flow push after a lost create looks the flow up by name") {
  WorkspaceFixture f("Faulty Org");
  serve::Router router(*f.ws);
  std::atomic<int> flow_posts{0};
  // The first create is applied and its answer lost; the second (another flow) is lost before it is
  // applied, so it must be sent again.
  ScriptedServer server([&](const ext::ServerRequest& req, int) {
    if (req.method == "POST" && req.path == "/api/flows") {
      int n = ++flow_posts;
      if (n == 2) return lost_before_applied();
      auto reply = ScriptedServer::route(router, req);
      reply.drop = n == 1;
      return reply;
    }
    return ScriptedServer::route(router, req);
  });
  auto env = remote_env(server.base_url(), f.org.api_key);
  std::string dir = scratch_dir();
  write_file(dir, "a.yaml", greeting_flow("Greeting"));
  auto pushed = run_gomo({"flow", "push", dir + "/a.yaml"}, "", env);
  CHECK_MESSAGE(pushed.exit_code == 0, pushed.err);
  CHECK(has(pushed.err, "created flow"));
  auto local = f.ws->platform_for(f.org.organization.id);
  CHECK(local->list_flows({})->meta.total == 1);

  write_file(dir, "b.yaml", greeting_flow("Second greeting"));
  auto second = run_gomo({"flow", "push", dir + "/b.yaml"}, "", env);
  CHECK_MESSAGE(second.exit_code == 0, second.err);
  CHECK(has(second.err, "created flow"));
  CHECK(local->list_flows({})->meta.total == 2);
  CHECK(flow_posts == 3);  // the lost-before-applied create was sent again, the other one was not
}

TEST_CASE("cli: api faults: --timeout gives up on a slow platform; -v says each retry") {
  WorkspaceFixture f("Faulty Org");
  serve::Router router(*f.ws);
  std::atomic<int> slow_ms{0};
  ScriptedServer server([&](const ext::ServerRequest& req, int n) {
    if (slow_ms > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(slow_ms.load()));
    } else if (n <= 2) {
      return throttled();
    }
    return ScriptedServer::route(router, req);
  });
  auto env = remote_env(server.base_url(), f.org.api_key);
  auto retried = run_gomo({"contacts", "list", "-v"}, "", env);
  CHECK_MESSAGE(retried.exit_code == 0, retried.err);
  CHECK(has(retried.err, "gomo: retrying GET /contact in 0.0s (attempt 2/5): 429 Too Many Requests\n"));
  CHECK(has(retried.err, "gomo: retrying GET /contact in 0.0s (attempt 3/5): 429 Too Many Requests\n"));
  CHECK_FALSE(has(retried.err, f.org.api_key));

  slow_ms = 1500;
  auto started = std::chrono::steady_clock::now();
  auto slow = run_gomo({"contacts", "list", "--timeout", "300ms"}, "", env);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(slow.exit_code == 5);
  CHECK(has(slow.err, "TIMEOUT: no answer within 0.3s (--timeout)"));
  CHECK(seconds < 1.5);  // before the platform's answer, let alone 5 attempts of it
  // The environment and a profile set it too; a malformed value is a usage error.
  auto from_env = run_gomo({"contacts", "list"}, "", [&] {
    auto e = env;
    e.push_back("GOMO_TIMEOUT=0.3");
    return e;
  }());
  CHECK(from_env.exit_code == 5);
  CHECK(has(from_env.err, "no answer within 0.3s"));
  auto bad = run_gomo({"contacts", "list", "--timeout", "soon"}, "", env);
  CHECK(bad.exit_code == 2);
  CHECK(has(bad.err, "--timeout soon: expected a duration such as 30s, 500ms or 2m"));
}

TEST_CASE("cli: api faults: a self-signed certificate is refused at once, with one attempt") {
  TlsServerProcess tls;
  REQUIRE_MESSAGE(tls.started(), "openssl s_server did not start: " << tls.log());
  auto r = run_gomo({"contacts", "list", "-v"}, "", remote_env(tls.base_url(), "gomo_some_key_0123456789"));
  CHECK(r.exit_code == 5);
  CHECK(has(r.err, "TLS_CERTIFICATE_ERROR: the TLS certificate of 127.0.0.1 was refused"));
  CHECK(has(r.err, "not retried"));
  CHECK_FALSE(has(r.err, "retrying"));
}

TEST_CASE("cli: program list names many flows and audiences from their listings, not one GET per id") {
  WorkspaceFixture f("Names Org");
  const std::string graph = R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})";
  std::vector<std::string> flow_ids;
  for (int i = 0; i < 6; ++i) {
    auto flow = f.platform->create_flow({"Flow " + std::to_string(i), std::nullopt, graph});
    auto audience = f.platform->create_audience({"Audience " + std::to_string(i), std::nullopt});
    REQUIRE(flow);
    REQUIRE(audience);
    api::ProgramFields fields;
    fields.name = "Program " + std::to_string(i);
    fields.flow_id = flow->id;
    fields.audience_id = audience->id;
    REQUIRE(f.platform->create_program(fields));
    flow_ids.push_back(flow->id);
  }
  serve::Router router(*f.ws);
  ScriptedServer server([&](const ext::ServerRequest& req, int) { return ScriptedServer::route(router, req); });
  auto r = run_gomo({"program", "list"}, "", remote_env(server.base_url(), f.org.api_key));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  for (int i = 0; i < 6; ++i) {
    CHECK(has(r.out, "Flow " + std::to_string(i)));
    CHECK(has(r.out, "Audience " + std::to_string(i)));
  }
  int by_id = 0;
  for (const auto& request : server.requests())
    by_id += request.rfind("GET /api/flows/", 0) == 0 || request.rfind("GET /api/audiences/", 0) == 0;
  CHECK(by_id == 0);
  CHECK(server.requests().size() <= 4);  // programs, flows, audiences (and nothing per row)

  // A few distinct ids are still read one by one (a listing of every flow is not worth it).
  ScriptedServer few([&](const ext::ServerRequest& req, int) { return ScriptedServer::route(router, req); });
  auto one = run_gomo({"program", "list", "--search", "Program 3"}, "", remote_env(few.base_url(), f.org.api_key));
  REQUIRE_MESSAGE(one.exit_code == 0, one.err);
  CHECK(has(one.out, "Flow 3"));
  CHECK(count_of(few.requests(), "GET /api/flows/" + flow_ids[3]) == 1);
}

}  // namespace gomo::test

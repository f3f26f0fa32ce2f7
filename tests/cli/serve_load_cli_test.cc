// `gomo serve` under load (issue 16): 50 concurrent clients mixing reads and writes for a few
// seconds, with 2% of requests failed on purpose (--fail-rate). No 5xx but the injected 503s, no
// other error, and the workspace holds exactly the contacts whose writes were acknowledged.
// bench/api.sh runs the same mix longer, with wrk, and reports requests/s and peak RSS.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "remote/http_client.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {

using nlohmann::json;

TEST_CASE("cli: serve under 50 concurrent clients: only injected errors, and counts add up") {
  std::string ws = scratch_dir() + "/ws.db";
  auto init = run_gomo({"serve", "--init", "--workspace", ws});
  REQUIRE(init.exit_code == 0);
  const std::string key = init.out.substr(0, 45);
  ServeProcess server({"--workspace", ws, "--fail-rate", "0.02", "--seed", "16"});
  REQUIRE(server.started());

  constexpr int kClients = 50;
  const auto stop_at = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  std::mutex mutex;
  std::set<std::string> acknowledged;  // phones whose create or upsert got a 2xx
  std::map<int, int> statuses;
  std::vector<std::string> unexpected;  // anything but a 2xx or an injected 503
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto options = test_client_options(server.base_url(), key);
      options.max_attempts = 1;  // the server's answers as they are: no retry hides a 503
      auto client = remote::HttpClient::create(options);
      if (!client) return;
      for (int i = 0; i < 100000 && std::chrono::steady_clock::now() < stop_at; ++i) {
        std::vector<std::string> phones;
        std::string method = "POST", path, body;
        char buf[32];
        switch (i % 4) {
          case 0: method = "GET", path = "/users/me"; break;
          case 1: method = "GET", path = "/contact?limit=20"; break;
          case 2:
            std::snprintf(buf, sizeof buf, "+2126%02d%06d", c, i);
            phones = {buf};
            path = "/contact", body = json{{"primaryPhone", buf}, {"firstName", "Load"}}.dump();
            break;
          default: {
            json data = json::array();
            for (int k = 0; k < 5; ++k) {
              std::snprintf(buf, sizeof buf, "+2127%02d%06d", c, i * 5 + k);
              phones.push_back(buf);
              data.push_back({{"primaryPhone", buf}, {"city", "Fes"}});
            }
            path = "/contact/upsert", body = json{{"data", data}}.dump();
          }
        }
        auto r = (*client)->send(method, path, body,
                                 method == "GET" ? remote::Idempotency::kSafe : remote::Idempotency::kUnsafe);
        std::lock_guard<std::mutex> lock(mutex);
        if (!r) {
          unexpected.push_back(method + " " + path + ": " + r.error().message);
          continue;
        }
        ++statuses[r->status];
        bool injected = r->status == 503 && r->body.find("--fail-rate") != std::string::npos;
        if (r->status >= 200 && r->status < 300) {
          acknowledged.insert(phones.begin(), phones.end());
        } else if (!injected) {
          unexpected.push_back(method + " " + path + ": " + std::to_string(r->status) + " " + r->body.substr(0, 200));
        }
      }
    });
  }
  for (auto& t : clients) t.join();

  for (const auto& u : unexpected) CHECK_MESSAGE(false, u);
  int total = 0;
  for (auto [status, n] : statuses) total += n;
  CHECK(total > 500);        // it was load: a few hundred requests a second at the very least
  CHECK(statuses[503] > 0);  // and the injected failures were among them
  auto client = remote::HttpClient::create(test_client_options(server.base_url(), key));
  REQUIRE(client);
  auto list = (*client)->send("GET", "/contact?limit=1", "", remote::Idempotency::kSafe);
  REQUIRE(list);
  REQUIRE(list->status == 200);
  // An injected 503 is answered before the router: nothing of it is stored.
  CHECK(json::parse(list->body).at("meta").at("total").get<size_t>() == acknowledged.size());
}

}  // namespace gomo::test

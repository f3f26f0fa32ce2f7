// `gomo serve` killed with kill -9 in the middle of a stream of writes (issue 16): after each kill
// the workspace opens, passes PRAGMA integrity_check, and every write that got a 2xx answer is
// there exactly once. Writes without an answer may or may not be there, but never twice.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "remote/http_client.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

using nlohmann::json;

// One write the client sent, and what it heard back (0: no answer).
struct Write {
  enum class Kind { kCreate, kUpsert, kProgram, kLaunch } kind;
  std::vector<std::string> keys;  // phones (create, upsert), the program's name, or the launched program's id
  int status = 0;
};

bool ok(int status) { return status >= 200 && status < 300; }

// "+2126" and 8 digits: a valid Moroccan mobile number, distinct for each n.
std::string phone(int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "+2126%08d", n);
  return buf;
}

// Sends writes until the server stops answering (it was killed) or `limit` writes. Each write is one
// attempt: a retry after a lost answer would be the client's doing, not the server's.
void write_until_killed(const std::string& base_url, const std::string& key, const std::string& flow_id,
                        const std::string& audience_id, unsigned seed, int& next_phone, std::vector<Write>& writes) {
  auto options = test_client_options(base_url, key);
  options.max_attempts = 1;
  options.timeout_ms = 3000;
  auto client = remote::HttpClient::create(options);
  if (!client) return;  // on the writer's thread: nothing may throw here (the round then has no writes)
  std::mt19937 dice(seed);
  for (int i = 0; i < 3000; ++i) {
    int roll = static_cast<int>(dice() % 10);
    Write w{Write::Kind::kCreate, {}, 0};
    std::string path, body;
    if (roll < 5) {
      w.keys = {phone(next_phone++)};
      path = "/contact";
      body = json{{"primaryPhone", w.keys[0]}, {"firstName", "Crash"}}.dump();
    } else if (roll < 8) {
      w.kind = Write::Kind::kUpsert;
      json data = json::array();
      for (int k = 0; k < 20; ++k) {
        w.keys.push_back(phone(next_phone++));
        data.push_back({{"primaryPhone", w.keys.back()}, {"city", "Rabat"}});
      }
      path = "/contact/upsert";
      body = json{{"data", data}}.dump();
    } else {
      w.kind = Write::Kind::kProgram;
      w.keys = {"Program " + std::to_string(seed) + "-" + std::to_string(i)};
      path = "/programs";
      body = json{{"name", w.keys[0]}, {"audienceId", audience_id}, {"flowId", flow_id}}.dump();
    }
    auto r = (*client)->send("POST", path, body, remote::Idempotency::kUnsafe);
    if (r) w.status = r->status;
    writes.push_back(w);
    if (!r) return;  // killed
    if (w.kind != Write::Kind::kProgram || !ok(w.status)) continue;
    json program = json::parse(r->body, nullptr, false);
    if (program.is_object() && program.contains("id")) {
      Write launch{Write::Kind::kLaunch, {program["id"].get<std::string>()}, 0};
      auto l = (*client)->send("POST", "/programs/" + launch.keys[0] + "/launch", "", remote::Idempotency::kUnsafe);
      if (l) launch.status = l->status;
      writes.push_back(launch);
      if (!l) return;
    }
  }
}

// Counts of each key in the workspace file, read directly (the server is dead).
struct Stored {
  std::string integrity;
  std::map<std::string, int> phones, program_names, executions_by_program;
};

Stored read_workspace(const std::string& path) {
  Stored s;
  auto ws = store::Workspace::open_existing(path);
  REQUIRE_MESSAGE(ws, ws.error().message());
  std::lock_guard<std::mutex> lock((*ws)->mutex());
  sqlite3* db = (*ws)->connection();
  store::sql::Stmt check(db, "PRAGMA integrity_check");
  while (check.step()) s.integrity += check.text(0);
  store::sql::Stmt contacts(db, "SELECT primary_phone FROM contacts");
  while (contacts.step()) ++s.phones[contacts.text(0)];
  store::sql::Stmt programs(db, "SELECT name FROM programs");
  while (programs.step()) ++s.program_names[programs.text(0)];
  store::sql::Stmt executions(db, "SELECT program_id FROM executions");
  while (executions.step()) ++s.executions_by_program[executions.text(0)];
  return s;
}

int count_of(const std::map<std::string, int>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

}  // namespace

TEST_CASE("cli: serve killed with kill -9 mid-stream keeps every acknowledged write exactly once") {
  const std::string ws = scratch_dir() + "/ws.db";
  auto init = run_gomo({"serve", "--init", "--workspace", ws});
  REQUIRE(init.exit_code == 0);
  const std::string key = init.out.substr(0, 45);

  // What every launch needs: a valid flow and an audience with members.
  std::string flow_id, audience_id;
  {
    ServeProcess server({"--workspace", ws});
    REQUIRE(server.started());
    auto client = remote::HttpClient::create(test_client_options(server.base_url(), key));
    REQUIRE(client);
    json graph = json::parse(
        R"({"startNodeId":"dial","nodes":[{"id":"dial","type":"dial","label":"Call","outputs":{"onAnswer":"bye","default":"bye"}},
            {"id":"bye","type":"hangup","label":"Bye"}]})");
    auto flow = (*client)->send("POST", "/flows", json{{"name", "Crash flow"}, {"graph", graph}}.dump(),
                                remote::Idempotency::kUnsafe);
    REQUIRE(flow);
    REQUIRE_MESSAGE(flow->status == 201, flow->body);
    flow_id = json::parse(flow->body).at("id");
    auto contact = (*client)->send("POST", "/contact", json{{"primaryPhone", phone(99999999)}}.dump(),
                                   remote::Idempotency::kUnsafe);
    REQUIRE(contact);
    REQUIRE(contact->status == 201);
    auto audience = (*client)->send("POST", "/audience", R"({"name":"Crash audience"})", remote::Idempotency::kUnsafe);
    REQUIRE(audience);
    REQUIRE(audience->status == 201);
    audience_id = json::parse(audience->body).at("id");
    auto added =
        (*client)->send("POST", "/audience/" + audience_id + "/add-contacts",
                        json{{"contacts", {json::parse(contact->body).at("id")}}}.dump(), remote::Idempotency::kUnsafe);
    REQUIRE(added);
    REQUIRE_MESSAGE(added->status == 201, added->body);
  }

  std::vector<Write> writes;
  int next_phone = 1;
  for (unsigned seed : {11u, 23u, 37u, 41u}) {
    CAPTURE(seed);
    std::mt19937 dice(seed);
    ServeProcess server({"--workspace", ws});
    REQUIRE(server.started());
    std::thread writer(
        [&] { write_until_killed(server.base_url(), key, flow_id, audience_id, seed, next_phone, writes); });
    // A kill point between 50 and 650 ms into the stream (a few hundred writes at most).
    std::this_thread::sleep_for(std::chrono::milliseconds(50 + dice() % 600));
    server.kill_hard();
    writer.join();

    Stored stored = read_workspace(ws);
    CHECK(stored.integrity == "ok");
    int acknowledged = 0;
    for (const Write& w : writes) {
      for (const std::string& k : w.keys) {
        int n = w.kind == Write::Kind::kProgram  ? count_of(stored.program_names, k)
                : w.kind == Write::Kind::kLaunch ? count_of(stored.executions_by_program, k)
                                                 : count_of(stored.phones, k);
        if (ok(w.status)) {
          ++acknowledged;
          CHECK_MESSAGE(n == 1, k << " answered " << w.status << " is stored " << n << " times");
        } else {
          CHECK_MESSAGE(n <= 1, k << " (no answer) is stored " << n << " times");
        }
      }
    }
    CHECK(acknowledged > 0);
  }
  int launched = 0;
  for (const Write& w : writes) launched += w.kind == Write::Kind::kLaunch && ok(w.status);
  CHECK(launched > 0);  // the stream had launches among its acknowledged writes
  // And the server starts again on what the kills left.
  ServeProcess server({"--workspace", ws});
  REQUIRE(server.started());
  auto client = remote::HttpClient::create(test_client_options(server.base_url(), key));
  REQUIRE(client);
  auto me = (*client)->send("GET", "/users/me", "", remote::Idempotency::kSafe);
  REQUIRE(me);
  CHECK(me->status == 200);
}

}  // namespace gomo::test

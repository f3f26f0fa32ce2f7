// `gomo serve` through the binary: --init, loopback only, auth, the error envelope on the wire.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "api/http_client.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {

using nlohmann::json;

TEST_CASE("cli: serve --init prints a new key once, on stdout alone") {
  std::string dir = scratch_dir();
  auto r = run_gomo({"serve", "--init", "--org-name", "Acme"}, "", {}, dir);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.size() == 46);  // "gomo_" + 40 hex + newline
  CHECK(r.out.rfind("gomo_", 0) == 0);
  CHECK(r.err.find("shown only this once") != std::string::npos);
  CHECK(r.err.find(r.out.substr(0, 45)) == std::string::npos);
  // The default workspace is .gomo/workspace.db in the current directory, and holds no key.
  std::string db = read_file(dir + "/.gomo/workspace.db");
  CHECK_FALSE(db.empty());
  CHECK(db.find(r.out.substr(0, 45)) == std::string::npos);
  // A second --init would make keyless commands ambiguous: refused, with what to do instead.
  auto second = run_gomo({"serve", "--init"}, "", {}, dir);
  CHECK(second.exit_code == 2);
  CHECK(second.out.empty());
  CHECK(second.err.find("already has organisation \"Acme\" (acme); nothing created") != std::string::npos);
  auto added = run_gomo({"serve", "--init", "--add-org"}, "", {}, dir);
  REQUIRE(added.exit_code == 0);
  CHECK(added.out != r.out);
}

TEST_CASE("cli: serve refuses non-loopback addresses and bad flags with exit 2") {
  std::string ws = scratch_dir() + "/ws.db";
  auto remote = run_gomo({"serve", "--listen", "0.0.0.0:0", "--workspace", ws});
  CHECK(remote.exit_code == 2);
  CHECK(remote.err.find("--allow-remote") != std::string::npos);
  CHECK(run_gomo({"serve", "--listen", "127.example.com:0", "--workspace", ws}).exit_code == 2);
  CHECK(run_gomo({"serve", "--listen", "nonsense", "--workspace", ws}).exit_code == 2);
  CHECK(run_gomo({"serve", "--rate-limit", "fast", "--workspace", ws}).exit_code == 2);
  CHECK(run_gomo({"serve", "--fail-rate", "2", "--workspace", ws}).exit_code == 2);
}

TEST_CASE("cli: serve answers 401 without a key, 404 for unknown routes, with the envelope") {
  std::string ws = scratch_dir() + "/ws.db";
  auto init = run_gomo({"serve", "--init", "--workspace", ws});
  REQUIRE(init.exit_code == 0);
  std::string key = init.out.substr(0, 45);
  ServeProcess server({"--workspace", ws});
  REQUIRE(server.started());

  auto anonymous = api::HttpClient::create(test_client_options(server.base_url(), ""));
  REQUIRE(anonymous);
  auto r = (*anonymous)->send("GET", "/users/me", "", api::Idempotency::kSafe);
  REQUIRE(r);
  CHECK(r->status == 401);
  auto envelope = json::parse(r->body);
  for (const char* field : {"code", "message", "fieldErrors", "fieldDetails", "statusCode", "error", "timestamp", "path"}) {
    CHECK_MESSAGE(envelope.contains(field), field);
  }
  CHECK(envelope.at("path") == "/api/users/me");

  auto client = api::HttpClient::create(test_client_options(server.base_url(), key));
  REQUIRE(client);
  auto me = (*client)->send("GET", "/users/me", "", api::Idempotency::kSafe);
  REQUIRE(me);
  CHECK(me->status == 200);
  auto missing = (*client)->send("GET", "/programs-that-do-not-exist", "", api::Idempotency::kSafe);
  REQUIRE(missing);
  CHECK(missing->status == 404);
  auto extra = (*client)->send("POST", "/contact", R"({"primaryPhone":"+212600000001","notes":"x"})",
                               api::Idempotency::kUnsafe);
  REQUIRE(extra);
  CHECK(extra->status == 400);
  CHECK(json::parse(extra->body).at("fieldErrors").at("notes").at(0) == "property notes should not exist");
  std::string err;
  CHECK(server.stop(&err) == 0);  // SIGTERM stops it cleanly
  CHECK(err.find("stopped") != std::string::npos);
}

TEST_CASE("cli: serve exits 5 when the port is taken, even by another gomo serve") {
  ServeProcess first({"--workspace", scratch_dir() + "/a.db"});
  REQUIRE(first.started());
  std::string port = first.base_url().substr(std::string("http://127.0.0.1:").size());
  port = port.substr(0, port.find('/'));
  auto second = run_gomo({"serve", "--listen", "127.0.0.1:" + port, "--workspace", scratch_dir() + "/b.db"}, "", {},
                         "", 10);
  CHECK(second.exit_code == 5);
  CHECK(second.err.find("cannot listen") != std::string::npos);
}

TEST_CASE("cli: serve warns when the workspace has no organisation") {
  ServeProcess server({"--workspace", scratch_dir() + "/empty.db"});
  REQUIRE(server.started());
  std::string err;
  server.stop(&err);
  CHECK(err.find("gomo serve --init") != std::string::npos);
}

}  // namespace gomo::test

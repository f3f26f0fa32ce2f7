// `gomo contacts list` through the binary, against the local workspace and against `gomo serve`,
// and its exit codes: 3 API error, 4 authentication, 5 network.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "remote/remote_platform.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {

using nlohmann::json;

TEST_CASE("cli: contacts list, local workspace and remote alike; exit codes 3, 4, 5") {
  std::string dir = scratch_dir();
  auto init = run_gomo({"serve", "--init"}, "", {}, dir);
  REQUIRE(init.exit_code == 0);
  std::string key = init.out.substr(0, 45);
  std::string workspace = dir + "/.gomo/workspace.db";
  ServeProcess server({"--workspace", workspace});
  REQUIRE(server.started());
  {
    auto p = remote::RemotePlatform::create(test_client_options(server.base_url(), key));
    REQUIRE(p);
    std::vector<api::ContactFields> batch(3);
    for (int i = 0; i < 3; ++i) batch[i].primary_phone = "+21261234567" + std::to_string(i);
    batch[0].first_name = "Amina";
    REQUIRE((*p)->upsert_contacts(batch));
  }

  // Local: the workspace in the current directory, its only organisation.
  auto local = run_gomo({"contacts", "list", "-o", "json"}, "", {"GOMO_API_KEY="}, dir);
  REQUIRE(local.exit_code == 0);
  auto local_json = json::parse(local.out);
  CHECK(local_json.size() == 3);

  // Remote: the same contacts through gomo serve.
  auto remote = run_gomo({"contacts", "list", "-o", "json", "--base-url", server.base_url(), "--api-key-env", "K"}, "",
                         {"K=" + key});
  REQUIRE(remote.exit_code == 0);
  CHECK(json::parse(remote.out) == local_json);

  auto text = run_gomo({"contacts", "list", "--all", "--search", "Amina", "--base-url", server.base_url()}, "",
                       {"GOMO_API_KEY=" + key});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.rfind("ID\tPHONE\tNAME\tCITY\n", 0) == 0);
  CHECK(text.out.find("\t+212612345670\tAmina\t") != std::string::npos);

  auto paged = run_gomo({"contacts", "list", "--limit", "2", "--workspace", workspace}, "", {"GOMO_API_KEY=" + key});
  REQUIRE(paged.exit_code == 0);
  CHECK(paged.err.find("page 1 of 2 (3 contacts)") != std::string::npos);

  // 3: the platform refused the request (a search over 100 characters; --sort-by is checked before sending).
  auto refused = run_gomo({"contacts", "list", "--search", std::string(101, 'a'), "--base-url", server.base_url()}, "",
                          {"GOMO_API_KEY=" + key});
  CHECK(refused.exit_code == 3);
  CHECK(refused.err.find("API error 400 VALIDATION_FAILED") != std::string::npos);
  CHECK(refused.err.find("search: search must be shorter than or equal to 100 characters") != std::string::npos);
  auto unsortable =
      run_gomo({"contacts", "list", "--sort-by", "city", "--base-url", server.base_url()}, "", {"GOMO_API_KEY=" + key});
  CHECK(unsortable.exit_code == 2);
  CHECK(unsortable.err.find("cannot sort by `city`") != std::string::npos);
  // 4: a wrong key (remote and local), or none for a remote.
  auto denied = run_gomo({"contacts", "list", "--base-url", server.base_url()}, "", {"GOMO_API_KEY=gomo_wrong"});
  CHECK(denied.exit_code == 4);
  CHECK(denied.err.find("401") != std::string::npos);
  CHECK(denied.err.find("gomo_wrong") == std::string::npos);
  CHECK(run_gomo({"contacts", "list", "--base-url", server.base_url()}, "", {"GOMO_API_KEY="}).exit_code == 4);
  CHECK(run_gomo({"contacts", "list"}, "", {"GOMO_API_KEY=gomo_wrong"}, dir).exit_code == 4);
  // 5: nothing listens there.
  auto down = run_gomo({"contacts", "list", "--base-url", "http://127.0.0.1:1/api"}, "", {"GOMO_API_KEY=" + key});
  CHECK(down.exit_code == 5);
  // 2: plain http to a non-loopback host is refused before anything is sent.
  auto insecure = run_gomo({"contacts", "list", "--base-url", "http://example.com/api"}, "", {"GOMO_API_KEY=" + key});
  CHECK(insecure.exit_code == 2);
  CHECK(insecure.err.find("--insecure") != std::string::npos);
}

}  // namespace gomo::test

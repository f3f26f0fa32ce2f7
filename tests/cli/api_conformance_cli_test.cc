// The conformance suite (tests/support/conformance.h) through the remote client and the real
// `gomo serve` binary.
#include <doctest/doctest.h>

#include "local/local_operations.h"
#include "local/workspace.h"
#include "tests/support/conformance.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {

using namespace conformance;  // NOLINT

TEST_CASE("cli: api conformance: remote client -> gomo serve binary, bearer auth") {
  std::string dir = scratch_dir();
  std::string workspace = dir + "/ws.db";
  auto a = run_gomo({"serve", "--init", "--workspace", workspace, "--org-name", "Org A"});
  auto b = run_gomo({"serve", "--init", "--add-org", "--workspace", workspace, "--org-name", "Org B"});
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  std::string key_a = a.out.substr(0, a.out.find('\n'));
  std::string key_b = b.out.substr(0, b.out.find('\n'));
  ServeProcess server({"--workspace", workspace});
  REQUIRE(server.started());
  auto options = test_client_options(server.base_url(), key_a);
  options.bearer = true;
  auto p = remote::RemotePlatform::create(options);
  REQUIRE(p);
  auto other = remote(server.base_url(), key_b);
  conformance_suite(**p, *other);
  std::string err;
  CHECK(server.stop(&err) == 0);
  CHECK(err.find(key_a) == std::string::npos);  // keys never logged
}

TEST_CASE("cli: api conformance (programs, calls, media): remote -> gomo serve binary") {
  std::string workspace = scratch_dir() + "/ws.db";
  std::string key_a, key_b, org_a;
  {
    auto orgs = two_orgs(workspace);
    key_a = orgs.a.api_key;
    key_b = orgs.b.api_key;
    org_a = orgs.a.organization.id;
  }
  ServeProcess server({"--workspace", workspace});
  REQUIRE(server.started());
  auto p = remote(server.base_url(), key_a);
  auto other = remote(server.base_url(), key_b);
  auto ws = local::Workspace::open(workspace);  // the dialer's view of the same file
  REQUIRE(ws);
  auto dialer = (*ws)->platform_for(org_a);
  programs_suite(*p, *other, dynamic_cast<local::LocalOperations&>(*dialer));
  CHECK(server.stop() == 0);
}

}  // namespace gomo::test

// The conformance suite (tests/support/conformance.h) on the local workspace directly.
#include <doctest/doctest.h>

#include "local/local_operations.h"
#include "local/workspace.h"
#include "tests/support/conformance.h"
#include "tests/support/test_support.h"

namespace gomo::test {

using namespace conformance;  // NOLINT

TEST_CASE("api conformance: local workspace") {
  auto orgs = two_orgs(scratch_dir() + "/workspace.db");
  auto p = orgs.ws->platform_for(orgs.a.organization.id);
  auto other = orgs.ws->platform_for(orgs.b.organization.id);
  conformance_suite(*p, *other);
}

TEST_CASE("api conformance (programs, calls, media): local workspace") {
  auto orgs = two_orgs(scratch_dir() + "/workspace.db");
  auto p = orgs.ws->platform_for(orgs.a.organization.id);
  auto other = orgs.ws->platform_for(orgs.b.organization.id);
  programs_suite(*p, *other, dynamic_cast<local::LocalOperations&>(*p));
}

}  // namespace gomo::test

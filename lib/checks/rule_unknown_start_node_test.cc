#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("unknown-start-node: suggests the closest id") {
  auto d = test::diags_of(test::check_flow("startNodeId: dail-1\nnodes:\n  - {id: dial-1, type: hangup}\n"),
                          "unknown-start-node");
  REQUIRE(d.size() == 1);
  CHECK(d[0].location.line == 1);
  CHECK(d[0].location.col == 14);
  CHECK(d[0].message.find("did you mean \"dial-1\"?") != std::string::npos);
  CHECK(d[0].fix == "dial-1");
}

TEST_CASE("unknown-start-node: an existing start passes") {
  CHECK(test::diags_of(test::check_loaded_flow("startNodeId: a\nnodes:\n  - {id: a, type: hangup}\n"),
                       "unknown-start-node")
            .empty());
}

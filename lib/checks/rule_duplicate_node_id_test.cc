#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("duplicate-node-id: second definition points at the first") {
  auto d =
      test::diags_of(test::check_flow("startNodeId: a\nnodes:\n  - {id: a, type: hangup}\n  - {id: a, type: hangup}\n"),
                     "duplicate-node-id");
  REQUIRE(d.size() == 1);
  CHECK(d[0].location.line == 4);
  CHECK(d[0].location.col == 10);
  CHECK(d[0].related == "first defined at 3:10");
}

TEST_CASE("duplicate-node-id: unique ids pass") {
  CHECK(test::diags_of(
            test::check_loaded_flow("startNodeId: a\nnodes:\n  - {id: a, type: hangup}\n  - {id: b, type: hangup}\n"),
            "duplicate-node-id")
            .empty());
}

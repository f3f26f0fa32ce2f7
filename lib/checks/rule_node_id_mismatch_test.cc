#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("node-id-mismatch: a map key and its id field differ") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: greet
nodes:
  greet:
    id: greeting
    type: hangup
)"),
                          "node-id-mismatch");
  REQUIRE(d.size() == 1);
  CHECK(d[0].location.line == 4);
  CHECK(d[0].location.col == 9);
  CHECK(d[0].location.pointer == "/nodes/greet/id");
  CHECK(d[0].message.find("node id \"greeting\" differs from its key \"greet\"") == 0);
  CHECK(d[0].message.find("set id to \"greet\"") != std::string::npos);
  CHECK(d[0].fix == "greet");
  CHECK(d[0].related == "the key is at 3:3");
}

TEST_CASE("node-id-mismatch: matching or absent ids, and arrays, pass") {
  CHECK(test::diags_of(
            test::check_loaded_flow("startNodeId: a\nnodes:\n  a: {id: a, type: hangup}\n  b: {type: hangup}\n"),
            "node-id-mismatch")
            .empty());
  CHECK(
      test::diags_of(test::check_loaded_flow("startNodeId: a\nnodes:\n  - {id: a, type: hangup}\n"), "node-id-mismatch")
          .empty());
}

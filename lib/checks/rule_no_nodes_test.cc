#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("no-nodes: an empty nodes list or map") {
  auto all = test::check_flow("startNodeId: a\nnodes: []\n");
  auto d = test::diags_of(all, "no-nodes");
  REQUIRE(d.size() == 1);
  CHECK(d[0].location.line == 2);
  CHECK(d[0].location.col == 8);
  CHECK(d[0].location.pointer == "/nodes");
  CHECK(d[0].message.find("graph.nodes is empty") == 0);
  CHECK(test::diags_of(all, "unknown-start-node").empty());  // one finding, not two
  CHECK(test::diags_of(test::check_flow(R"({"name": "x", "graph": {"startNodeId": "a", "nodes": {}}})", "f.json"),
                       "no-nodes")
            .size() == 1);
}

TEST_CASE("no-nodes: a flow with nodes, or without a nodes field (the schema's), passes") {
  CHECK(test::diags_of(test::check_loaded_flow("startNodeId: a\nnodes:\n  - {id: a, type: hangup}\n"), "no-nodes")
            .empty());
  auto missing = test::check_flow("startNodeId: a\n");  // the schema reports it, not no-nodes
  CHECK(test::diags_of(missing, "no-nodes").empty());
  CHECK_FALSE(test::diags_of(missing, "schema").empty());
}

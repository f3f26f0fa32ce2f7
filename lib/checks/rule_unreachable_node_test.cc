#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("unreachable-node: orphan nodes and nodes only orphans point at") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: a
nodes:
  - {id: a, type: play, outputs: {onComplete: end}}
  - {id: old-menu, type: play, outputs: {onComplete: old-bye}}
  - {id: old-bye, type: hangup}
  - {id: end, type: hangup}
)"),
                          "unreachable-node");
  REQUIRE(d.size() == 2);
  CHECK(d[0].severity == diag::Severity::kWarning);
  CHECK(d[0].location.line == 4);
  CHECK(d[0].location.col == 10);
  CHECK(d[0].message.find("node \"old-menu\" is never reached from the start node \"a\": no output points at it") == 0);
  CHECK(d[1].location.line == 5);
  CHECK(d[1].message.find("only unreachable nodes point at it (\"old-menu\")") != std::string::npos);
}

TEST_CASE("unreachable-node: names the misspelt output that was probably meant for the node") {
  auto d = test::diags_of(
      test::check_flow(
          "startNodeId: a\nnodes:\n  - {id: a, type: play, outputs: {onComplete: hangpu}}\n  - {id: hangup, type: hangup}\n"),
      "unreachable-node");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("output onComplete of node \"a\" points at \"hangpu\", probably meaning this node") !=
        std::string::npos);
}

TEST_CASE("unreachable-node: connected flows pass, and nothing is reported without a start node") {
  CHECK(
      test::diags_of(
          test::check_loaded_flow(
              "startNodeId: a\nnodes:\n  - {id: a, type: play, outputs: {onComplete: b}}\n  - {id: b, type: hangup}\n"),
          "unreachable-node")
          .empty());
  CHECK(test::diags_of(
            test::check_loaded_flow("startNodeId: x\nnodes:\n  - {id: a, type: hangup}\n  - {id: b, type: hangup}\n"),
            "unreachable-node")
            .empty());
}

TEST_CASE("unreachable-node: silenced on one node by a comment or x-gomo-ignore") {
  auto all = test::check_flow(R"(startNodeId: a
nodes:
  - {id: a, type: play, outputs: {onComplete: end}}
  # gomo-ignore: unreachable-node
  - {id: old-menu, type: play, outputs: {onComplete: end}}
  - {id: old-bye, type: hangup, x-gomo-ignore: [unreachable-node]}
  - {id: end, type: hangup}
)");
  CHECK(test::diags_of(all, "unreachable-node").empty());
}

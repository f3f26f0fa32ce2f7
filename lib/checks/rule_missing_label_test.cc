#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("missing-label: suggests a label made from the id") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: play-greeting
nodes:
  - id: play-greeting
    type: play
    config: {audioItems: [{type: audioFile, audioId: x}]}
    outputs: {onComplete: endCall}
  - {id: endCall, type: hangup, label: ""}
)"),
                          "missing-label");
  REQUIRE(d.size() == 2);
  CHECK(d[0].severity == diag::Severity::kInfo);
  CHECK(d[0].location.line == 3);
  CHECK(d[0].location.col == 9);
  CHECK(
      d[0].message ==
      "node \"play-greeting\" has no label; labels name nodes in the Gomobile editor and in graphs: add e.g. label: Play greeting");
  CHECK(d[1].message.find("label: End call") != std::string::npos);
}

TEST_CASE("missing-label: labelled nodes pass") {
  CHECK(test::diags_of(test::check_loaded_flow("startNodeId: a\nnodes:\n  - {id: a, type: hangup, label: Goodbye}\n"),
                       "missing-label")
            .empty());
}

#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("missing-outputs: a play without outputs, and a dtmf with an empty outputs map") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: greet
nodes:
  - id: greet
    type: play
    config: {audioItems: [{type: audioFile, audioId: hello}]}
  - id: ask
    type: dtmf
    outputs: {branches: {}}
  - id: bye
    type: hangup
)"),
                          "missing-outputs");
  REQUIRE(d.size() == 2);
  CHECK(d[0].location.line == 3);
  CHECK(d[0].location.col == 9);
  CHECK(d[0].message.find("play node \"greet\" has no outputs, so the call would end here without a hangup") == 0);
  CHECK(d[0].message.find("e.g. onComplete: bye, or make it a hangup") != std::string::npos);
  CHECK(d[1].location.line == 8);  // the outputs key
  CHECK(d[1].location.col == 5);
  CHECK(d[1].message.find("e.g. onSuccess: bye") != std::string::npos);
}

TEST_CASE("missing-outputs: hangups, unknown types and wrong-typed outputs are not this rule's") {
  auto all = test::check_flow(R"(startNodeId: a
nodes:
  - {id: a, type: play, outputs: {onComplete: b}}
  - {id: b, type: hangup}
  - {id: c, type: jump}
  - {id: d, type: play, outputs: next}
)");
  CHECK(test::diags_of(all, "missing-outputs").empty());
}

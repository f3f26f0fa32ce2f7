#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("unknown-target: output and branch targets that do not exist") {
  auto d = test::diags_of(test::check_flow(R"({"startNodeId": "m", "nodes": [
  {"id": "m", "type": "dtmf", "outputs": {"branches": {"1": "hangpu"}, "onTimeout": "nowhere"}},
  {"id": "hangup", "type": "hangup"}]})",
                                           "f.json"),
                          "unknown-target");
  REQUIRE(d.size() == 2);
  CHECK(d[0].message.find("branch \"1\"") == 0);
  CHECK(d[0].message.find("did you mean \"hangup\"?") != std::string::npos);
  CHECK(d[0].location.pointer == "/nodes/0/outputs/branches/1");
  CHECK(d[1].location.line == 2);
  CHECK(d[1].location.pointer == "/nodes/0/outputs/onTimeout");
}

TEST_CASE("unknown-target: existing targets pass") {
  CHECK(
      test::diags_of(
          test::check_loaded_flow(
              "startNodeId: a\nnodes:\n  - {id: a, type: play, outputs: {onComplete: b}}\n  - {id: b, type: hangup}\n"),
          "unknown-target")
          .empty());
}

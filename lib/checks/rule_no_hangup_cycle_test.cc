#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("no-hangup-cycle: a menu loop with no way out, reported once at its first node") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: dial
nodes:
  - {id: dial, type: dial, outputs: {onAnswer: menu, default: bye}}
  - {id: menu, type: dtmf, outputs: {branches: {"1": info}, onTimeout: again, onInvalid: again}}
  - {id: info, type: play, outputs: {onComplete: menu}}
  - {id: again, type: play, outputs: {onComplete: menu}}
  - {id: bye, type: hangup}
)"),
                          "no-hangup-cycle");
  REQUIRE(d.size() == 1);
  CHECK(d[0].location.line == 4);
  CHECK(d[0].location.col == 10);
  CHECK(d[0].message.find("nodes \"menu\", \"info\" and \"again\" form a loop that never reaches a hangup") == 0);
  CHECK(d[0].message.find("add an exit, e.g. `onMaxRetries: bye` on node \"menu\"") != std::string::npos);
}

TEST_CASE("no-hangup-cycle: a node looping to itself") {
  auto d = test::diags_of(test::check_flow(R"({"startNodeId": "p", "nodes": [
  {"id": "p", "type": "play", "outputs": {"onComplete": "p"}}]})",
                                           "f.json"),
                          "no-hangup-cycle");
  REQUIRE(d.size() == 1);
  CHECK(d[0].location.line == 2);
  CHECK(d[0].message.find("node \"p\" loops back to itself") == 0);
  CHECK(d[0].message.find("point one of the loop's outputs at a hangup node") != std::string::npos);
}

TEST_CASE("no-hangup-cycle: loops that can exit, and dead ends other rules report, pass") {
  CHECK(test::diags_of(test::check_loaded_flow(R"(startNodeId: menu
nodes:
  - {id: menu, type: dtmf, outputs: {branches: {"1": bye}, onTimeout: again, onMaxRetries: bye}}
  - {id: again, type: play, outputs: {onComplete: menu}}
  - {id: bye, type: hangup}
)"),
                       "no-hangup-cycle")
            .empty());
  // `gone` does not exist: unknown-target reports it; the loop can leave through it.
  CHECK(test::diags_of(test::check_loaded_flow(R"(startNodeId: a
nodes:
  - {id: a, type: play, outputs: {onComplete: b}}
  - {id: b, type: play, outputs: {onComplete: a, onError: gone}}
)"),
                       "no-hangup-cycle")
            .empty());
}

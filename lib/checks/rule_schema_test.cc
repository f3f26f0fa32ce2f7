#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;
using test::check_flow;
using test::diags_of;

static const char* kGood = R"(name: ok
graph:
  startNodeId: a
  nodes:
    - id: a
      type: play
      label: Hello
      config:
        audioItems:
          - {type: audioFile, audioId: hello}
      outputs: {onComplete: b}
    - id: b
      type: hangup
      label: Bye
)";

TEST_CASE("schema: a well-formed flow has no shape errors") {
  auto d = check_flow(kGood);
  CHECK(diags_of(d, "schema").empty());
  CHECK(diags_of(d, "unknown-output").empty());
}

TEST_CASE("schema: unknown field with did-you-mean, at the key's line:col") {
  std::string text = kGood;
  text.replace(text.find("label: Hello"), 12, "lable: Hello");
  auto d = diags_of(check_flow(text), "schema");
  REQUIRE(d.size() == 1);
  CHECK(d[0].location.line == 7);
  CHECK(d[0].location.col == 7);
  CHECK(d[0].location.pointer == "/graph/nodes/0/lable");
  CHECK(d[0].message.find("did you mean label?") != std::string::npos);
  CHECK(d[0].fix == "label");
}

TEST_CASE("unknown-output: onEnd on a play node suggests onComplete") {
  std::string text = kGood;
  text.replace(text.find("onComplete: b"), 13, "onEnd: b");
  auto d = diags_of(check_flow(text), "unknown-output");
  REQUIRE(d.size() == 1);
  CHECK(
      d[0].message ==
      "unknown output `onEnd` for a play node: expected one of onComplete, onError, default; did you mean onComplete?");
  CHECK(d[0].location.line == 11);
  CHECK(d[0].location.pointer == "/graph/nodes/0/outputs/onEnd");
}

TEST_CASE("unknown-node-type and wrong types") {
  std::string text = kGood;
  text.replace(text.find("type: play"), 10, "type: plya");
  auto d = check_flow(text);
  auto t = diags_of(d, "unknown-node-type");
  REQUIRE(t.size() == 1);
  CHECK(t[0].message.find("did you mean \"play\"?") != std::string::npos);
  CHECK(t[0].location.line == 6);
  CHECK(t[0].location.col == 13);
}

TEST_CASE("hangup-outputs: a hangup node with outputs") {
  std::string text = std::string(kGood) + "      outputs: {onComplete: a}\n";
  auto d = diags_of(check_flow(text), "hangup-outputs");
  REQUIRE(d.size() == 1);
  CHECK(d[0].location.line == 15);
}

TEST_CASE("schema: missing graph fields and the bare graph form") {
  auto d = diags_of(check_flow("name: x\ngraph:\n  nodes: []\n"), "schema");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "missing required field `startNodeId` in graph");
  CHECK(diags_of(check_flow("startNodeId: a\nnodes:\n  a: {type: hangup, label: End}\n"), "schema").empty());
}

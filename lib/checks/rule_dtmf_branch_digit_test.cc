#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("dtmf-branch-digit: single_digit keys that are not one key, or not allowed") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: menu
nodes:
  - id: menu
    type: dtmf
    config:
      singleDigitConfig: {allowedDigits: ["1", "2"]}
    outputs:
      branches:
        "1": bye
        "3": bye
        "10": bye
      onTimeout: bye
  - {id: bye, type: hangup}
)"),
                          "dtmf-branch-digit");
  REQUIRE(d.size() == 2);
  CHECK(d[0].location.line == 10);
  CHECK(d[0].location.col == 9);
  CHECK(d[0].location.pointer == "/nodes/0/outputs/branches/3");
  CHECK(
      d[0].message.find(
          "branch \"3\" of dtmf node \"menu\" can never be taken: 3 is not in singleDigitConfig.allowedDigits (1, 2)") ==
      0);
  CHECK(d[0].message.find("add \"3\" to allowedDigits, or remove the branch") != std::string::npos);
  CHECK(d[1].location.line == 11);
  CHECK(d[1].message.find("in single_digit mode a branch key is one key, 0-9, * or #") != std::string::npos);
}

TEST_CASE("dtmf-branch-digit: multi_digit keys outside min/maxDigits, with other characters, or the terminator") {
  auto d = test::diags_of(test::check_flow(R"({"startNodeId": "pin", "nodes": [
  {"id": "pin", "type": "dtmf",
   "config": {"mode": "multi_digit", "multiDigitConfig": {"minDigits": 4, "maxDigits": 4, "terminator": "#"}},
   "outputs": {"branches": {"1234": "bye", "12": "bye", "12a4": "bye", "123#": "bye"}, "default": "bye"}},
  {"id": "bye", "type": "hangup"}]})",
                                           "f.json"),
                          "dtmf-branch-digit");
  REQUIRE(d.size() == 3);
  CHECK(d[0].location.line == 4);
  CHECK(d[0].location.col == 44);
  CHECK(d[0].message.find("it has 2 digits but multiDigitConfig accepts 4 to 4") != std::string::npos);
  CHECK(d[1].message.find("keys 0-9, * and # only") != std::string::npos);
  CHECK(d[2].message.find("contains the terminator key #") != std::string::npos);
}

TEST_CASE("dtmf-branch-digit: valid keys pass") {
  CHECK(test::diags_of(test::check_loaded_flow(R"(startNodeId: m
nodes:
  - id: m
    type: dtmf
    config: {singleDigitConfig: {allowedDigits: ["1", "*"]}}
    outputs: {branches: {"1": b, "*": b}, default: b}
  - id: p
    type: dtmf
    config: {mode: multi_digit, multiDigitConfig: {minDigits: 2}}
    outputs: {branches: {"12": b, "9999": b}, default: b}
  - {id: b, type: hangup}
)"),
                       "dtmf-branch-digit")
            .empty());
}

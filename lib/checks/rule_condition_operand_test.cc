#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

namespace {
std::string condition_flow(const std::string& clause) {
  return "startNodeId: c\nnodes:\n  - id: c\n    type: condition\n    config: " + clause +
         "\n    outputs: {onTrue: b, onFalse: b}\n  - {id: b, type: hangup}\n";
}
}  // namespace

TEST_CASE("condition-operand: operands that do not fit the operator") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: c
nodes:
  - id: c
    type: condition
    config:
      all:
        - {left: {source: variable, name: x}, operator: is_empty, right: ""}
        - {left: {source: variable, name: x}, operator: equals}
        - {left: {source: variable, name: x}, operator: in, right: "1,2"}
        - {left: {source: variable, name: x}, operator: gt, right: lots}
        - {left: {source: variable, name: x}, operator: lte, right: {source: literal, value: true}}
        - {left: {source: variable, name: x}, operator: equals, right: ["1", "2"]}
    outputs: {onTrue: b, onFalse: b}
  - {id: b, type: hangup}
)"),
                          "condition-operand");
  REQUIRE(d.size() == 6);
  CHECK(d[0].location.line == 7);
  CHECK(d[0].location.col == 67);  // the `right` key
  CHECK(d[0].message.find(
            "operator is_empty tests `left` alone and takes no right operand (condition of node \"c\")") == 0);
  CHECK(d[1].location.line == 8);
  CHECK(d[1].location.col == 57);  // the operator
  CHECK(d[1].message.find("operator equals needs a right operand") == 0);
  CHECK(d[2].message.find("operator in needs a list on the right, but it is the string \"1,2\"") == 0);
  CHECK(d[3].location.line == 10);
  CHECK(d[3].location.col == 68);
  CHECK(d[3].message.find("operator gt compares numbers or dates, but the right operand is the string \"lots\"") == 0);
  CHECK(d[4].message.find("but the right operand is true") != std::string::npos);
  CHECK(d[5].message.find("a list on the right only fits operator in, not equals") == 0);
}

TEST_CASE("condition-operand: fitting operands pass, including numeric strings and ISO dates") {
  for (const char* clause : {
           "{left: {source: variable, name: x}, operator: is_not_empty}",
           "{left: {source: variable, name: x}, operator: gt, right: 10}",
           "{left: {source: variable, name: x}, operator: gte, right: \"10.5\"}",
           "{left: {source: variable, name: x}, operator: lt, right: \"2024-12-31\"}",
           "{left: {source: variable, name: x}, operator: lt, right: \"2024-12-31T09:30:00+01:00\"}",
           "{left: {source: variable, name: x}, operator: lte, right: {source: variable, name: y}}",
           "{left: {source: variable, name: x}, operator: in, right: [\"1\", \"2\"]}",
           "{left: {source: variable, name: x}, operator: equals, right: {source: literal, value: \"1\"}}",
       }) {
    INFO(clause);
    CHECK(test::diags_of(test::check_loaded_flow(condition_flow(clause)), "condition-operand").empty());
  }
}

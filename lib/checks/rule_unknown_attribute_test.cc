#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

namespace {
const char* kFlow = R"(startNodeId: c
nodes:
  - id: c
    type: condition
    config: {left: {source: customAttribute, attributeName: balanse}, operator: gt, right: 0}
    outputs: {onTrue: p, onFalse: p}
  - id: p
    type: play
    config:
      audioItems:
        - {type: tts, text: "You owe {contact.customAttributes.amountDue} dirhams"}
    outputs: {onComplete: b}
  - {id: b, type: hangup}
)";

checks::ValidateOptions with_catalog() {
  checks::ValidateOptions options;
  options.check.has_attribute_catalog = true;
  options.check.attribute_names = {"balance", "plan"};
  return options;
}
}  // namespace

TEST_CASE("unknown-attribute: customAttribute sources and tts placeholders outside the catalog") {
  auto d = test::diags_of(test::check_flow(kFlow, "flow.yaml", with_catalog()), "unknown-attribute");
  REQUIRE(d.size() == 2);
  CHECK(d[0].location.line == 5);
  CHECK(d[0].location.col == 61);
  CHECK(d[0].message ==
        "custom attribute \"balanse\" (node \"c\") is not in the attribute catalog; did you mean \"balance\"?");
  CHECK(d[0].fix == "balance");
  CHECK(d[1].location.line == 11);
  CHECK(d[1].message.find("custom attribute \"amountDue\" (node \"p\")") == 0);
  CHECK(d[1].fix.empty());  // the location is the whole text, not the name
}

TEST_CASE("unknown-attribute: known names pass, and nothing is checked without a catalog") {
  CHECK(test::diags_of(test::check_loaded_flow(kFlow), "unknown-attribute").empty());
  auto options = with_catalog();
  options.check.attribute_names = {"balanse", "amountDue"};
  CHECK(test::diags_of(test::check_loaded_flow(kFlow, "flow.yaml", options), "unknown-attribute").empty());
}

#include <doctest/doctest.h>

#include "programs/rule_test_support.h"

namespace gomo::programs {

TEST_CASE("unknown-flow, unknown-audience, unknown-did, ambiguous-reference: against a catalog") {
  ProgramCatalog catalog;
  catalog.flows = {{"f1", "Reminder v2"}, {"f2", "Survey"}};
  catalog.audiences = {{"a1", "Debtors"}, {"a2", "Debtors"}};
  catalog.dids = {{"d1", "+212800000000"}};
  const std::string text = std::string(test::kHead) + "dids: ['+212800000001', '+212800000000']\n";
  auto flow = test::findings(text, "unknown-flow", &catalog);
  REQUIRE(flow.size() == 1);
  CHECK(flow[0].location.line == 2);
  CHECK(flow[0].message.find("no flow `Reminder` on the target; did you mean Reminder v2?") != std::string::npos);
  auto audience = test::findings(text, "ambiguous-reference", &catalog);
  REQUIRE(audience.size() == 1);
  CHECK(audience[0].location.line == 3);
  CHECK(audience[0].message.find("(a1, a2)") != std::string::npos);
  auto did = test::findings(text, "unknown-did", &catalog);
  REQUIRE(did.size() == 1);
  CHECK(did[0].location.col == 8);
  CHECK(test::findings(text, "unknown-flow", nullptr).empty());  // offline: not checked

  // By id, and a DID by number without its +.
  CHECK(resolve_reference(catalog.flows, "f2").size() == 1);
  CHECK(resolve_reference(catalog.dids, "+212800000000").size() == 1);
}

}  // namespace gomo::programs

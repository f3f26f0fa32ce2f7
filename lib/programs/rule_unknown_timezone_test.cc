#include <doctest/doctest.h>

#include "programs/rule_test_support.h"

namespace gomo::programs {

TEST_CASE("unknown-timezone: names outside the tz database, with a guess") {
  auto found = test::findings(std::string(test::kHead) + "timezone: Africa/Casablanka\n", "unknown-timezone");
  REQUIRE(found.size() == 1);
  CHECK(found[0].location.line == 4);
  CHECK(found[0].location.col == 11);
  CHECK(found[0].message.find("did you mean Africa/Casablanca?") != std::string::npos);
  CHECK(found[0].fix == "Africa/Casablanca");
  CHECK(test::findings(std::string(test::kHead) + "timezone: Europe/Paris\n", "unknown-timezone").empty());
}

}  // namespace gomo::programs

#include <doctest/doctest.h>

#include "programs/rule_test_support.h"
#include "programs/time_zone.h"

namespace gomo::programs {

TEST_CASE("unknown-timezone: names outside the tz database, with a guess") {
  CHECK(is_known_time_zone("Africa/Casablanca"));
  CHECK(is_known_time_zone("UTC"));
  CHECK_FALSE(is_known_time_zone("../etc/passwd"));
  CHECK_FALSE(is_known_time_zone("Mars/Olympus"));
  auto found = test::findings(std::string(test::kHead) + "timezone: Africa/Casablanka\n", "unknown-timezone");
  REQUIRE(found.size() == 1);
  CHECK(found[0].location.line == 4);
  CHECK(found[0].location.col == 11);
  CHECK(found[0].message.find("did you mean Africa/Casablanca?") != std::string::npos);
  CHECK(found[0].fix == "Africa/Casablanca");
  CHECK(test::findings(std::string(test::kHead) + "timezone: Europe/Paris\n", "unknown-timezone").empty());
}

}  // namespace gomo::programs

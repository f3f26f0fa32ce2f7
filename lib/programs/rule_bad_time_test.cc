#include <doctest/doctest.h>

#include "programs/rule_test_support.h"

namespace gomo::programs {

TEST_CASE("bad-time: instants without an offset and window times that are not HH:MM") {
  auto found = test::findings(std::string(test::kHead) +
                                  "startAt: 2026-03-01 09:00\n"
                                  "stopAt: '2026-03-31T18:00:00Z'\n"
                                  "pauseWindows:\n"
                                  "  monday: [{startAt: '9h', endAt: '10:00'}]\n",
                              "bad-time");
  REQUIRE(found.size() == 2);
  CHECK(found[0].location.line == 4);
  CHECK(found[0].location.col == 10);
  CHECK(found[0].message.find("UTC offset") != std::string::npos);
  CHECK(found[1].location.line == 7);
  CHECK(found[1].message.find("HH:MM") != std::string::npos);
  CHECK(test::findings(std::string(test::kHead) + "startAt: '2026-03-01T09:00:00+01:00'\n", "bad-time").empty());
}

}  // namespace gomo::programs

#include <doctest/doctest.h>

#include "programs/rule_test_support.h"

namespace gomo::programs {

TEST_CASE("inverted-pause-window: a range ending before it starts, an empty weekday window") {
  auto found = test::findings(std::string(test::kHead) +
                                  "pauseWindows:\n"
                                  "  monday: [{startAt: '20:00', endAt: '09:00'}, {startAt: '12:00', endAt: '12:00'}]\n"
                                  "  advanced:\n"
                                  "    - {startAt: '2026-03-21T00:00:00Z', endAt: '2026-03-20T00:00:00Z'}\n",
                              "inverted-pause-window");
  REQUIRE(found.size() == 2);  // 20:00-09:00 spans midnight: no finding
  CHECK(found[0].location.line == 5);
  CHECK(found[0].message.find("pauses nothing") != std::string::npos);
  CHECK(found[1].location.line == 7);
  CHECK(found[1].message.find("swap startAt and endAt") != std::string::npos);
}

}  // namespace gomo::programs

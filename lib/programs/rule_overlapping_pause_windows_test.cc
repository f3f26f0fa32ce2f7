#include <doctest/doctest.h>

#include "programs/rule_test_support.h"

namespace gomo::programs {

TEST_CASE("overlapping-pause-windows: same day, across midnight, and pause ranges") {
  auto found = test::findings(std::string(test::kHead) +
                                  "pauseWindows:\n"
                                  "  monday:\n"
                                  "    - {startAt: '12:00', endAt: '14:00'}\n"
                                  "    - {startAt: '13:30', endAt: '15:00'}\n"
                                  "    - {startAt: '22:00', endAt: '08:00'}\n"
                                  "  tuesday: [{startAt: '07:00', endAt: '07:30'}]\n"
                                  "  advanced:\n"
                                  "    - {startAt: '2026-03-20T00:00:00Z', endAt: '2026-03-22T00:00:00Z'}\n"
                                  "    - {startAt: '2026-03-21T00:00:00Z', endAt: '2026-03-23T00:00:00Z'}\n",
                              "overlapping-pause-windows");
  REQUIRE(found.size() == 3);
  CHECK(found[0].location.line == 7);
  CHECK(found[0].location.col == 7);
  CHECK(found[0].message.find("overlaps monday 12:00-14:00 at 6:7") != std::string::npos);
  CHECK(found[1].location.line == 9);
  CHECK(found[1].message.find("spans midnight into tuesday") != std::string::npos);
  CHECK(found[2].location.line == 12);
  CHECK(test::findings(std::string(test::kHead) +
                           "pauseWindows:\n  monday: [{startAt: '12:00', endAt: '14:00'}, {startAt: '14:00', endAt: "
                           "'15:00'}]\n",
                       "overlapping-pause-windows")
            .empty());
}

}  // namespace gomo::programs

#include <doctest/doctest.h>

#include "programs/rule_test_support.h"

namespace gomo::programs {

TEST_CASE("stop-before-start: stopAt at or before startAt, offsets taken into account") {
  auto found = test::findings(std::string(test::kHead) +
                                  "startAt: '2026-03-02T09:00:00+01:00'\n"
                                  "stopAt: '2026-03-02T08:00:00Z'\n",
                              "stop-before-start");
  REQUIRE(found.size() == 1);  // 08:00Z is 09:00+01:00: the same instant
  CHECK(found[0].location.line == 5);
  CHECK(found[0].message.find("is not after startAt") != std::string::npos);
  CHECK(test::findings(
            std::string(test::kHead) + "startAt: '2026-03-02T09:00:00+01:00'\nstopAt: '2026-03-02T08:00:01Z'\n",
            "stop-before-start")
            .empty());
}

}  // namespace gomo::programs

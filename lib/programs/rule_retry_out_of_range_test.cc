#include <doctest/doctest.h>

#include "programs/rule_test_support.h"

namespace gomo::programs {

TEST_CASE("retry-out-of-range: delay below a minute, maxRetries over 100, dates out of order") {
  auto fixed =
      test::findings(std::string(test::kHead) + "retry: {type: fixed_delay, delayMinutes: 0, maxRetries: 101}\n",
                     "retry-out-of-range");
  REQUIRE(fixed.size() == 2);
  CHECK(fixed[0].location.line == 4);
  CHECK(fixed[0].message.find("at least 1 minute") != std::string::npos);
  CHECK(fixed[0].fix == "1");
  CHECK(fixed[1].message.find("0 to 100") != std::string::npos);

  auto dates = test::findings(std::string(test::kHead) +
                                  "retry:\n  type: scheduled\n  retryDates: ['2026-03-02T10:00:00Z', "
                                  "'2026-03-01T10:00:00Z']\n",
                              "retry-out-of-range");
  REQUIRE(dates.size() == 1);
  CHECK(dates[0].location.line == 6);
  CHECK(dates[0].message.find("time order") != std::string::npos);

  CHECK(test::findings(std::string(test::kHead) + "retry: {type: fixed_delay, delayMinutes: 30, maxRetries: 3}\n",
                       "retry-out-of-range")
            .empty());
}

}  // namespace gomo::programs

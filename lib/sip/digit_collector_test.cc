#include "sip/digit_collector.h"

#include <doctest/doctest.h>

namespace gomo::sip {

TEST_CASE("digit collector: single digit takes the first key") {
  engine::DigitRequest request;
  request.timeout_ms = 5000;
  DigitCollector c(request, 1000);
  CHECK(c.deadline_ms() == 6000);
  CHECK(c.press('7', 2000));
  CHECK(c.digits() == "7");
  CHECK(c.press('8', 2100));  // already done: the key is not taken
  CHECK(c.digits() == "7");
}

TEST_CASE("digit collector: multi digit until the terminator, which is not kept") {
  engine::DigitRequest request;
  request.single_digit = false;
  request.max_digits = 6;
  request.timeout_ms = 3000;
  DigitCollector c(request, 0);
  CHECK_FALSE(c.press('1', 500));
  CHECK(c.deadline_ms() == 3500);  // the timeout runs again after each key
  CHECK_FALSE(c.press('2', 1000));
  CHECK(c.press('#', 1200));
  CHECK(c.digits() == "12");
}

TEST_CASE("digit collector: multi digit stops at max_digits; no terminator means # is a key") {
  engine::DigitRequest request;
  request.single_digit = false;
  request.max_digits = 3;
  request.terminator = '\0';
  DigitCollector c(request, 0);
  CHECK_FALSE(c.press('#', 10));
  CHECK_FALSE(c.press('4', 20));
  CHECK(c.press('5', 30));
  CHECK(c.digits() == "#45");
}

}  // namespace gomo::sip

#include "report/colour.h"

#include <doctest/doctest.h>

#include <string>

namespace gomo::report {

TEST_CASE("paint: the ANSI sequences gomo has always printed, built by rang") {
  CHECK(std::string(paint(Paint::kReset, true)) == "\033[0m");
  CHECK(std::string(paint(Paint::kBold, true)) == "\033[1m");
  CHECK(std::string(paint(Paint::kDim, true)) == "\033[2m");
  CHECK(std::string(paint(Paint::kGreen, true)) == "\033[32m");
  CHECK(std::string(paint(Paint::kRed, true)) == "\033[31m");
  CHECK(std::string(paint(Paint::kBoldRed, true)) == "\033[1;31m");
  CHECK(std::string(paint(Paint::kBoldYellow, true)) == "\033[1;33m");
  CHECK(std::string(paint(Paint::kBoldCyan, true)) == "\033[1;36m");
}

TEST_CASE("paint: nothing when colour is off") {
  for (Paint p : {Paint::kReset, Paint::kBold, Paint::kBoldRed, Paint::kGreen})
    CHECK(std::string(paint(p, false)).empty());
}

}  // namespace gomo::report

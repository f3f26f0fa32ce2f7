#include "base/time.h"

#include <doctest/doctest.h>

namespace gomo {
namespace {

TEST_CASE("now_iso: ISO 8601 UTC with milliseconds") {
  std::string t = now_iso();
  REQUIRE(t.size() == 24);  // 2026-11-23T14:10:00.123Z
  CHECK(t[4] == '-');
  CHECK(t[10] == 'T');
  CHECK(t[19] == '.');
  CHECK(t.back() == 'Z');
  CHECK(t.substr(0, 2) == "20");
}

}  // namespace
}  // namespace gomo

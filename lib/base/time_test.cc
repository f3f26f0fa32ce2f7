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

TEST_CASE("parse_duration_ms: ms, s, m or plain seconds") {
  CHECK(parse_duration_ms("500ms") == 500);
  CHECK(parse_duration_ms("30s") == 30000);
  CHECK(parse_duration_ms("30") == 30000);
  CHECK(parse_duration_ms("1.5s") == 1500);
  CHECK(parse_duration_ms("0.25") == 250);
  CHECK(parse_duration_ms("2m") == 120000);
  CHECK(parse_duration_ms("0") == 0);
  for (const char* bad : {"", "s", "-1", "30 s", "30sec", "1h", "fast", "1e9", "nan", "+5"}) {
    CHECK_MESSAGE(!parse_duration_ms(bad), bad);
  }
}

TEST_CASE("format_duration_ms: a spelling that reads back") {
  CHECK(format_duration_ms(500) == "500ms");
  CHECK(format_duration_ms(30000) == "30s");
  CHECK(format_duration_ms(1500) == "1.5s");
  CHECK(format_duration_ms(60000) == "60s");
  CHECK(format_duration_ms(600000) == "10m");
  CHECK(format_duration_ms(0) == "0s");
  for (long long ms : {1LL, 999LL, 1001LL, 61000LL, 90000LL, 120000LL, 3600000LL})
    CHECK(parse_duration_ms(format_duration_ms(ms)) == ms);
}

}  // namespace
}  // namespace gomo

#include "calls/call_options.h"

#include <doctest/doctest.h>

#include "api/validate_programs.h"

namespace gomo::calls {
namespace {

// 2026-06-01T12:00:00Z
const long long kNow = *api::parse_iso_instant_ms("2026-06-01T12:00:00Z");

std::string retry_message(const std::string& text) {
  auto r = parse_retry(text, kNow);
  REQUIRE_FALSE(r);
  return r.error().message();
}

}  // namespace

TEST_CASE("parse_retry: the three forms, in the program spelling") {
  auto none = parse_retry("none", kNow);
  REQUIRE(none);
  CHECK(none->type == "none");

  auto fixed = parse_retry("fixed_delay:30m:3", kNow);
  REQUIRE(fixed);
  CHECK(fixed->type == "fixed_delay");
  CHECK(fixed->delay_ms == 30 * 60'000);
  CHECK(fixed->max_retries == 3);
  CHECK(parse_retry("fixed_delay:45:0", kNow)->delay_ms == 45 * 60'000);  // plain minutes, as delayMinutes
  CHECK(parse_retry("fixed_delay:2h:1", kNow)->delay_ms == 2 * 3'600'000);

  auto scheduled = parse_retry("scheduled:2026-06-01T13:00:00Z,2026-06-02T09:00:00+01:00", kNow);
  REQUIRE(scheduled);
  CHECK(scheduled->type == "scheduled");
  CHECK(scheduled->dates == std::vector<std::string>{"2026-06-01T13:00:00Z", "2026-06-02T09:00:00+01:00"});
}

TEST_CASE("parse_retry: out of range and malformed values say what is wrong") {
  CHECK(retry_message("fixed_delay:0:3") ==
        "--retry fixed_delay:0:3: the delay must be between 1 minute and 24 hours (1440m), not 0 minutes");
  CHECK(retry_message("fixed_delay:25h:3").find("not 1500 minutes") != std::string::npos);
  CHECK(retry_message("fixed_delay:30m:11") == "--retry fixed_delay:30m:11: at most 10 retries, not 11");
  CHECK(retry_message("fixed_delay:30m:-1").find("is not a whole number") != std::string::npos);
  CHECK(retry_message("fixed_delay:30s:1").find("is not minutes") != std::string::npos);
  CHECK(retry_message("fixed_delay:30m").find("fixed_delay:30m:3") != std::string::npos);
  CHECK(retry_message("scheduled:2026-05-01T09:00:00Z") ==
        "--retry scheduled:2026-05-01T09:00:00Z: "
        "2026-05-01T09:00:00Z is in the past");
  CHECK(retry_message("scheduled:2026-06-03T09:00:00Z,2026-06-02T09:00:00Z").find("ascending") != std::string::npos);
  CHECK(retry_message("scheduled:2026-06-03 09:00").find("with a timezone") != std::string::npos);
  CHECK(retry_message("scheduled:").find("takes dates") != std::string::npos);
  CHECK(retry_message("sometimes").find("expected none, fixed_delay:DELAY:MAX") != std::string::npos);
}

TEST_CASE("parse_start_at: ISO 8601 with a timezone or a time from now; never the past") {
  CHECK(*parse_start_at("2026-06-01T14:00:00+01:00", kNow) == "2026-06-01T13:00:00.000Z");
  CHECK(*parse_start_at("+10m", kNow) == "2026-06-01T12:10:00.000Z");
  CHECK(*parse_start_at("+90s", kNow) == "2026-06-01T12:01:30.000Z");
  CHECK(*parse_start_at("+2h", kNow) == "2026-06-01T14:00:00.000Z");
  CHECK(*parse_start_at("+1d", kNow) == "2026-06-02T12:00:00.000Z");
  auto past = parse_start_at("2026-06-01T11:59:00Z", kNow);
  REQUIRE_FALSE(past);
  CHECK(past.error().message() == "--at 2026-06-01T11:59:00Z: that time is past; give a later one, or +10m");
  CHECK_FALSE(parse_start_at("tomorrow", kNow));
  CHECK_FALSE(parse_start_at("2026-06-02T09:00:00", kNow));  // no timezone
  CHECK_FALSE(parse_start_at("+10", kNow));
  CHECK_FALSE(parse_start_at("+m", kNow));
}

TEST_CASE("add_variable: NAME=VALUE, each name once") {
  std::map<std::string, std::string> vars;
  CHECK(add_variable("otp=123456", vars));
  CHECK(add_variable("Name=Fatima Zahra=ok", vars));  // the value keeps later '='
  CHECK(vars == std::map<std::string, std::string>{{"Name", "Fatima Zahra=ok"}, {"otp", "123456"}});
  CHECK(add_variable("otp=1", vars).message() == "--var otp is given twice");
  CHECK_FALSE(add_variable("no-equals", vars));
  CHECK_FALSE(add_variable("=value", vars));
  CHECK_FALSE(add_variable("a b=c", vars));
}

TEST_CASE("read_call_flags: --retry, --at and --var together; the first bad one says why") {
  auto read = read_call_flags("fixed_delay:30m:2", "+10m", {"otp=1"}, kNow);
  REQUIRE(read);
  CHECK(read->retry.type == "fixed_delay");
  REQUIRE(read->start_at);
  CHECK(*read->start_at == "2026-06-01T12:10:00.000Z");
  CHECK(read->vars == std::map<std::string, std::string>{{"otp", "1"}});
  auto now = read_call_flags("none", "", {}, kNow);
  REQUIRE(now);
  CHECK_FALSE(now->start_at);
  CHECK(read_call_flags("fixed_delay:0:2", "tomorrow", {}, kNow).error().message().rfind("--retry", 0) == 0);
  CHECK(read_call_flags("none", "tomorrow", {"a b=c"}, kNow).error().message().rfind("--at", 0) == 0);
  CHECK(read_call_flags("none", "", {"otp=1", "otp=2"}, kNow).error().message() == "--var otp is given twice");
}

}  // namespace gomo::calls

#include "campaign/retry.h"

#include <doctest/doctest.h>

namespace gomo::campaign {
namespace {

constexpr EpochMillis kMinute = 60'000;

TEST_CASE("retry: which outcomes retry") {
  for (const char* o : {"no_answer", "busy", "rejected", "failed"}) CHECK(outcome_retries(o));
  for (const char* o : {"completed", "voicemail", "cancelled", ""}) CHECK_FALSE(outcome_retries(o));
  CHECK(outcome_retries("voicemail", /*retry_voicemail=*/true));
}

TEST_CASE("retry: none never retries") {
  auto p = RetryPolicy::make({});
  REQUIRE(p);
  CHECK_FALSE(p->next_attempt("busy", 1, 1000));
}

TEST_CASE("retry: fixed_delay waits after the end, maxRetries 3 means 4 attempts") {
  api::RetryStrategy s;
  s.type = "fixed_delay";
  s.delay_ms = 30 * kMinute;
  s.max_retries = 3;
  auto p = RetryPolicy::make(s);
  REQUIRE(p);
  CHECK(p->next_attempt("no_answer", 1, 1000) == 1000 + 30 * kMinute);
  CHECK(p->next_attempt("busy", 3, 5000) == 5000 + 30 * kMinute);
  CHECK_FALSE(p->next_attempt("busy", 4, 5000));
  CHECK_FALSE(p->next_attempt("completed", 1, 5000));
  CHECK_FALSE(p->next_attempt("voicemail", 1, 5000));
  auto vm = RetryPolicy::make(s, /*retry_voicemail=*/true);
  REQUIRE(vm);
  CHECK(vm->next_attempt("voicemail", 1, 0) == 30 * kMinute);
  s.delay_ms = 0;
  CHECK_FALSE(RetryPolicy::make(s));
}

TEST_CASE("retry: scheduled takes the next date after the end; none left means failed") {
  api::RetryStrategy s;
  s.type = "scheduled";
  s.dates = {"2026-03-02T09:00:00Z", "2026-03-01T09:00:00+01:00"};  // unsorted on purpose: 08:00Z first
  auto p = RetryPolicy::make(s);
  REQUIRE(p);
  const EpochMillis mar1_0800 = 1772352000000, mar2_0900 = 1772442000000;
  CHECK(p->next_attempt("busy", 1, mar1_0800 - 1) == mar1_0800);
  CHECK(p->next_attempt("busy", 2, mar1_0800) == mar2_0900);  // a date equal to the end is past
  CHECK_FALSE(p->next_attempt("busy", 3, mar2_0900 + 1));
  s.dates = {"next monday"};
  auto bad = RetryPolicy::make(s);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message().find("next monday") != std::string::npos);
}

}  // namespace
}  // namespace gomo::campaign

#pragma once
// Instants on the dialer's clock (milliseconds since the epoch, UTC) for the campaign tests.
#include <chrono>
#include <cstdint>

namespace gomo::test {

inline constexpr int64_t kMinute = 60'000, kHour = 60 * kMinute;

// year-month-day hour:minute UTC, in milliseconds since the epoch.
inline int64_t utc(int year, int month, int day, int hour, int minute = 0) {
  using namespace std::chrono;
  auto d = sys_days{std::chrono::year{year} / month / day};
  return duration_cast<milliseconds>(d.time_since_epoch()).count() + hour * kHour + minute * kMinute;
}

}  // namespace gomo::test

#include "campaign/clock.h"

#include <chrono>
#include <thread>

namespace gomo::campaign {

namespace {
int64_t steady_ns() {
  using namespace std::chrono;
  return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

EpochMillis system_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

RealClock::RealClock(double factor)
    : factor_(factor > 0 ? factor : 1.0), origin_(system_now_ms()), steady_origin_ns_(steady_ns()) {}

EpochMillis RealClock::now() {
  const double elapsed_ms = static_cast<double>(steady_ns() - steady_origin_ns_) / 1e6;
  return origin_ + static_cast<EpochMillis>(elapsed_ms * factor_);
}

void RealClock::sleep_until(EpochMillis t) {
  const EpochMillis wait = t - now();
  if (wait <= 0) return;
  std::this_thread::sleep_for(
      std::chrono::milliseconds(static_cast<EpochMillis>(static_cast<double>(wait) / factor_) + 1));
}

}  // namespace gomo::campaign

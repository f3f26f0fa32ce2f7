#include "campaign/clock.h"

#include <chrono>
#include <thread>

namespace gomo::campaign {

namespace {
EpochMillis system_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}
}  // namespace

RealClock::RealClock(double factor, EpochMillis start) : factor_(factor > 0 ? factor : 1.0), real_origin_(system_ms()) {
  origin_ = start >= 0 ? start : real_origin_;
}

EpochMillis RealClock::now() {
  return origin_ + static_cast<EpochMillis>(static_cast<double>(system_ms() - real_origin_) * factor_);
}

void RealClock::sleep_until(EpochMillis t) {
  const EpochMillis wait = t - now();
  if (wait <= 0) return;
  std::this_thread::sleep_for(
      std::chrono::milliseconds(static_cast<EpochMillis>(static_cast<double>(wait) / factor_) + 1));
}

}  // namespace gomo::campaign

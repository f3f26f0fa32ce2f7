#pragma once
// The dialer's clock: virtual (jumps to the next event: a day-long campaign in milliseconds of CPU),
// real, or real time sped up N times. Instants are milliseconds since 1970-01-01T00:00:00Z.
#include <cstdint>

namespace gomo::campaign {

using EpochMillis = int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual EpochMillis now() = 0;
  // Returns at `t` or soon after (at once when t <= now()).
  virtual void sleep_until(EpochMillis t) = 0;
  // True when sleeping only moves the hands (nothing else can happen meanwhile unless the dialer's hook
  // makes it happen): the dialer then never waits for an outside change.
  virtual bool is_virtual() const = 0;
};

// Starts at `start`; sleep_until moves it forward at once (never backwards).
class VirtualClock : public Clock {
 public:
  explicit VirtualClock(EpochMillis start) : now_(start) {}
  EpochMillis now() override { return now_; }
  void sleep_until(EpochMillis t) override {
    if (t > now_) now_ = t;
  }
  bool is_virtual() const override { return true; }

 private:
  EpochMillis now_;
};

// Real time, `factor` times faster (1: real time): reads the system clock's now at construction plus
// factor x the time elapsed since, measured on the steady clock (an NTP step of the system clock
// meanwhile is not multiplied by the factor).
class RealClock : public Clock {
 public:
  explicit RealClock(double factor = 1.0);
  EpochMillis now() override;
  void sleep_until(EpochMillis t) override;
  bool is_virtual() const override { return false; }

 private:
  double factor_;
  EpochMillis origin_;        // system time at construction
  int64_t steady_origin_ns_;  // steady time at construction
};

// The system clock's now, in milliseconds since the epoch.
EpochMillis system_now_ms();

}  // namespace gomo::campaign

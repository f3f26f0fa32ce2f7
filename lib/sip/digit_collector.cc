#include "sip/digit_collector.h"

namespace gomo::sip {

DigitCollector::DigitCollector(const engine::DigitRequest& request, engine::Millis start_ms)
    : single_(request.single_digit),
      max_digits_(request.max_digits > 0 ? request.max_digits : 1),
      terminator_(request.terminator),
      timeout_ms_(request.timeout_ms),
      deadline_ms_(start_ms + request.timeout_ms) {}

bool DigitCollector::press(char key, engine::Millis now_ms) {
  if (done_) return true;
  if (single_) {
    digits_.assign(1, key);
    return done_ = true;
  }
  if (terminator_ != '\0' && key == terminator_) return done_ = true;
  digits_ += key;
  deadline_ms_ = now_ms + timeout_ms_;  // the timeout runs again between keys
  if (static_cast<int>(digits_.size()) >= max_digits_) done_ = true;
  return done_;
}

}  // namespace gomo::sip

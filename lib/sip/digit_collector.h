#pragma once
// The rules of a dtmf node's key collection, apart from where keys come from (RFC 4733 events, SIP
// INFO) and from the clock: single digit, or several until the terminator, max_digits or the
// inter-key timeout. Times are milliseconds on any one clock (the caller's steady clock).
#include <string>

#include "engine/softphone.h"

namespace gomo::sip {

class DigitCollector {
 public:
  DigitCollector(const engine::DigitRequest& request, engine::Millis start_ms);

  // A key pressed at `now_ms` ('0'-'9', '*', '#', 'A'-'D'). Returns true when the collection is
  // complete (later keys belong to the next request: the caller keeps them).
  bool press(char key, engine::Millis now_ms);
  // When the collection ends if no further key comes: start + timeout, then last key + timeout.
  engine::Millis deadline_ms() const { return deadline_ms_; }
  bool done() const { return done_; }
  // What was collected, without the terminator.
  const std::string& digits() const { return digits_; }

 private:
  bool single_;
  int max_digits_;
  char terminator_;
  engine::Millis timeout_ms_;
  engine::Millis deadline_ms_;
  bool done_ = false;
  std::string digits_;
};

}  // namespace gomo::sip

#pragma once
// When a record node's recording ends, from the callee's decoded audio: by energy (no speech
// recogniser), in 20 ms frames. A frame is speech when its RMS exceeds kSpeechRms (about -36 dBFS,
// above line noise and comfort noise, below a quiet voice). The recording stops after
// silence_timeout_ms without speech (counted from the start until the callee first speaks), or at
// max_duration_ms. Times are milliseconds from the recording's start.
#include <cstdint>
#include <span>

#include "engine/softphone.h"

namespace gomo::sip {

class SpeechMeter {
 public:
  static constexpr double kSpeechRms = 500;
  static constexpr int kFrameSamples = 160;  // 20 ms at 8 kHz

  explicit SpeechMeter(const engine::RecordRequest& request);

  // Audio heard `at_ms` after the start (any length; split into 20 ms frames).
  void add(std::span<const int16_t> samples, engine::Millis at_ms);
  // How much of what was heard was speech.
  engine::Millis spoken_ms() const { return spoken_ms_; }
  // The time from the start at which the recording ends if nothing more is said.
  engine::Millis end_ms() const;

 private:
  engine::Millis max_ms_;
  engine::Millis silence_ms_;
  engine::Millis last_speech_ms_ = 0;  // the end of the last speech frame (0: none yet)
  engine::Millis spoken_ms_ = 0;
};

}  // namespace gomo::sip

#include "sip/speech_meter.h"

#include <algorithm>
#include <cmath>

namespace gomo::sip {

SpeechMeter::SpeechMeter(const engine::RecordRequest& request)
    : max_ms_(request.max_duration_ms), silence_ms_(request.silence_timeout_ms) {}

void SpeechMeter::add(std::span<const int16_t> samples, engine::Millis at_ms) {
  for (size_t start = 0; start < samples.size(); start += kFrameSamples) {
    auto frame = samples.subspan(start, std::min<size_t>(kFrameSamples, samples.size() - start));
    double energy = 0;
    for (int16_t s : frame) energy += static_cast<double>(s) * s;
    double rms = std::sqrt(energy / static_cast<double>(frame.size()));
    if (rms < kSpeechRms) continue;
    auto frame_ms = static_cast<engine::Millis>(frame.size() / 8);
    spoken_ms_ += frame_ms;
    last_speech_ms_ = std::max(last_speech_ms_, at_ms + static_cast<engine::Millis>(start / 8) + frame_ms);
  }
}

engine::Millis SpeechMeter::end_ms() const { return std::min(max_ms_, last_speech_ms_ + silence_ms_); }

}  // namespace gomo::sip

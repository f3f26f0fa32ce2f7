#pragma once
// Sample-rate conversion with a windowed-sinc low-pass (Blackman window), polyphase when the ratio
// is a fraction with a small denominator (every common rate to 8 kHz is: 22050 -> 8000 is 160/441).
// No library: the few lines below are all gomo needs to bring TTS and uploaded audio to phone rate.
#include <cstdint>
#include <vector>

namespace gomo::audio {

// `in` (mono, at `from_rate` Hz, full scale +-1.0) -> 16-bit samples at `to_rate` Hz, clipped.
// Output length: round(in.size() * to_rate / from_rate). Frequencies above 0.9 of the lower Nyquist
// frequency are removed (no aliasing). REQUIRES: from_rate > 0, to_rate > 0.
std::vector<int16_t> resample(const std::vector<float>& in, int from_rate, int to_rate);

}  // namespace gomo::audio

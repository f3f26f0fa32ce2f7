#pragma once
// Sound as a phone call carries it: 8 kHz mono 16-bit PCM samples. Audio files of any rate, channel
// count and format libsndfile reads (WAV, MP3, OGG) are decoded from memory and resampled to that.
// All functions are thread-safe (no shared state).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "engine/softphone.h"

namespace gomo::audio {

inline constexpr int kSampleRate = 8000;  // what a phone call carries (G.711)
using Samples = std::vector<int16_t>;     // 8 kHz mono 16-bit PCM

// WAV, MP3 or OGG bytes (libsndfile, from memory), any rate and channel count -> 8 kHz mono (the
// channels averaged, then resampled with a windowed-sinc low-pass). Errors name `name_for_errors`
// and say what is wrong.
Result<Samples> decode_audio(std::string_view bytes, std::string_view name_for_errors);
// Writes an 8 kHz mono 16-bit PCM WAV file (replacing `path`). An empty `samples` writes a valid
// 0-sample WAV.
Status write_wav(const std::string& path, const Samples& samples);
Samples silence(engine::Millis ms);       // ms * 8 zero samples (ms <= 0: none)
Samples tone(int hz, engine::Millis ms);  // a sine at half full scale, 5 ms fades; ms * 8 samples

// Length conversions at kSampleRate: exact for whole milliseconds (8 samples each).
inline size_t samples_for(engine::Millis ms) { return ms > 0 ? static_cast<size_t>(ms) * (kSampleRate / 1000) : 0; }
inline engine::Millis millis_of(size_t samples) { return static_cast<engine::Millis>(samples / (kSampleRate / 1000)); }

// Which formats this machine's libsndfile decodes: "wav", "mp3", "ogg" (a build may lack MP3).
bool can_decode(std::string_view format);

}  // namespace gomo::audio

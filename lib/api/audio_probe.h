#pragma once
// What an audio file is, from its bytes: the formats the platform accepts (WAV recommended, MP3,
// OGG; Gomobile docs: Audio management) and, for WAV, its shape and duration. Used by `gomo audio upload`
// before sending and by the local platform when it stores an upload.
#include <optional>
#include <string>
#include <string_view>

namespace gomo::api {

struct AudioProbe {
  std::string format;     // "wav" | "mp3" | "ogg"
  std::string mime_type;  // audio/wav | audio/mpeg | audio/ogg
  // WAV only (0 / nullopt otherwise): from the fmt and data chunks.
  int sample_rate = 0, channels = 0, bits_per_sample = 0;
  bool pcm = false;  // WAV format tag 1 (PCM): what telephony plays without conversion
  std::optional<double> duration_seconds;
};

// The format of `bytes`, or an explanation of why it is not an accepted audio file.
struct AudioProbeResult {
  std::optional<AudioProbe> probe;
  std::string error;  // set when probe is empty
};
AudioProbeResult probe_audio(std::string_view bytes);

}  // namespace gomo::api

#pragma once
// Audio files as bytes, for the tests of lib/audio and the commands that render sound: a sine tone
// encoded by libsndfile in any format it writes (WAV, OGG Vorbis, MP3), at any rate and channel count.
#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace gomo::test {

// `ms` of a `hz` sine at half full scale (0 = silence), `rate` Hz, `channels` channels (all the same),
// encoded as `format` (SF_FORMAT_WAV | SF_FORMAT_PCM_16, ...). "" when libsndfile cannot write it.
inline std::string tone_file(int format, int rate, int channels, int hz, int ms) {
  std::string path = scratch_dir() + "/tone";
  SF_INFO info{};
  info.samplerate = rate;
  info.channels = channels;
  info.format = format;
  SNDFILE* sf = sf_open(path.c_str(), SFM_WRITE, &info);
  if (!sf) return "";
  const long frames = static_cast<long>(rate) * ms / 1000;
  std::vector<float> data(static_cast<size_t>(frames * channels));
  for (long i = 0; i < frames; ++i)
    for (int c = 0; c < channels; ++c)
      data[static_cast<size_t>(i * channels + c)] =
          hz ? static_cast<float>(0.5 * std::sin(2 * 3.14159265358979323846 * hz * static_cast<double>(i) / rate))
             : 0.0f;
  sf_writef_float(sf, data.data(), frames);
  sf_close(sf);
  return read_file(path);
}

inline std::string wav16(int rate, int channels, int hz, int ms) {
  return tone_file(SF_FORMAT_WAV | SF_FORMAT_PCM_16, rate, channels, hz, ms);
}

// Sign changes between successive samples in [from, to): about 2 * hz per second for a tone.
inline int zero_crossings(const std::vector<int16_t>& s, size_t from, size_t to) {
  int n = 0;
  for (size_t i = from + 1; i < to && i < s.size(); ++i) n += (s[i - 1] < 0) != (s[i] < 0);
  return n;
}

// Whether `program` is an executable on PATH (espeak-ng, sox).
inline bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  for (size_t start = 0; start <= dirs.size();) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    if (end > start && access((dirs.substr(start, end - start) + "/" + program).c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

// For tests that need espeak-ng (scripts/setup.sh installs it with the test tools): true to skip.
inline bool skip_without_espeak() { return !on_path("espeak-ng") && skip_without("espeak-ng"); }

inline double rms(const std::vector<int16_t>& s) {
  if (s.empty()) return 0;
  double sum = 0;
  for (int16_t v : s) sum += static_cast<double>(v) * v;
  return std::sqrt(sum / static_cast<double>(s.size()));
}

}  // namespace gomo::test

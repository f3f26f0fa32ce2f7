#pragma once
// A PCM WAV file as bytes, for tests that upload audio: `samples` silent 16-bit samples at `rate` Hz,
// mono, with the 44-byte RIFF header.
#include <string>

namespace gomo::test {

inline std::string silent_wav(int rate, int samples) {
  auto le = [](std::string& out, unsigned v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  };
  const unsigned data = static_cast<unsigned>(samples) * 2;
  std::string w = "RIFF";
  le(w, 36 + data, 4);
  w += "WAVEfmt ";
  le(w, 16, 4);
  le(w, 1, 2);  // PCM
  le(w, 1, 2);  // mono
  le(w, static_cast<unsigned>(rate), 4);
  le(w, static_cast<unsigned>(rate) * 2, 4);  // byte rate
  le(w, 2, 2);                                // block align
  le(w, 16, 2);                               // bits per sample
  w += "data";
  le(w, data, 4);
  return w + std::string(data, '\0');
}

}  // namespace gomo::test

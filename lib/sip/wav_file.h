#pragma once
// The callee's recorded voice as a WAV file: 8 kHz mono 16-bit PCM.
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace gomo::sip {

// Writes (replacing) `path`; errors name the path.
Status write_wav_file(const std::string& path, const std::vector<int16_t>& samples);

}  // namespace gomo::sip

#pragma once
// An audio file on disk, checked as the platform will check it before anything is sent (gomo audio upload,
// gomo dictionaries add-clip).
#include <string>

#include "api/audio_probe.h"
#include "api/media.h"
#include "base/status.h"

namespace gomo::api {

struct CheckedAudio {
  AudioUpload upload;  // bytes, file_name (the path's last component) and content_type set
  AudioProbe probe;
};

// Reads `path`: a regular, non-empty file of at most kMaxAudioBytes (its size is checked before it is
// read), WAV, MP3 or OGG by its content. Errors say what is wrong and begin with `path`.
gomo::Result<CheckedAudio> read_audio_file(const std::string& path);

}  // namespace gomo::api

#include "audio/sources.h"

#include <filesystem>

#include "base/files.h"

namespace gomo::audio {
namespace {

// A name from a flow or an id, used as one path component: no folder may be reached through it.
bool is_file_name(const std::string& name) {
  return !name.empty() && name.find('/') == std::string::npos && name != "." && name != "..";
}

// The file's bytes; NotFound when there is no such regular file.
Result<std::string> read_if_there(const std::string& path, const std::string& what) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::not_found(path + ": no such file");
  auto bytes = read_file(path);
  if (!bytes) return Status::io_error(path + ": cannot read the " + what + " (" + bytes.error().message() + ")");
  return bytes;
}

}  // namespace

PromptAudioOptions files_from_dirs(const std::string& audio_dir, const std::string& clips_dir) {
  PromptAudioOptions options;
  if (!audio_dir.empty())
    options.audio_bytes = [audio_dir](const std::string& id) -> Result<std::string> {
      if (!is_file_name(id))
        return Status::invalid_argument("audio file \"" + id + "\": not a file name under --audio-dir");
      for (const char* ext : {".wav", ".mp3", ".ogg"}) {
        auto bytes = read_if_there(audio_dir + "/" + id + ext, "audio file");
        if (bytes || bytes.error().code() != StatusCode::kNotFound) return bytes;
      }
      return Status::not_found("audio file \"" + id + "\": no " + audio_dir + "/" + id +
                               ".wav (or .mp3, .ogg); put the file there (--audio-dir) or upload it");
    };
  if (!clips_dir.empty())
    options.clip_bytes = [clips_dir](const std::string& language, const std::string& dictionary_id,
                                     const std::string& key) -> Result<std::string> {
      if (!is_file_name(key) || !is_file_name(language)) return Status::not_found("not a clip file name");
      if (is_file_name(dictionary_id)) {
        auto bytes = read_if_there(clips_dir + "/" + dictionary_id + "/" + key + ".wav", "clip");
        if (bytes || bytes.error().code() != StatusCode::kNotFound) return bytes;
      }
      return read_if_there(clips_dir + "/" + language + "/" + key + ".wav", "clip");
    };
  return options;
}

PromptAudioOptions first_found(PromptAudioOptions first, PromptAudioOptions then) {
  PromptAudioOptions chained;
  chained.espeak_program = first.espeak_program;
  if (!first.audio_bytes || !then.audio_bytes) {
    chained.audio_bytes = first.audio_bytes ? first.audio_bytes : then.audio_bytes;
  } else {
    chained.audio_bytes = [a = first.audio_bytes, b = then.audio_bytes](const std::string& id) -> Result<std::string> {
      auto bytes = a(id);
      if (bytes || bytes.error().code() != StatusCode::kNotFound) return bytes;
      return b(id);
    };
  }
  if (!first.clip_bytes || !then.clip_bytes) {
    chained.clip_bytes = first.clip_bytes ? first.clip_bytes : then.clip_bytes;
  } else {
    chained.clip_bytes = [a = first.clip_bytes, b = then.clip_bytes](const std::string& language,
                                                                     const std::string& dictionary_id,
                                                                     const std::string& key) -> Result<std::string> {
      auto bytes = a(language, dictionary_id, key);
      if (bytes || bytes.error().code() != StatusCode::kNotFound) return bytes;
      return b(language, dictionary_id, key);
    };
  }
  return chained;
}

}  // namespace gomo::audio

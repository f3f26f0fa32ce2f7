#include "api/audio_file.h"

#include <filesystem>

#include "base/files.h"

namespace gomo::api {

gomo::Result<CheckedAudio> read_audio_file(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || !std::filesystem::is_regular_file(path, ec)) return Status::io_error(path + ": cannot read the file");
  if (size == 0) return Status::invalid_argument(path + ": the file is empty");
  if (static_cast<long long>(size) > kMaxAudioBytes)
    return Status::invalid_argument(path + ": " + std::to_string(size) + " bytes, over the " +
                                    std::to_string(kMaxAudioBytes / (1024 * 1024)) + " MB limit");
  auto bytes = read_file(path);
  if (!bytes) return Status::io_error(path + ": cannot read the file");
  if (static_cast<long long>(bytes->size()) > kMaxAudioBytes)  // it grew since: refused all the same
    return Status::invalid_argument(path + ": over the " + std::to_string(kMaxAudioBytes / (1024 * 1024)) +
                                    " MB limit");
  CheckedAudio file;
  auto probe = probe_audio(*bytes);
  if (!probe.probe) return Status::invalid_argument(path + ": " + probe.error + " (WAV, MP3 or OGG expected)");
  file.probe = std::move(*probe.probe);
  file.upload.bytes = std::move(*bytes);
  file.upload.file_name = std::filesystem::path(path).filename().string();
  file.upload.content_type = file.probe.mime_type;
  return file;
}

}  // namespace gomo::api

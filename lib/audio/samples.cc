#include "audio/samples.h"

#include <cmath>
#include <cstring>

#include "audio/resample.h"
#include "audio/sndfile_api.h"

namespace gomo::audio {
namespace {

constexpr double kPi = 3.14159265358979323846;

// libsndfile reads from memory through these callbacks (sf_open_virtual): no temporary file.
struct MemoryFile {
  std::string_view bytes;
  sf_count_t at = 0;
};

sf_count_t mem_length(void* user) { return static_cast<sf_count_t>(static_cast<MemoryFile*>(user)->bytes.size()); }

sf_count_t mem_seek(sf_count_t offset, int whence, void* user) {
  auto* f = static_cast<MemoryFile*>(user);
  sf_count_t size = static_cast<sf_count_t>(f->bytes.size());
  sf_count_t to = whence == SEEK_SET ? offset : whence == SEEK_CUR ? f->at + offset : size + offset;
  if (to < 0 || to > size) return -1;
  f->at = to;
  return f->at;
}

sf_count_t mem_read(void* out, sf_count_t count, void* user) {
  auto* f = static_cast<MemoryFile*>(user);
  sf_count_t left = static_cast<sf_count_t>(f->bytes.size()) - f->at;
  sf_count_t n = count < left ? count : left;
  if (n <= 0) return 0;
  std::memcpy(out, f->bytes.data() + f->at, static_cast<size_t>(n));
  f->at += n;
  return n;
}

sf_count_t mem_write(const void*, sf_count_t, void*) { return 0; }  // read-only
sf_count_t mem_tell(void* user) { return static_cast<MemoryFile*>(user)->at; }

}  // namespace

Result<Samples> decode_audio(std::string_view bytes, std::string_view name_for_errors) {
  const std::string name(name_for_errors);
  if (bytes.empty()) return Status::invalid_argument(name + ": the audio file is empty");
  auto sf_api = sndfile();
  if (!sf_api) return sf_api.error();
  const SndfileApi& lib = **sf_api;
  MemoryFile file{bytes, 0};
  SF_VIRTUAL_IO io{mem_length, mem_seek, mem_read, mem_write, mem_tell};
  SF_INFO info{};
  SNDFILE* sf = lib.open_virtual(&io, SFM_READ, &info, &file);
  if (!sf)
    return Status::invalid_argument(name + ": not audio gomo can read (" + lib.strerror(nullptr) +
                                    "); use WAV, MP3 or OGG");
  if (info.channels <= 0 || info.samplerate <= 0) {
    lib.close(sf);
    return Status::invalid_argument(name + ": the audio file has no channels or no sample rate");
  }
  // Read in blocks rather than trusting info.frames: streamed WAVs (espeak-ng --stdout) carry a
  // placeholder length in their header.
  std::vector<float> mono;
  if (info.frames > 0 && info.frames < (sf_count_t{1} << 28)) mono.reserve(static_cast<size_t>(info.frames));
  const int channels = info.channels;
  std::vector<float> block(static_cast<size_t>(4096 * channels));
  while (true) {
    sf_count_t got = lib.readf_float(sf, block.data(), 4096);
    if (got <= 0) break;
    for (sf_count_t i = 0; i < got; ++i) {
      float sum = 0;
      for (int c = 0; c < channels; ++c) sum += block[static_cast<size_t>(i * channels + c)];
      mono.push_back(sum / static_cast<float>(channels));
    }
  }
  int error = lib.error(sf);
  std::string message = error ? lib.strerror(sf) : "";
  lib.close(sf);
  if (error && mono.empty()) return Status::invalid_argument(name + ": cannot decode the audio (" + message + ")");
  return resample(mono, info.samplerate, kSampleRate);
}

Status write_wav(const std::string& path, const Samples& samples) {
  auto sf_api = sndfile();
  if (!sf_api) return sf_api.error();
  const SndfileApi& lib = **sf_api;
  SF_INFO info{};
  info.samplerate = kSampleRate;
  info.channels = 1;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  SNDFILE* sf = lib.open(path.c_str(), SFM_WRITE, &info);
  if (!sf) return Status::io_error(path + ": cannot write the WAV file (" + lib.strerror(nullptr) + ")");
  sf_count_t wrote = samples.empty() ? 0 : lib.write_short(sf, samples.data(), static_cast<sf_count_t>(samples.size()));
  std::string message = lib.strerror(sf);
  int closed = lib.close(sf);
  if (wrote != static_cast<sf_count_t>(samples.size()) || closed != 0)
    return Status::io_error(path + ": cannot write the WAV file (" + message + "); is the disk full?");
  return Status::ok();
}

Samples silence(engine::Millis ms) { return Samples(samples_for(ms), 0); }

Samples tone(int hz, engine::Millis ms) {
  Samples out(samples_for(ms));
  const size_t fade = samples_for(5);  // no click at either end
  for (size_t i = 0; i < out.size(); ++i) {
    double gain = 0.5;
    if (i < fade) gain *= static_cast<double>(i) / static_cast<double>(fade);
    if (out.size() - i <= fade) gain *= static_cast<double>(out.size() - 1 - i) / static_cast<double>(fade);
    double v = gain * std::sin(2 * kPi * hz * static_cast<double>(i) / kSampleRate);
    out[i] = static_cast<int16_t>(std::lround(v * 32767.0));
  }
  return out;
}

bool can_decode(std::string_view format) {
  const int wanted = format == "wav"   ? SF_FORMAT_WAV
                     : format == "mp3" ? SF_FORMAT_MPEG
                     : format == "ogg" ? SF_FORMAT_OGG
                                       : 0;
  auto sf_api = sndfile();
  if (!sf_api) return false;
  const SndfileApi& lib = **sf_api;
  int count = 0;
  lib.command(nullptr, SFC_GET_FORMAT_MAJOR_COUNT, &count, sizeof(int));
  for (int i = 0; wanted && i < count; ++i) {
    SF_FORMAT_INFO info{};
    info.format = i;
    if (lib.command(nullptr, SFC_GET_FORMAT_MAJOR, &info, sizeof(info)) == 0 && info.format == wanted) return true;
  }
  return false;
}

}  // namespace gomo::audio

#include "api/audio_probe.h"

#include <algorithm>
#include <cstdint>

namespace gomo::api {
namespace {

std::uint32_t le32(std::string_view b, size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
std::uint16_t le16(std::string_view b, size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}

AudioProbeResult fail(std::string why) { return {std::nullopt, std::move(why)}; }

AudioProbeResult probe_wav(std::string_view b) {
  AudioProbe p{"wav", "audio/wav", 0, 0, 0, false, std::nullopt};
  bool have_fmt = false;
  std::uint32_t byte_rate = 0;
  // RIFF chunks after the 12-byte header: id, little-endian size, payload padded to even length.
  for (size_t at = 12; at + 8 <= b.size();) {
    std::string_view id = b.substr(at, 4);
    std::uint32_t size = le32(b, at + 4);
    size_t payload = at + 8;
    if (id == "fmt ") {
      if (size < 16 || payload + 16 > b.size()) return fail("WAV fmt chunk is truncated");
      p.pcm = le16(b, payload) == 1;
      p.channels = le16(b, payload + 2);
      p.sample_rate = static_cast<int>(le32(b, payload + 4));
      byte_rate = le32(b, payload + 8);
      p.bits_per_sample = le16(b, payload + 14);
      have_fmt = true;
    } else if (id == "data") {
      if (!have_fmt) return fail("WAV data chunk comes before its fmt chunk");
      if (p.channels == 0 || p.sample_rate == 0 || byte_rate == 0) return fail("WAV fmt chunk has no sample rate");
      // A streamed WAV may say 0 or 0xFFFFFFFF: use the bytes actually present.
      std::uint64_t present = b.size() - payload;
      std::uint64_t data = size == 0 || size == 0xFFFFFFFFu ? present : std::min<std::uint64_t>(size, present);
      p.duration_seconds = static_cast<double>(data) / byte_rate;
      return {p, ""};
    }
    at = payload + size + (size & 1);
  }
  return fail(have_fmt ? "WAV file has no data chunk" : "WAV file has no fmt chunk");
}

}  // namespace

AudioProbeResult probe_audio(std::string_view b) {
  if (b.empty()) return fail("the file is empty");
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WAVE") return probe_wav(b);
  if (b.size() >= 4 && b.substr(0, 4) == "OggS") return {AudioProbe{"ogg", "audio/ogg", 0, 0, 0, false, {}}, ""};
  bool id3 = b.size() >= 3 && b.substr(0, 3) == "ID3";
  bool frame_sync =
      b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFF && (static_cast<unsigned char>(b[1]) & 0xE0) == 0xE0;
  if (id3 || frame_sync) return {AudioProbe{"mp3", "audio/mpeg", 0, 0, 0, false, {}}, ""};
  return fail("not a WAV, MP3 or OGG audio file");
}

}  // namespace gomo::api

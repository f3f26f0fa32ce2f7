#include "sip/wav_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace gomo::sip {
namespace {

void put32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put16(std::string& out, uint16_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>(v >> 8);
}

}  // namespace

Status write_wav_file(const std::string& path, const std::vector<int16_t>& samples) {
  constexpr uint32_t kRate = 8000;
  const auto data_bytes = static_cast<uint32_t>(samples.size() * 2);
  std::string out = "RIFF";
  put32(out, 36 + data_bytes);
  out += "WAVEfmt ";
  put32(out, 16);
  put16(out, 1);  // PCM
  put16(out, 1);  // mono
  put32(out, kRate);
  put32(out, kRate * 2);
  put16(out, 2);
  put16(out, 16);
  out += "data";
  put32(out, data_bytes);
  for (int16_t s : samples) put16(out, static_cast<uint16_t>(s));
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return Status::io_error(path + ": cannot write the recording: " + std::strerror(errno));
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!file) return Status::io_error(path + ": cannot write the recording: " + std::strerror(errno));
  return Status::ok();
}

}  // namespace gomo::sip

#include "sip/g711.h"

namespace gomo::sip {
namespace {

// The segment (exponent) of a magnitude: the position of its highest set bit above `shift`, 0..7.
int segment_of(int magnitude, int shift) {
  int segment = 0;
  for (int v = magnitude >> shift; v > 1 && segment < 7; v >>= 1) ++segment;
  return segment;
}

constexpr int kUlawBias = 0x84;   // 132: makes every segment's range start at a power of two
constexpr int kUlawClip = 32635;  // the largest magnitude that survives the bias without overflow

}  // namespace

uint8_t linear_to_ulaw(int16_t sample) {
  int value = sample;
  int sign = value < 0 ? 0x80 : 0;
  int magnitude = value < 0 ? -value : value;
  if (magnitude > kUlawClip) magnitude = kUlawClip;
  magnitude += kUlawBias;
  int segment = segment_of(magnitude, 7);
  int mantissa = (magnitude >> (segment + 3)) & 0x0F;
  return static_cast<uint8_t>(~(sign | (segment << 4) | mantissa));
}

int16_t ulaw_to_linear(uint8_t code) {
  int c = ~code & 0xFF;
  int magnitude = ((((c & 0x0F) << 3) + kUlawBias) << ((c & 0x70) >> 4)) - kUlawBias;
  return static_cast<int16_t>((c & 0x80) ? -magnitude : magnitude);
}

uint8_t linear_to_alaw(int16_t sample) {
  // A-law works on 13-bit magnitudes; even bits are inverted on the wire (0x55).
  int value = sample >> 3;
  int sign = value >= 0 ? 0x80 : 0;
  int magnitude = value >= 0 ? value : -value - 1;
  if (magnitude > 0xFFF) magnitude = 0xFFF;
  int code;
  if (magnitude < 32) {
    code = magnitude >> 1;
  } else {
    int segment = segment_of(magnitude, 4);
    code = (segment << 4) | ((magnitude >> segment) & 0x0F);
  }
  return static_cast<uint8_t>((sign | code) ^ 0x55);
}

int16_t alaw_to_linear(uint8_t code) {
  int c = code ^ 0x55;
  int segment = (c & 0x70) >> 4;
  int magnitude = ((c & 0x0F) << 4) + 8;
  if (segment > 0) magnitude = (magnitude + 0x100) << (segment - 1);
  return static_cast<int16_t>((c & 0x80) ? magnitude : -magnitude);
}

std::vector<uint8_t> g711_encode(G711 law, std::span<const int16_t> samples) {
  std::vector<uint8_t> out;
  out.reserve(samples.size());
  for (int16_t s : samples) out.push_back(law == G711::kPcmu ? linear_to_ulaw(s) : linear_to_alaw(s));
  return out;
}

std::vector<int16_t> g711_decode(G711 law, std::span<const uint8_t> codes) {
  std::vector<int16_t> out;
  out.reserve(codes.size());
  for (uint8_t c : codes) out.push_back(law == G711::kPcmu ? ulaw_to_linear(c) : alaw_to_linear(c));
  return out;
}

}  // namespace gomo::sip

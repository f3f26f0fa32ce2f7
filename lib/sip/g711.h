#pragma once
// G.711 (ITU-T, 1972): the 8-bit companded samples a phone call carries. PCMU (mu-law, RTP payload type
// 0) and PCMA (A-law, payload type 8), one byte per 16-bit linear sample at 8 kHz. The segment/bias
// algorithm of the ITU reference (and of sox, spandsp and librem), written here because librem clashes
// with spandsp (docs/simulation.md).
#include <cstdint>
#include <span>
#include <vector>

namespace gomo::sip {

enum class G711 : uint8_t { kPcmu = 0, kPcma = 8 };  // the value is the RTP payload type

uint8_t linear_to_ulaw(int16_t sample);
int16_t ulaw_to_linear(uint8_t code);
uint8_t linear_to_alaw(int16_t sample);
int16_t alaw_to_linear(uint8_t code);

// Whole frames: one byte per sample, and back.
std::vector<uint8_t> g711_encode(G711 law, std::span<const int16_t> samples);
std::vector<int16_t> g711_decode(G711 law, std::span<const uint8_t> codes);

}  // namespace gomo::sip

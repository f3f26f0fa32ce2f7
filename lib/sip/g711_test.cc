#include "sip/g711.h"

#include <doctest/doctest.h>

#include <cstdlib>

namespace gomo::sip {

// Reference values from CPython's audioop (the Sun/CCITT reference code, an independent implementation).
TEST_CASE("g711: decoding matches the reference tables") {
  const uint8_t codes[] = {0x00, 0x0f, 0x35, 0x7f, 0x80, 0xa5, 0xd5, 0xff};
  const int16_t ulaw[] = {-32124, -16764, -3260, 0, 32124, 6652, 716, 0};
  const int16_t alaw[] = {-5504, -6784, -8448, -848, 5504, 16896, 8, 848};
  for (size_t i = 0; i < std::size(codes); ++i) {
    CAPTURE(i);
    CHECK(ulaw_to_linear(codes[i]) == ulaw[i]);
    CHECK(alaw_to_linear(codes[i]) == alaw[i]);
  }
}

TEST_CASE("g711: encoding matches the reference for silence and positive samples") {
  const int16_t samples[] = {0, 1, 100, 1000, 20000, 32767};
  const uint8_t ulaw[] = {0xff, 0xff, 0xf2, 0xce, 0x8c, 0x80};
  const uint8_t alaw[] = {0xd5, 0xd5, 0xd3, 0xfa, 0xa6, 0xaa};
  for (size_t i = 0; i < std::size(samples); ++i) {
    CAPTURE(samples[i]);
    CHECK(linear_to_ulaw(samples[i]) == ulaw[i]);
    CHECK(linear_to_alaw(samples[i]) == alaw[i]);
  }
  CHECK(linear_to_ulaw(-32768) == 0x00);
  CHECK(linear_to_alaw(-32768) == 0x2a);
  CHECK(linear_to_alaw(-1000) == 0x7a);
}

TEST_CASE("g711: every sample survives a round trip within the law's quantisation step") {
  for (int x = -32768; x <= 32767; ++x) {
    auto s = static_cast<int16_t>(x);
    int bound = std::abs(x) / 16 + 16;
    int u = ulaw_to_linear(linear_to_ulaw(s));
    int a = alaw_to_linear(linear_to_alaw(s));
    if (std::abs(u - x) > bound || std::abs(a - x) > bound) {
      CAPTURE(x);
      CAPTURE(u);
      CAPTURE(a);
      FAIL("round trip off by more than the step");
    }
  }
  std::vector<int16_t> frame = {0, 500, -500, 12000};
  CHECK(g711_decode(G711::kPcmu, g711_encode(G711::kPcmu, frame)).size() == 4);
  CHECK(g711_encode(G711::kPcma, frame).size() == 4);
}

}  // namespace gomo::sip

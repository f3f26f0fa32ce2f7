#pragma once
// SHA-256 (FIPS 180-4). Used to store API keys as digests only; small enough to own.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace gomo {

// The 32-byte digest of `data`.
std::array<std::uint8_t, 32> sha256(std::string_view data);
// The digest as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace gomo

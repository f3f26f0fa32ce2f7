#pragma once
// UTF-8 (RFC 3629): decoding one sequence, well-formedness, repair and byte escapes. The one decoder
// of gomo outside the readers' hot loops: request checks (`gomo serve` refuses bytes that are not
// UTF-8 before they reach a JSON answer or a stored row), visible messages, XML and slugs use it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gomo {

// The well-formed sequence that starts at s[i]: its length (1 to 4) with its code point in *cp, or 0
// when it is ill-formed (overlong, surrogate, above U+10FFFF, cut short). REQUIRES: i < s.size().
std::size_t decode_utf8(std::string_view s, std::size_t i, uint32_t* cp);

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
// UTF-16 surrogates, code points above U+10FFFF and truncated sequences are all ill-formed), or
// std::string_view::npos when `s` is well-formed. NUL bytes are well-formed.
std::size_t invalid_utf8_offset(std::string_view s);
inline bool is_valid_utf8(std::string_view s) { return invalid_utf8_offset(s) == std::string_view::npos; }

// `s` with each byte that is not part of a well-formed sequence replaced by U+FFFD (for text read
// back from rows an older gomo stored unchecked).
std::string to_valid_utf8(std::string_view s);

// `s` with each byte outside printable ASCII shown as \xHH (for messages and logs), cut after
// `max_bytes` input bytes with "...".
std::string escape_bytes(std::string_view s, std::size_t max_bytes = 200);

}  // namespace gomo

#include "base/utf8.h"

#include <doctest/doctest.h>

#include <string>

namespace gomo {

TEST_CASE("invalid_utf8_offset: well-formed text, and where ill-formed text goes wrong") {
  constexpr auto npos = std::string_view::npos;
  CHECK(invalid_utf8_offset("") == npos);
  CHECK(invalid_utf8_offset("plain ascii") == npos);
  CHECK(invalid_utf8_offset(std::string("a\0b", 3)) == npos);
  CHECK(invalid_utf8_offset("caf\xC3\xA9 \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A \xE2\x82\xAC \xF0\x9F\x93\x9E") == npos);
  CHECK(invalid_utf8_offset("\xEF\xBF\xBD") == npos);      // U+FFFD itself
  CHECK(invalid_utf8_offset("\xF4\x8F\xBF\xBF") == npos);  // U+10FFFF, the last code point
  CHECK(invalid_utf8_offset("\xFF") == 0);
  CHECK(invalid_utf8_offset("ab\x80") == 2);    // a lone continuation byte
  CHECK(invalid_utf8_offset("\xC0\xAF") == 0);  // overlong "/"
  CHECK(invalid_utf8_offset("\xC1\xBF") == 0);
  CHECK(invalid_utf8_offset("\xE0\x80\xAF") == 0);      // overlong, 3 bytes
  CHECK(invalid_utf8_offset("\xF0\x80\x80\xAF") == 0);  // overlong, 4 bytes
  CHECK(invalid_utf8_offset("x\xED\xA0\x80") == 1);     // a UTF-16 surrogate (U+D800)
  CHECK(invalid_utf8_offset("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(invalid_utf8_offset("\xF5\x80\x80\x80") == 0);
  CHECK(invalid_utf8_offset("ok\xC3") == 2);  // truncated at the end
  CHECK(invalid_utf8_offset("\xE2\x82") == 0);
  CHECK(invalid_utf8_offset("\xE2\x82x") == 0);  // a continuation byte missing
  CHECK(is_valid_utf8("\xC3\xA9"));
  CHECK_FALSE(is_valid_utf8("\xC3"));
}

TEST_CASE("to_valid_utf8: one U+FFFD per byte that does not belong, the rest kept") {
  CHECK(to_valid_utf8("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK(to_valid_utf8("a\xFF\xFE\xC3LE") == "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDLE");
  CHECK(to_valid_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(is_valid_utf8(to_valid_utf8(std::string("\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80x", 10))));
}

TEST_CASE("escape_bytes: printable ASCII as is, anything else as \\xHH, cut when long") {
  CHECK(escape_bytes("/api/contact") == "/api/contact");
  CHECK(escape_bytes("/\xFF\n") == "/\\xFF\\x0A");
  CHECK(escape_bytes("a\\b") == "a\\x5Cb");
  CHECK(escape_bytes(std::string(10, 'x'), 4) == "xxxx...");
}

}  // namespace gomo

namespace gomo {

TEST_CASE("decode_utf8: one sequence, its code point and length; ill-formed ones are 0") {
  uint32_t cp = 0;
  CHECK(decode_utf8("a", 0, &cp) == 1);
  CHECK(cp == 'a');
  CHECK(decode_utf8("x\xC3\xA9", 1, &cp) == 2);
  CHECK(cp == 0xE9);
  CHECK(decode_utf8("\xD8\xB9", 0, &cp) == 2);
  CHECK(cp == 0x639);
  CHECK(decode_utf8("\xF0\x9F\x93\x9E", 0, &cp) == 4);
  CHECK(cp == 0x1F4DE);
  CHECK(decode_utf8("\xC0\xAF", 0, &cp) == 0);      // overlong
  CHECK(decode_utf8("\xED\xA0\x80", 0, &cp) == 0);  // surrogate
  CHECK(decode_utf8("\xF4\x90\x80\x80", 0, &cp) == 0);
  CHECK(decode_utf8("\xE2\x82", 0, &cp) == 0);  // cut short
  CHECK(decode_utf8("\x80", 0, &cp) == 0);
}

}  // namespace gomo

#pragma once
// What gomo needs of Unicode without ICU: decoding UTF-8, telling letters and digits of every script
// from punctuation, spaces and symbols, and ASCII spellings of accented Latin letters (for slugs).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gomo {

// The code point that starts at s[i], and advances i past it. A malformed or truncated sequence
// gives U+FFFD and advances one byte. REQUIRES: i < s.size().
uint32_t next_code_point(std::string_view s, size_t& i);

// How a code point behaves inside a name.
enum class CharClass {
  kWord,   // a letter, digit or combining mark of any script (Unicode L*, M*, Nd, Nl), or unassigned
  kMark,   // ignorable inside a word: Latin combining diacritics (U+0300..U+036F), Arabic harakat
           // (U+064B..U+065F, U+0670), ZWNJ/ZWJ, variation selectors
  kOther,  // punctuation, spaces, symbols, controls, private use, other numbers (½, ²)
};
// From the Unicode 14 general categories, as a compact table of the non-word ranges (unicode.cc).
CharClass char_class(uint32_t cp);

// The ASCII spelling of a Latin letter of Latin-1 Supplement or Latin Extended-A (U+00C0..U+017F)
// (and ª º) or of Romanian Ș ș Ț ț: "é" -> "e", "Ç" -> "C", "ß" -> "ss", "Œ" -> "OE", "ł" -> "l". Case is kept.
// Empty for any other code point (× and ÷ included).
std::string_view latin_ascii(uint32_t cp);

// The lowercase of an ASCII, Latin-1/Extended-A, Greek or Cyrillic capital letter; other code points
// unchanged. (Simple case mapping of those blocks only; scripts without case need none.)
uint32_t simple_lower(uint32_t cp);

// A readable identifier made of `text`'s words joined by `separator`: letters and digits of every
// script kept (lowercased where the script has case), accented Latin letters spelled in ASCII (é -> e,
// ß -> ss), Arabic-Indic digits as 0-9, combining marks and tatweel dropped, any run of other characters
// one separator. "Date échéance" -> "date_echeance", "الرصيد" -> "الرصيد". Empty when `text` has no word.
std::string slug(std::string_view text, char separator);

}  // namespace gomo

#include "base/unicode.h"

#include <doctest/doctest.h>

#include <string>

using namespace gomo;

namespace {
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out += static_cast<char32_t>(next_code_point(s, i));
  return out;
}
}  // namespace

TEST_CASE("next_code_point decodes UTF-8 and replaces malformed bytes one at a time") {
  CHECK(decode("aé") == U"aé");
  CHECK(decode("الرصيد") == U"الرصيد");
  CHECK(decode("😀") == U"😀");
  CHECK(decode("\xC3") == U"\uFFFD");                      // truncated
  CHECK(decode("\xC0\xAF") == U"\uFFFD\uFFFD");            // overlong
  CHECK(decode("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");  // a surrogate
  CHECK(decode("\xE2\x82x") == U"\uFFFD\uFFFDx");
}

TEST_CASE("char_class: letters and digits of every script are words") {
  for (char32_t cp : U"aZ9éßŁαЖשعر٣ক漢かⵜ")
    if (cp) CHECK_MESSAGE(char_class(cp) == CharClass::kWord, static_cast<uint32_t>(cp));
  for (char32_t cp : U" -_.,;:!?«»…—،؛؟٪€$×÷©½²\u00A0\u3000、。😀\uFFFD")
    if (cp) CHECK_MESSAGE(char_class(cp) == CharClass::kOther, static_cast<uint32_t>(cp));
  CHECK(char_class(0x301) == CharClass::kMark);  // combining acute
  CHECK(char_class(0x64E) == CharClass::kMark);  // fatha
  CHECK(char_class(0x200C) == CharClass::kMark);
}

TEST_CASE("latin_ascii and simple_lower") {
  CHECK(latin_ascii(U'é') == "e");
  CHECK(latin_ascii(U'Ç') == "C");
  CHECK(latin_ascii(U'ß') == "ss");
  CHECK(latin_ascii(U'Œ') == "OE");
  CHECK(latin_ascii(U'ł') == "l");
  CHECK(latin_ascii(U'ț') == "t");
  CHECK(latin_ascii(U'×').empty());
  CHECK(latin_ascii(U'a').empty());
  CHECK(latin_ascii(U'ع').empty());
  CHECK(simple_lower(U'É') == U'é');
  CHECK(simple_lower(U'Ł') == U'ł');
  CHECK(simple_lower(U'Ÿ') == U'ÿ');
  CHECK(simple_lower(U'Σ') == U'σ');
  CHECK(simple_lower(U'Ж') == U'ж');
  CHECK(simple_lower(U'Ё') == U'ё');
  CHECK(simple_lower(U'ع') == U'ع');
}

namespace gomo {

TEST_CASE("slug: words of any script joined by the separator, accents spelled in ASCII") {
  CHECK(slug("Date échéance", '_') == "date_echeance");
  CHECK(slug("Payment reminder", '-') == "payment-reminder");
  CHECK(slug("  --Ça, c'est tout!  ", '-') == "ca-c-est-tout");
  CHECK(slug("الرصيد", '_') == "الرصيد");
  CHECK(slug("مبلغ ٣٠٠", '_') == "مبلغ_300");
  CHECK(slug("!!!", '-').empty());
}

}  // namespace gomo

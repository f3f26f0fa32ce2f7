#include "tests/support/phone_samples.h"

#include <string_view>

#include "contacts/phone.h"
#include "ext/load.h"
#include "ext/module.h"

namespace gomo::test {
namespace {

// What a country's numbers look like, roughly: generated numbers must land on both sides of every
// pattern, so the leading digits are common ones and the rest is random.
struct Country {
  const char* region;
  const char* code;
  const char* national_prefix;  // "" when none
  int min_length, max_length;   // of the national significant number
  std::vector<const char*> leading;
};

const std::vector<Country>& countries() {
  static const std::vector<Country> all = {
      {"MA", "212", "0", 9, 9, {"6", "7", "5", "8", "52", "53", "60", "66", "70", "9"}},
      {"FR", "33", "0", 9, 9, {"6", "7", "1", "2", "3", "4", "5", "8", "9"}},
      {"US", "1", "1", 10, 10, {"201", "212", "415", "650", "917", "800", "555", "123"}},
      {"CA", "1", "1", 10, 10, {"416", "514", "604", "613", "403", "905"}},
      {"GB", "44", "0", 9, 10, {"7", "20", "121", "161", "1", "3", "8", "9"}},
      {"DZ", "213", "0", 8, 9, {"5", "6", "7", "21", "23", "9"}},
      {"TN", "216", "", 8, 8, {"2", "4", "5", "9", "7", "3"}},
      {"SN", "221", "", 9, 9, {"7", "77", "78", "33", "30"}},
      {"CI", "225", "", 8, 10, {"01", "05", "07", "21", "27", "2", "0"}},
      {"ES", "34", "", 9, 9, {"6", "7", "9", "8", "5"}},
      {"DE", "49", "0", 6, 12, {"151", "160", "170", "176", "30", "89", "40", "1"}},
      {"BE", "32", "0", 8, 9, {"4", "47", "2", "3", "9", "8"}},
      {"EG", "20", "0", 8, 10, {"10", "11", "12", "15", "2", "3"}},
      {"SA", "966", "0", 8, 9, {"5", "1", "9", "8"}},
      {"AE", "971", "0", 8, 9, {"5", "50", "2", "4", "8"}},
  };
  return all;
}

// Arabic-Indic digits: U+0660-0669 are D9 A0-A9, Extended U+06F0-06F9 are DB B0-B9.
std::string arabic(char digit, bool extended) {
  std::string out;
  out += static_cast<char>(extended ? 0xDB : 0xD9);
  out += static_cast<char>((extended ? 0xB0 : 0xA0) + (digit - '0'));
  return out;
}

std::string describe(const ext::PhoneParse& p) {
  return std::to_string(p.stage) + " " + (p.reason.empty() ? "-" : p.reason) + " " + std::to_string(p.country_code) +
         " " + (p.e164.empty() ? "-" : p.e164) + " " + contacts::phone_type_name(p.type);
}

}  // namespace

uint64_t PhoneSampleGenerator::random() {  // splitmix64
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::string PhoneSampleGenerator::digits(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + below(10));
  return out;
}

std::string PhoneSampleGenerator::dress(const std::string& plain) {
  std::string out;
  if (chance(5)) out += chance(50) ? " " : "(";
  const int style = below(100);  // 0-39 none, then one separator, mixed, brackets
  const char one = " .-"[below(3)];
  const int arabic_style = below(100);  // < 8 Arabic-Indic, < 12 Extended, < 15 mixed
  bool open_bracket = false;
  for (size_t i = 0; i < plain.size(); ++i) {
    const char c = plain[i];
    if (i > 0 && style >= 40) {
      if (style < 75) {
        if (i % 2 == 0 || chance(20)) out += one;
      } else if (style < 90) {
        if (chance(30)) out += " .-"[below(3)];
        if (chance(3)) out += "\xC2\xA0";  // a no-break space
      } else if (!open_bracket && i < 4 && chance(40)) {
        out += '(';
        open_bracket = true;
      } else if (open_bracket && chance(50)) {
        out += ") ";
        open_bracket = false;
      }
    }
    if (c >= '0' && c <= '9' && arabic_style < 15) {
      const bool extended = arabic_style >= 8 && (arabic_style >= 12 ? chance(50) : true);
      out += arabic_style < 8 ? arabic(c, false) : arabic(c, extended);
    } else {
      out += c;
    }
  }
  if (open_bracket) out += ')';
  if (chance(5)) out += chance(50) ? " " : ".";
  return out;
}

PhoneSample PhoneSampleGenerator::next() {
  static const char* const kRegions[] = {"US", "GB", "DE", "CA", "ZZ", "", "ma", "DZ", "SN", "001"};
  PhoneSample s;
  const Country& c = countries()[below(static_cast<int>(countries().size()))];
  const int r = below(100);
  s.region = r < 40 ? "MA" : r < 80 ? "FR" : r < 90 ? c.region : kRegions[below(10)];
  const std::string lead = c.leading[below(static_cast<int>(c.leading.size()))];
  int length = c.min_length + below(c.max_length - c.min_length + 1);
  if (chance(10)) length += below(5) - 2;  // near the edges of the possible lengths
  std::string nsn = lead + digits(std::max(0, length - static_cast<int>(lead.size())));
  const std::string prefix = c.national_prefix;
  std::string plain;
  switch (below(14)) {
    case 0:
    case 1: plain = std::string("+") + c.code + nsn; break;
    case 2: plain = std::string("00") + c.code + nsn; break;
    case 3:
    case 4: plain = prefix + nsn; break;
    case 5: plain = nsn; break;
    case 6: plain = std::string("+") + c.code + (prefix.empty() ? "0" : prefix) + nsn; break;
    case 7: plain = std::string(c.code) + (chance(30) ? prefix : "") + nsn; break;  // the code without +
    case 8: plain = "+" + std::to_string(below(1000)) + nsn; break;                 // any code
    case 9: plain = (chance(50) ? "+" : "") + (std::string(c.code) + nsn).substr(0, below(6)); break;  // short
    case 10: plain = (chance(50) ? "+" + std::string(c.code) : prefix) + nsn + digits(1 + below(12)); break;
    case 11: plain = std::string("011") + c.code + nsn; break;
    case 12:
      if (chance(20)) {  // no digits at all
        static const char* const kText[] = {"n/a",    "-",  "none", "tel:",     "#", ";phone-context=example.com",
                                            "+",      "()", "N/A ", "\xD9\xA0", "x", "inconnu",
                                            "ext. 12"};
        plain = kText[below(13)];
      } else {
        plain = (chance(30) ? "+" : "") + digits(below(22));
      }
      break;
    default: {
      static const char* const kOdd[] = {
          "ext. 12", " x34",         "#",    "*",        "/", "+", "a", "ABC", "\xEF\xBC\x8B", "\t", ";ext=5",
          ",,7",     "\xE2\x80\xAF", "tel:", "\xD9\xAB", "~", "[", "]", "'"};
      plain = (chance(50) ? "+" + std::string(c.code) : prefix) + nsn;
      const std::string odd = kOdd[below(19)];
      const size_t at = below(static_cast<int>(plain.size()) + 1);
      plain.insert(at, odd);
      break;
    }
  }
  s.input = dress(plain);
  return s;
}

std::string PhoneSampleGenerator::next_realistic() {
  const int r = below(100);
  std::string plain;
  if (r < 45) {
    plain = std::string("0") + "67"[below(2)] + digits(8);
  } else if (r < 65) {
    plain = std::string("+212") + "67"[below(2)] + digits(8);
  } else if (r < 72) {
    plain = std::string("00212") + "567"[below(3)] + digits(8);
  } else if (r < 80) {
    plain = std::string("05") + "23"[below(2)] + digits(7);
  } else if (r < 88) {
    plain = std::string("+33") + "67"[below(2)] + digits(8);
  } else if (r < 95) {
    const Country& c = countries()[below(static_cast<int>(countries().size()))];
    plain = std::string("+") + c.code + c.leading[0] + digits(c.max_length - 1);
  } else {
    static const char* const kBad[] = {"06123", "n/a", "0612345678901", "+999123456789", "0912345678", ""};
    plain = kBad[below(6)];
  }
  if (below(100) < 50) return plain;  // half written plainly
  return dress(plain);
}

PhoneDiffReport phone_diff(uint64_t count, uint64_t seed, size_t max_examples) {
  PhoneDiffReport report;
  auto module = ext::module();
  if (!module) return report;
  PhoneSampleGenerator generator(seed);
  for (uint64_t i = 0; i < count; ++i) {
    PhoneSample s = generator.next();
    ++report.numbers;
    const ext::PhoneParse fast = (*module)->parse_phone(s.input, s.region, ext::PhoneReader::kFastOnly);
    if (fast.stage == -1) continue;
    ++report.fast;
    const ext::PhoneParse slow = (*module)->parse_phone(s.input, s.region, ext::PhoneReader::kLibphonenumber);
    if (describe(fast) == describe(slow)) continue;
    ++report.differences;
    if (report.examples.size() < max_examples) report.examples.push_back({s, describe(fast), describe(slow)});
  }
  return report;
}

}  // namespace gomo::test

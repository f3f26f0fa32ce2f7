#include "engine/say.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <set>

#include "base/strings.h"

namespace gomo::engine {

namespace {

using Clips = std::vector<Clip>;

struct Words {
  std::array<const char*, 20> units;  // 0..19
  std::array<const char*, 10> tens;   // index 2..9
  const char* and_word;
  const char* minus;
  const char* point;
};

const Words kFr = {
    {"zéro", "un",   "deux",  "trois",  "quatre",   "cinq",   "six",   "sept",     "huit",     "neuf",
     "dix",  "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"},
    {"", "", "vingt", "trente", "quarante", "cinquante", "soixante", "soixante-dix", "quatre-vingt",
     "quatre-vingt-dix"},
    "et",
    "moins",
    "virgule"};
const Words kEn = {
    {"zero", "one",    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",
     "ten",  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"},
    {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"},
    "and",
    "minus",
    "point"};
// Modern Standard Arabic, masculine counting forms, pausal pronunciation as IVR clips are recorded.
const Words kAr = {{"صفر",       "واحد",     "اثنان",   "ثلاثة",    "أربعة",      "خمسة",     "ستة",
                    "سبعة",      "ثمانية",   "تسعة",    "عشرة",     "أحد عشر",    "اثنا عشر", "ثلاثة عشر",
                    "أربعة عشر", "خمسة عشر", "ستة عشر", "سبعة عشر", "ثمانية عشر", "تسعة عشر"},
                   {"", "", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"},
                   "و",
                   "ناقص",
                   "فاصلة"};

const std::array<const char*, 10> kArHundreds = {"",       "مئة",   "مئتان",  "ثلاثمئة", "أربعمئة",
                                                 "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة"};

void unit(const Words& w, unsigned n, Clips& out) { out.push_back({std::to_string(n), w.units[n]}); }
void tens(const Words& w, unsigned t, Clips& out) { out.push_back({std::to_string(t * 10), w.tens[t]}); }
void conj(const Words& w, Clips& out) { out.push_back({"and", w.and_word}); }

// ---- French (Asterisk ast_say_number_full_fr rules; espeak-ng agrees) ----
// `plural_ok`: "quatre-vingts" and "deux cents" take their s only at the end of a number or before
// million/milliard (nouns), never before "mille" (deux cent mille, quatre-vingt mille).
void fr_below100(unsigned n, Clips& out, bool plural_ok = true) {
  if (n < 20) return unit(kFr, n, out);
  unsigned t = n / 10, u = n % 10;
  if (t == 7 || t == 9) {
    // 70-79 = soixante + 10..19; 90-99 = quatre-vingt + 10..19; only 71 takes "et".
    out.push_back({t == 7 ? "60" : "80", t == 7 ? "soixante" : "quatre-vingt"});
    if (n == 71) conj(kFr, out);
    return unit(kFr, n - (t == 7 ? 60 : 80), out);
  }
  if (t == 8) {
    out.push_back({"80", u == 0 && plural_ok ? "quatre-vingts" : "quatre-vingt"});  // 81: no "et"
    if (u) unit(kFr, u, out);
    return;
  }
  tens(kFr, t, out);
  if (u == 1) conj(kFr, out);
  if (u) unit(kFr, u, out);
}

void fr_below1000(unsigned n, Clips& out, bool plural_ok = true) {
  unsigned h = n / 100, r = n % 100;
  if (h == 1) out.push_back({"100", "cent"});
  else if (h > 1)
    out.push_back({std::to_string(h * 100), std::string(kFr.units[h]) + (r == 0 && plural_ok ? " cents" : " cent")});
  if (r || h == 0) fr_below100(r, out, plural_ok);
}

void fr_integer(uint64_t n, Clips& out) {
  if (n == 0) return unit(kFr, 0, out);
  unsigned billions = static_cast<unsigned>(n / 1000000000), millions = (n / 1000000) % 1000,
           thousands = (n / 1000) % 1000, rest = n % 1000;
  if (billions) {
    fr_below1000(billions, out);
    out.push_back({"billion", billions > 1 ? "milliards" : "milliard"});
  }
  if (millions) {
    fr_below1000(millions, out);
    out.push_back({"million", millions > 1 ? "millions" : "million"});
  }
  if (thousands) {
    if (thousands > 1) fr_below1000(thousands, out, false);  // "mille", never "un mille"
    out.push_back({"thousand", "mille"});
  }
  if (rest) fr_below1000(rest, out);
}

// ---- English (en_US: no "and" after hundred) ----
void en_below1000(unsigned n, Clips& out) {
  unsigned h = n / 100, r = n % 100;
  if (h) {
    unit(kEn, h, out);
    out.push_back({"hundred", "hundred"});
  }
  if (r >= 20) {
    tens(kEn, r / 10, out);
    if (r % 10) unit(kEn, r % 10, out);
  } else if (r || h == 0) {
    unit(kEn, r, out);
  }
}

void en_integer(uint64_t n, Clips& out) {
  if (n == 0) return unit(kEn, 0, out);
  const std::array<std::pair<uint64_t, const char*>, 3> scales = {
      {{1000000000, "billion"}, {1000000, "million"}, {1000, "thousand"}}};
  for (const auto& [size, name] : scales) {
    unsigned g = static_cast<unsigned>((n / size) % 1000);
    if (size == 1000000000) g = static_cast<unsigned>(n / size);
    if (g) {
      en_below1000(g, out);
      out.push_back({name, name});
    }
  }
  if (n % 1000) en_below1000(n % 1000, out);
}

// ---- Arabic (MSA): largest group first, units before tens, "wa" between every component ----
void ar_below100(unsigned n, Clips& out) {
  if (n < 20) return unit(kAr, n, out);
  unsigned u = n % 10;
  if (u) {
    unit(kAr, u, out);
    conj(kAr, out);
  }
  tens(kAr, n / 10, out);
}

// `before_noun`: 200 directly before a scale noun takes its construct form (مئتا ألف).
void ar_below1000(unsigned n, Clips& out, bool before_noun = false) {
  unsigned h = n / 100, r = n % 100;
  if (h) out.push_back({std::to_string(h * 100), h == 2 && r == 0 && before_noun ? "مئتا" : kArHundreds[h]});
  if (h && r) conj(kAr, out);
  if (r || h == 0) ar_below100(r, out);
}

void ar_integer(uint64_t n, Clips& out) {
  if (n == 0) return unit(kAr, 0, out);
  struct Scale {
    uint64_t size;
    const char* key;
    const char* one;     // 1 X: the noun alone
    const char* two;     // 2 X: the dual noun alone
    const char* plural;  // 3-10 X
  };
  const std::array<Scale, 3> scales = {{{1000000000, "billion", "مليار", "ملياران", "مليارات"},
                                        {1000000, "million", "مليون", "مليونان", "ملايين"},
                                        {1000, "thousand", "ألف", "ألفان", "آلاف"}}};
  bool first = true;
  auto next = [&] {
    if (!first) conj(kAr, out);
    first = false;
  };
  for (const auto& s : scales) {
    uint64_t g64 = n / s.size;
    if (s.size != 1000000000) g64 %= 1000;
    unsigned g = static_cast<unsigned>(g64);
    if (!g) continue;
    next();
    if (g == 1) {
      out.push_back({s.key, s.one});
    } else if (g == 2) {
      out.push_back({std::string(s.key) + "-dual", s.two});
    } else {
      ar_below1000(g, out, true);
      unsigned last = g % 100;
      // 3-10 take the plural noun; 11-99 and round hundreds the singular.
      if (last >= 3 && last <= 10) out.push_back({std::string(s.key) + "-plural", s.plural});
      else out.push_back({s.key, s.one});
    }
  }
  if (n % 1000) {
    next();
    ar_below1000(static_cast<unsigned>(n % 1000), out);
  }
}

struct Language {
  const Words* words;
  void (*integer)(uint64_t, Clips&);
};

bool find_language(std::string_view code, Language* out) {
  if (code == "fr") *out = {&kFr, fr_integer};
  else if (code == "en") *out = {&kEn, en_integer};
  else if (code == "ar") *out = {&kAr, ar_integer};
  else return false;
  return true;
}

Status unknown_language(std::string_view code) {
  return Status::invalid_argument("unsupported language \"" + std::string(code) + "\": expected ar, fr or en");
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

constexpr uint64_t kMaxNumber = 999999999999ULL;

}  // namespace

Result<std::vector<Clip>> say_number(std::string_view value, std::string_view language, NumberMode mode) {
  Language lang;
  if (!find_language(language, &lang)) return unknown_language(language);
  const Words& w = *lang.words;
  std::string_view s = value;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::string_view int_part = s, frac_part;
  bool has_point = false;
  if (auto dot = s.find_first_of(".,"); dot != std::string_view::npos) {
    int_part = s.substr(0, dot);
    frac_part = s.substr(dot + 1);
    has_point = true;
  }
  if (int_part.empty() && has_point) int_part = "0";
  if (!all_digits(int_part) || (has_point && !all_digits(frac_part)))
    return Status::invalid_argument("\"" + std::string(value) +
                                    "\" is not a number (expected digits, e.g. 1250 or -3.50)");
  Clips out;
  if (negative) out.push_back({"minus", w.minus});
  if (mode == NumberMode::kDigits) {
    for (char c : int_part) unit(w, static_cast<unsigned>(c - '0'), out);
    if (has_point) {
      out.push_back({"point", w.point});
      for (char c : frac_part) unit(w, static_cast<unsigned>(c - '0'), out);
    }
    return out;
  }
  while (int_part.size() > 1 && int_part.front() == '0') int_part.remove_prefix(1);
  if (int_part.size() > 12 || std::stoull(std::string(int_part)) > kMaxNumber)
    return Status::invalid_argument("\"" + std::string(value) + "\" is too large to read (at most 999,999,999,999)");
  lang.integer(std::stoull(std::string(int_part)), out);
  if (has_point && !frac_part.empty()) {
    out.push_back({"point", w.point});
    size_t zeros = 0;
    while (zeros + 1 < frac_part.size() && frac_part[zeros] == '0') {
      unit(w, 0, out);
      ++zeros;
    }
    std::string_view rest = frac_part.substr(zeros);
    if (rest.size() > 12)
      return Status::invalid_argument("\"" + std::string(value) + "\" has too many decimals to read");
    lang.integer(std::stoull(std::string(rest)), out);
  }
  return out;
}

namespace {

const std::array<const char*, 12> kFrMonths = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                               "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
const std::array<const char*, 12> kEnMonths = {"January", "February", "March",     "April",   "May",      "June",
                                               "July",    "August",   "September", "October", "November", "December"};
// Moroccan names (Gomobile's home market); the clip an organisation records decides what is heard.
const std::array<const char*, 12> kArMonths = {"يناير",  "فبراير", "مارس",  "أبريل",  "ماي",   "يونيو",
                                               "يوليوز", "غشت",    "شتنبر", "أكتوبر", "نونبر", "دجنبر"};

std::string en_ordinal(unsigned n) {
  static const std::array<const char*, 20> small = {
      "zeroth",     "first",     "second",    "third",       "fourth",     "fifth",     "sixth",
      "seventh",    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",   "thirteenth",
      "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
  if (n < 20) return small[n];
  if (n % 10 == 0) return n == 20 ? "twentieth" : "thirtieth";
  return std::string(kEn.tens[n / 10]) + "-" + small[n % 10];
}

bool parse_fixed(std::string_view s, size_t pos, size_t len, unsigned* out) {
  if (pos + len > s.size() || !all_digits(s.substr(pos, len))) return false;
  *out = static_cast<unsigned>(std::stoul(std::string(s.substr(pos, len))));
  return true;
}

bool is_leap(unsigned y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

void say_time(unsigned h, unsigned m, std::string_view lang, const Language& L, Clips& out) {
  if (lang == "fr") {
    if (h == 1) out.push_back({"1", "une"});
    else L.integer(h, out);
    out.push_back({"hours", h > 1 ? "heures" : "heure"});
    if (m) L.integer(m, out);
  } else if (lang == "en") {
    unsigned h12 = h % 12 == 0 ? 12 : h % 12;
    L.integer(h12, out);
    if (m == 0) out.push_back({"oclock", "o'clock"});
    else {
      if (m < 10) out.push_back({"oh", "oh"});
      L.integer(m, out);
    }
    out.push_back(h < 12 ? Clip{"a-m", "a.m."} : Clip{"p-m", "p.m."});
  } else {
    out.push_back({"hour", "الساعة"});
    L.integer(h, out);
    if (m) {
      conj(kAr, out);
      L.integer(m, out);
      out.push_back({"minute", "دقيقة"});
    }
  }
}

}  // namespace

Result<std::vector<Clip>> say_date(std::string_view value, std::string_view language, DateFormat format) {
  Language L;
  if (!find_language(language, &L)) return unknown_language(language);
  auto bad = [&](const std::string& why) {
    return Status::invalid_argument("\"" + std::string(value) + "\" is not " + why);
  };
  Clips out;
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0;
  size_t time_pos = std::string_view::npos;
  if (format == DateFormat::kTime && value.size() >= 5 && value[2] == ':') {
    time_pos = 0;
  } else {
    if (value.size() < 10 || value[4] != '-' || value[7] != '-' || !parse_fixed(value, 0, 4, &year) ||
        !parse_fixed(value, 5, 2, &month) || !parse_fixed(value, 8, 2, &day))
      return bad("an ISO date (YYYY-MM-DD)");
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0))
      return bad("a real calendar date");
    if (value.size() > 10) {
      if (value[10] != 'T' && value[10] != ' ') return bad("an ISO date-time (YYYY-MM-DDTHH:MM)");
      time_pos = 11;
    }
  }
  bool has_time = time_pos != std::string_view::npos;
  if (has_time) {
    if (!parse_fixed(value, time_pos, 2, &hour) || time_pos + 2 >= value.size() || value[time_pos + 2] != ':' ||
        !parse_fixed(value, time_pos + 3, 2, &minute) || hour > 23 || minute > 59)
      return bad("a time (HH:MM, 24-hour)");
  }
  if ((format == DateFormat::kTime || format == DateFormat::kDateTime) && !has_time)
    return bad("a date-time with a time (THH:MM)");
  if (format != DateFormat::kTime) {
    if (language == "fr") {
      if (day == 1) out.push_back({"h-1", "premier"});
      else L.integer(day, out);
      out.push_back({"mon-" + std::to_string(month - 1), kFrMonths[month - 1]});
      L.integer(year, out);
    } else if (language == "en") {
      out.push_back({"mon-" + std::to_string(month - 1), kEnMonths[month - 1]});
      out.push_back({"h-" + std::to_string(day), en_ordinal(day)});
      L.integer(year, out);
    } else {
      L.integer(day, out);
      out.push_back({"mon-" + std::to_string(month - 1), kArMonths[month - 1]});
      L.integer(year, out);
    }
  }
  if (format == DateFormat::kDateTime || format == DateFormat::kTime) {
    if (format == DateFormat::kDateTime && language != "ar") out.push_back({"at", language == "fr" ? "à" : "at"});
    say_time(hour, minute, language, L, out);
  }
  return out;
}

std::vector<Clip> vocabulary(std::string_view language) {
  std::vector<Clip> clips;
  std::set<std::string> seen;
  auto add = [&](const Result<std::vector<Clip>>& said) {
    if (!said) return;
    for (const auto& c : said.value())
      if (seen.insert(c.key).second) clips.push_back(c);
  };
  // Numbers: every word below a hundred, the hundreds, the scales, signs and decimals, digit by digit.
  for (int n = 0; n <= 100; ++n) add(say_number(std::to_string(n), language));
  for (int n = 100; n <= 1000; n += 100) add(say_number(std::to_string(n), language));
  for (const char* n : {"1000", "2000", "21000", "1000000", "2000000", "1000000000", "2000000000", "1.5", "-1", "0.05",
                        "101", "1001", "1000001"})
    add(say_number(n, language));
  for (int digit = 0; digit <= 9; ++digit) add(say_number(std::to_string(digit), language, NumberMode::kDigits));
  // Dates: every day of every month (ordinals), with a time; times: every minute of the day.
  for (int month = 1; month <= 12; ++month)
    for (int day = 1; day <= 31; ++day) {
      char date[48];
      std::snprintf(date, sizeof date, "2024-%02d-%02dT10:30", month, day);
      add(say_date(std::string_view(date, 10), language));
      add(say_date(date, language, DateFormat::kDateTime));
    }
  for (int minute = 0; minute < 24 * 60; ++minute) {
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d", minute / 60, minute % 60);
    add(say_date(time, language, DateFormat::kTime));
  }
  return clips;
}

std::string unspoken_key_note(std::string_view language, std::string_view key) {
  const std::vector<Clip> clips = vocabulary(language);
  std::vector<std::string> keys;
  for (const auto& c : clips) {
    if (c.key == key) return "";
    keys.push_back(c.key);
  }
  std::string note = "\"" + std::string(key) + "\" is not a key gomo's engine says numbers or dates with in " +
                     std::string(language) + ", so the recording is heard only by word items whose value is \"" +
                     std::string(key) + "\"";
  std::string meant;
  for (const auto& c : clips)
    if (meant.empty() && c.text == key) meant = c.key;  // the word itself ("un"): its key ("1")
  if (meant.empty()) meant = closest_match(key, keys);
  if (!meant.empty()) note += "; did you mean the key \"" + meant + "\"?";
  return note + " (gomo flow run FLOW --keys shows a flow's keys)";
}

std::string clips_text(const std::vector<Clip>& clips) {
  std::string out;
  for (const auto& c : clips) {
    if (!out.empty()) out += ' ';
    out += c.text;
  }
  return out;
}

std::string clips_keys(const std::vector<Clip>& clips) {
  std::string out;
  for (const auto& c : clips) {
    if (!out.empty()) out += ' ';
    out += c.key;
  }
  return out;
}

}  // namespace gomo::engine

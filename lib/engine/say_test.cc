#include "engine/say.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <set>

using namespace gomo::engine;

static std::string words(const char* value, const char* lang, NumberMode mode = NumberMode::kFull) {
  auto r = say_number(value, lang, mode);
  REQUIRE_MESSAGE(r.has_value(), value);
  return clips_text(r.value());
}

static std::string keys(const char* value, const char* lang) {
  auto r = say_number(value, lang);
  REQUIRE(r.has_value());
  return clips_keys(r.value());
}

TEST_CASE("say_number: French") {
  struct Case {
    const char* n;
    const char* said;
  };
  for (
      auto c :
      {Case{"0", "zéro"},
       Case{"1", "un"},
       Case{"16", "seize"},
       Case{"17", "dix-sept"},
       Case{"21", "vingt et un"},
       Case{"22", "vingt deux"},
       Case{"61", "soixante et un"},
       Case{"70", "soixante dix"},
       Case{"71", "soixante et onze"},
       Case{"72", "soixante douze"},
       Case{"80", "quatre-vingts"},
       Case{"81", "quatre-vingt un"},
       Case{"91", "quatre-vingt onze"},
       Case{"99", "quatre-vingt dix-neuf"},
       Case{"100", "cent"},
       Case{"101", "cent un"},
       Case{"200", "deux cents"},
       Case{"250", "deux cent cinquante"},
       Case{"1000", "mille"},
       Case{"1250", "mille deux cent cinquante"},
       Case{"2000", "deux mille"},
       Case{"80000", "quatre-vingt mille"},
       Case{"200000", "deux cent mille"},
       Case{"200000000", "deux cents millions"},
       Case{"1000000", "un million"},
       Case{"2500000", "deux millions cinq cent mille"},
       Case{"1000000000", "un milliard"},
       Case{
           "999999999999",
           "neuf cent quatre-vingt dix-neuf milliards neuf cent quatre-vingt dix-neuf millions neuf cent quatre-vingt dix-neuf mille neuf cent quatre-vingt dix-neuf"},
       Case{"-42", "moins quarante deux"},
       Case{"12.50", "douze virgule cinquante"},
       Case{"3.05", "trois virgule zéro cinq"}}) {
    CAPTURE(c.n);
    CHECK(words(c.n, "fr") == c.said);
  }
  CHECK(keys("1250", "fr") == "thousand 200 50");
  CHECK(keys("71", "fr") == "60 and 11");
}

TEST_CASE("say_number: Arabic (units before tens, wa between components, dual and plural)") {
  struct Case {
    const char* n;
    const char* said;
  };
  for (auto c :
       {Case{"0", "صفر"}, Case{"11", "أحد عشر"}, Case{"21", "واحد و عشرون"}, Case{"100", "مئة"}, Case{"200", "مئتان"},
        Case{"305", "ثلاثمئة و خمسة"}, Case{"1000", "ألف"}, Case{"2000", "ألفان"}, Case{"3000", "ثلاثة آلاف"},
        Case{"11000", "أحد عشر ألف"}, Case{"1234", "ألف و مئتان و أربعة و ثلاثون"}, Case{"2000000", "مليونان"},
        Case{"200000", "مئتا ألف"}, Case{"300000", "ثلاثمئة ألف"}, Case{"5000000", "خمسة ملايين"},
        Case{"1000000000", "مليار"}, Case{"-7", "ناقص سبعة"}, Case{"1.5", "واحد فاصلة خمسة"}}) {
    CAPTURE(c.n);
    CHECK(words(c.n, "ar") == c.said);
  }
  CHECK(keys("1234", "ar") == "thousand and 200 and 4 and 30");
  CHECK(keys("2000", "ar") == "thousand-dual");
  CHECK(keys("3000", "ar") == "3 thousand-plural");
}

TEST_CASE("say_number: English") {
  CHECK(words("0", "en") == "zero");
  CHECK(words("15", "en") == "fifteen");
  CHECK(words("105", "en") == "one hundred five");
  CHECK(words("1250", "en") == "one thousand two hundred fifty");
  CHECK(words("2000000", "en") == "two million");
  CHECK(words("1000000001", "en") == "one billion one");
  CHECK(words("-0.25", "en") == "minus zero point twenty five");
}

TEST_CASE("say_number: digits mode, errors") {
  CHECK(words("0612", "fr", NumberMode::kDigits) == "zéro six un deux");
  CHECK(words("12.5", "en", NumberMode::kDigits) == "one two point five");
  CHECK_FALSE(say_number("12a", "fr").has_value());
  CHECK_FALSE(say_number("", "fr").has_value());
  CHECK_FALSE(say_number("1000000000000", "fr").has_value());
  CHECK(say_number("1", "de").error().message().find("expected ar, fr or en") != std::string::npos);
}

TEST_CASE("say_date: each language") {
  auto fr = say_date("2024-03-21", "fr");
  REQUIRE(fr.has_value());
  CHECK(clips_text(*fr) == "vingt et un mars deux mille vingt quatre");
  CHECK(clips_keys(*fr) == "20 and 1 mon-2 2 thousand 20 4");
  CHECK(clips_text(*say_date("2024-03-01", "fr")) == "premier mars deux mille vingt quatre");
  CHECK(clips_text(*say_date("2024-03-21", "en")) == "March twenty-first two thousand twenty four");
  CHECK(clips_text(*say_date("2024-08-02", "ar")) == "اثنان غشت ألفان و أربعة و عشرون");
  CHECK(clips_text(*say_date("2024-03-21T14:30", "fr", DateFormat::kDateTime)) ==
        "vingt et un mars deux mille vingt quatre à quatorze heures trente");
  CHECK(clips_text(*say_date("09:05", "en", DateFormat::kTime)) == "nine oh five a.m.");
  CHECK(clips_text(*say_date("13:00", "en", DateFormat::kTime)) == "one o'clock p.m.");
  CHECK(clips_text(*say_date("14:30", "ar", DateFormat::kTime)) == "الساعة أربعة عشر و ثلاثون دقيقة");
  CHECK_FALSE(say_date("2023-02-29", "fr").has_value());
  CHECK(say_date("2024-02-29", "fr").has_value());
  CHECK_FALSE(say_date("21/03/2024", "fr").has_value());
  CHECK_FALSE(say_date("2024-03-21", "fr", DateFormat::kTime).has_value());
}

TEST_CASE("vocabulary: every key the engine says for numbers and dates, once; notes for other keys") {
  for (const char* language : {"fr", "ar", "en"}) {
    CAPTURE(language);
    std::set<std::string> known;
    for (const auto& c : vocabulary(language)) CHECK(known.insert(c.key).second);
    // Whatever a flow says is in it: numbers of every size and sign, every date and time of a year.
    auto covered = [&](const gomo::Result<std::vector<Clip>>& said) {
      REQUIRE(said);
      for (const auto& c : said.value()) CHECK_MESSAGE(known.count(c.key), c.key);
    };
    for (const char* n : {"0", "7", "17", "71", "99", "110", "999", "1999", "2026", "-45.07", "987654321012"})
      covered(say_number(n, language));
    covered(say_number("0042", language, NumberMode::kDigits));
    for (int day = 1; day <= 365; day += 7) {
      char date[32];
      std::snprintf(date, sizeof date, "2025-%02d-%02dT%02d:%02d", 1 + (day - 1) / 31 % 12, 1 + (day - 1) % 28,
                    day % 24, day % 60);
      covered(say_date(date, language, DateFormat::kDateTime));
    }
  }
  CHECK(vocabulary("de").empty());
  CHECK(unspoken_key_note("fr", "thousand").empty());
  CHECK(unspoken_key_note("fr", "100").empty());
  CHECK(unspoken_key_note("fr", "mon-2").empty());
  CHECK(unspoken_key_note("fr", "un") ==
        "\"un\" is not a key gomo's engine says numbers or dates with in fr, so the recording is heard only by word "
        "items whose value is \"un\"; did you mean the key \"1\"? (gomo flow run FLOW --keys shows a flow's keys)");
  CHECK(unspoken_key_note("en", "thousnd").find("did you mean the key \"thousand\"?") != std::string::npos);
  CHECK(unspoken_key_note("fr", "bienvenue").find("did you mean") == std::string::npos);
}

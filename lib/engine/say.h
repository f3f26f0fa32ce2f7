#pragma once
// What the platform plays for `number` and `date` play items: the sequence of dictionary clips, as
// pure functions (no audio) so transcripts show exactly what the callee hears and tests need no sound.
//
// A clip has a dictionary key and the word it holds in that language. Keys follow the vocabulary of
// Gomobile's system dictionaries and Asterisk's sound sets ("100", "1000", "and", "thousand"): numbers
// are their own digits, connectors and scale words are English names, months are "mon-0".."mon-11",
// ordinals "h-N". The same key therefore names the same meaning in the fr, ar and en dictionaries.
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace gomo::engine {

struct Clip {
  std::string key;   // dictionary key, e.g. "200", "and", "thousand", "mon-2"
  std::string text;  // what the clip says, e.g. "deux cents", "و", "thousand"
  bool operator==(const Clip&) const = default;
};

enum class NumberMode : uint8_t { kFull, kDigits };

// Clips for a number written as decimal text ("1250", "-3.5", "0042"). Integers up to 999,999,999,999;
// decimals are read as "<int> point <fraction>" (fraction as a number, leading zeros one by one).
// Languages: "fr", "ar", "en". Fails on text that is not a number or an unknown language.
Result<std::vector<Clip>> say_number(std::string_view value, std::string_view language,
                                     NumberMode mode = NumberMode::kFull);

enum class DateFormat : uint8_t { kDate, kDateTime, kTime };

// Clips for an ISO 8601 date ("2024-03-21"), date-time ("2024-03-21T14:30[:ss][Z|+hh:mm]") or time
// ("14:30"). French: "vingt et un mars deux mille vingt-quatre" (day 1 is "premier"); English: "March
// twenty-first, two thousand twenty-four"; Arabic: day, month name, year; times as hours and minutes.
Result<std::vector<Clip>> say_date(std::string_view value, std::string_view language,
                                   DateFormat format = DateFormat::kDate);

// Every clip the engine says numbers and dates with in `language` ("fr", "ar", "en"; empty for another),
// each key once: the keys a system dictionary holds, and those a recording can be made for.
std::vector<Clip> vocabulary(std::string_view language);

// For a recording about to be stored under `key` in a dictionary of `language`: "" when the engine says
// `key` for numbers or dates; else why it would be heard only by `word` items whose value is `key`, and the
// key meant when `key` is a clip's word ("un" -> "1") or close to a key ("thousnd" -> "thousand").
std::string unspoken_key_note(std::string_view language, std::string_view key);

// The words of `clips` joined by spaces (for transcripts).
std::string clips_text(const std::vector<Clip>& clips);
// The keys of `clips` joined by spaces.
std::string clips_keys(const std::vector<Clip>& clips);

}  // namespace gomo::engine

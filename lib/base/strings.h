#pragma once
// Small string helpers shared by every folder.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gomo {

// Levenshtein distance (insert, delete, substitute), capped: returns max_distance + 1 once exceeded.
int edit_distance(std::string_view a, std::string_view b, int max_distance = 1000);

// The candidate closest to `word` when it is close enough to be a plausible typo, else "".
// Case differences count as half an edit, so `onend` suggests `onEnd` before `onSend`.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "a, b or c" style lists of `items`, each wrapped in `quote` (e.g. "`").
std::string join_words(const std::vector<std::string>& items, std::string_view last_sep = " or ",
                       std::string_view quote = "");

std::string join(const std::vector<std::string>& items, std::string_view sep);

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string to_lower(std::string_view s);

// Appends code point `cp` encoded as UTF-8.
void append_utf8(std::string& out, uint32_t cp);

// Appends `s` as a JSON string literal: quotes, \" \\ \b \f \n \r \t, other bytes under 0x20 as \u00XX,
// every other byte as it is (nlohmann's dump with ensure_ascii off, for text that is valid UTF-8; the
// caller checks that).
void append_json_string(std::string& out, std::string_view s);

// Number of UTF-8 code points in `s` (invalid bytes count as one each).
size_t utf8_length(std::string_view s);

}  // namespace gomo

#include "base/strings.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace gomo {

int edit_distance(std::string_view a, std::string_view b, int max_distance) {
  // Optimal string alignment: insert, delete, substitute, and swap of two neighbours ("lable").
  const size_t m = a.size(), n = b.size();
  std::vector<int> prev2(n + 1), prev(n + 1), cur(n + 1);
  for (size_t j = 0; j <= n; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= m; ++i) {
    cur[0] = static_cast<int>(i);
    int best = cur[0];
    for (size_t j = 1; j <= n; ++j) {
      int subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      best = std::min(best, cur[j]);
    }
    if (best > max_distance) return max_distance + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[n];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string lower = to_lower(word);
  std::string best;
  int best_score = 1 << 30;
  for (const auto& c : candidates) {
    // Close enough: at most a third of the longer word, and at least one edit allowed. The length
    // difference alone can rule a candidate out, and the distance stops counting past the limit, so a
    // hostile 1 MiB key costs about as much as reading it, not a million cells per candidate letter.
    const int limit = std::max<int>(1, static_cast<int>(std::max(word.size(), c.size()) / 3));
    const size_t longer = std::max(word.size(), c.size()), shorter = std::min(word.size(), c.size());
    if (longer - shorter > static_cast<size_t>(limit)) continue;
    // Score in half-edits: case-insensitive distance counts double, a case-only difference counts one.
    const int ci = edit_distance(lower, to_lower(c), limit);
    if (ci > limit) continue;
    const int cs = edit_distance(word, c, limit + 1);
    const int score = ci * 2 + (cs != ci ? 1 : 0);
    if (score < best_score) {
      best_score = score;
      best = c;
    }
  }
  return best;
}

std::string join_words(const std::vector<std::string>& items, std::string_view last_sep, std::string_view quote) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? std::string(last_sep) : std::string(", ");
    out += quote;
    out += items[i];
    out += quote;
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  // Runs of bytes that need no escape are appended whole: one character at a time was a twentieth
  // of an upsert's answer.
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out += buf;
      }
    }
  }
  out.append(s.substr(run));
  out += '"';
}

}  // namespace gomo

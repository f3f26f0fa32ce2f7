#include "api/validate_programs.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>

#include "api/resource_tables.h"
#include "api/validate.h"
#include "base/utf8.h"

namespace gomo::api {
namespace {

using fields::FieldErrors;

std::optional<ApiError> result_of(FieldErrors errors) {
  if (errors.empty()) return std::nullopt;
  return validation_error(std::move(errors));
}

bool digits(const std::string& s, size_t at, size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

void check_iso(FieldErrors& errors, const std::string& field, const std::optional<std::string>& value) {
  if (value && !parse_iso_instant_ms(*value)) {
    errors[field].push_back(field + " must be a valid ISO 8601 date string with a timezone or Z");
  }
}

}  // namespace

std::optional<long long> parse_iso_instant_ms(const std::string& s) {
  int y, mo, d, h, mi, sec = 0;
  if (!digits(s, 0, 4, y) || s.size() < 16 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, h) || s[13] != ':' ||
      !digits(s, 14, 2, mi)) {
    return std::nullopt;
  }
  size_t i = 16;
  long long ms = 0;
  if (i < s.size() && s[i] == ':') {
    if (!digits(s, i + 1, 2, sec)) return std::nullopt;
    i += 3;
    if (i < s.size() && s[i] == '.') {
      ++i;
      int scale = 100;
      size_t start = i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        ms += (s[i] - '0') * scale;
        scale /= 10;
        ++i;
      }
      if (i == start) return std::nullopt;
    }
  }
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return std::nullopt;
  long long offset_min = 0;
  if (i >= s.size()) return std::nullopt;  // no timezone: refused, as the platform does
  if (s[i] == 'Z' || s[i] == 'z') {
    ++i;
  } else if (s[i] == '+' || s[i] == '-') {
    int oh, om;
    if (!digits(s, i + 1, 2, oh)) return std::nullopt;
    size_t j = i + 3;
    if (j < s.size() && s[j] == ':') ++j;
    if (!digits(s, j, 2, om) || oh > 23 || om > 59) return std::nullopt;
    offset_min = (oh * 60 + om) * (s[i] == '-' ? -1 : 1);
    i = j + 2;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  long long days = days_from_civil(y, mo, d);
  long long seconds = days * 86400 + h * 3600 + mi * 60 + sec - offset_min * 60;
  return seconds * 1000 + ms;
}

std::string format_iso_instant_ms(long long ms) {
  long long seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
  int millis = static_cast<int>(ms - seconds * 1000);
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, millis);
  return out;
}

bool is_uuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

void check_retry_strategy(const RetryStrategy& r, const std::string& field, FieldErrors& errors) {
  if (r.type == "none") return;
  if (r.type == "fixed_delay") {
    if (r.delay_ms <= 0) errors[field + ".delay"].push_back("the retry delay must be positive");
    if (r.max_retries < 0) errors[field + ".maxRetries"].push_back("maxRetries must not be less than 0");
    return;
  }
  if (r.type == "scheduled") {
    if (r.dates.empty()) errors[field + ".dates"].push_back("scheduled retries need at least one date");
    for (size_t i = 0; i < r.dates.size(); ++i) {
      check_iso(errors, field + ".dates." + std::to_string(i), r.dates[i]);
    }
    return;
  }
  errors[field + ".type"].push_back("type must be one of the following values: none, fixed_delay, scheduled");
}

std::optional<ApiError> validate_auto_pause_rules(const std::vector<AutoPauseRule>& rules, const std::string& field) {
  FieldErrors errors;
  for (size_t i = 0; i < rules.size(); ++i) {
    fields::check_object(rules[i], true, errors, field + "." + std::to_string(i) + ".");
  }
  return result_of(std::move(errors));
}

std::optional<ApiError> validate_program(const ProgramFields& f, bool create) {
  FieldErrors errors;
  fields::check_object(f, create, errors);
  if (f.start_at && f.stop_at) {
    auto start = parse_iso_instant_ms(*f.start_at), stop = parse_iso_instant_ms(*f.stop_at);
    if (start && stop && *stop <= *start) errors["stopAt"].push_back("stopAt must be after startAt");
  }
  if (f.did_pool) {
    for (size_t i = 0; i < f.did_pool->size(); ++i) {
      const std::string& d = (*f.did_pool)[i];
      bool e164 = d.size() >= 4 && d.size() <= 16 && d[0] == '+' &&
                  std::all_of(d.begin() + 1, d.end(), [](unsigned char c) { return std::isdigit(c); });
      if (!e164 && !is_uuid(d)) {
        errors["didPool." + std::to_string(i)].push_back("each didPool entry must be a DID id or an E.164 number");
      }
    }
  }
  if (f.retry_strategy) check_retry_strategy(*f.retry_strategy, "retryStrategy", errors);
  if (f.pause_windows) {
    for (const auto& [day, windows] : f.pause_windows->days) {
      const std::string& day_name = day;  // clang 14 cannot capture a structured binding
      if (std::none_of(std::begin(kWeekdays), std::end(kWeekdays), [&](const char* w) { return day_name == w; })) {
        errors["pauseWindows." + day].push_back("property " + day + " should not exist");
        continue;
      }
      for (size_t i = 0; i < windows.size(); ++i) {
        for (const auto* t : {&windows[i].start_at, &windows[i].end_at}) {
          if (t->hour < 0 || t->hour > 23 || t->minute < 0 || t->minute > 59) {
            errors["pauseWindows." + day + "." + std::to_string(i)].push_back("hour must be 0-23 and minute 0-59");
          }
        }
      }
    }
    for (size_t i = 0; i < f.pause_windows->advanced.size(); ++i) {
      const auto& r = f.pause_windows->advanced[i];
      std::string at = "pauseWindows.advanced." + std::to_string(i);
      check_iso(errors, at + ".startAt", r.start_at);
      check_iso(errors, at + ".endAt", r.end_at);
      auto a = parse_iso_instant_ms(r.start_at), b = parse_iso_instant_ms(r.end_at);
      if (a && b && *b <= *a) errors[at + ".endAt"].push_back("endAt must be after startAt");
    }
  }
  if (f.auto_pause_rules) {
    if (auto e = validate_auto_pause_rules(*f.auto_pause_rules, "autoPauseRules")) {
      for (auto& [k, v] : e->field_errors) errors[k] = v;
    }
  }
  if (create && f.status && *f.status != "draft") errors["status"].push_back("a new program is a draft");
  return result_of(std::move(errors));
}

std::optional<ApiError> validate_call_request(const CallRequestFields& f) {
  FieldErrors errors;
  fields::check_object(f, true, errors);
  check_retry_strategy(f.retry, "retry", errors);
  return result_of(std::move(errors));
}

// Title, description and usage type by the table; tags, text encoding and the file here.
std::optional<ApiError> validate_audio_upload(const AudioUpload& u) {
  FieldErrors errors;
  fields::check_object(u, true, errors);
  for (const auto& t : u.tags) {
    if (t.empty() || char_count(t) > 64) errors["tags"].push_back("each tag must have 1 to 64 characters");
  }
  // Stored and shown as text: bytes that are not UTF-8 would poison every later listing.
  auto utf8 = [&](const char* field, const std::string& v, const char* what) {
    if (!is_valid_utf8(v)) errors[field].push_back(std::string(what) + " must be valid UTF-8");
  };
  if (u.title) utf8("title", *u.title, "title");
  if (u.description) utf8("description", *u.description, "description");
  for (const auto& t : u.tags) utf8("tags", t, "each tag");
  utf8("file", u.file_name, "the file name");
  if (u.bytes.empty()) errors["file"].push_back("file should not be empty");
  if (static_cast<long long>(u.bytes.size()) > kMaxAudioBytes) {
    errors["file"].push_back("file must be at most " + std::to_string(kMaxAudioBytes / (1024 * 1024)) + " MB");
  }
  return result_of(std::move(errors));
}

std::optional<ApiError> validate_dictionary(const DictionaryFields& f) {
  FieldErrors errors;
  fields::check_object(f, true, errors);
  if (f.name && !is_valid_utf8(*f.name)) errors["name"].push_back("name must be valid UTF-8");
  if (f.description && !is_valid_utf8(*f.description))
    errors["description"].push_back("description must be valid UTF-8");
  return result_of(std::move(errors));
}

std::optional<ApiError> validate_dictionary_entry(const std::string& key, const AudioUpload& audio) {
  FieldErrors errors;
  if (auto e = validate_audio_upload(audio)) errors = e->field_errors;
  if (key.empty()) {
    errors["key"].push_back("key should not be empty");
  } else if (!is_valid_utf8(key)) {
    errors["key"].push_back("key must be valid UTF-8");
  } else if (char_count(key) > kMaxDictionaryKeyChars) {
    errors["key"].push_back("key must be at most " + std::to_string(kMaxDictionaryKeyChars) + " characters");
  }
  return result_of(std::move(errors));
}

}  // namespace gomo::api

#include "base/time.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace gomo {

std::string now_iso() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
  return out;
}

std::string iso_time(long long epoch_ms) {
  std::time_t secs = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(epoch_ms % 1000));
  return buf;
}

std::optional<long long> parse_duration_ms(const std::string& text) {
  if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '.')) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  std::string unit(end);
  double scale = 0;
  if (unit.empty() || unit == "s") scale = 1000;
  if (unit == "ms") scale = 1;
  if (unit == "m" || unit == "min") scale = 60000;
  if (scale == 0 || !std::isfinite(value)) return std::nullopt;
  double ms = std::round(value * scale);
  if (ms < 0 || ms > 24.0 * 3600 * 1000) return std::nullopt;
  return static_cast<long long>(ms);
}

std::string format_duration_ms(long long ms) {
  char buf[32];
  if (ms % 60000 == 0 && ms >= 600000) {
    std::snprintf(buf, sizeof buf, "%lldm", ms / 60000);
  } else if (ms % 1000 == 0 || (ms >= 1000 && ms % 100 == 0)) {
    std::snprintf(buf, sizeof buf, "%gs", static_cast<double>(ms) / 1000);
  } else {
    std::snprintf(buf, sizeof buf, "%lldms", ms);
  }
  return buf;
}

}  // namespace gomo

#include "calls/call_options.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <vector>

#include "api/validate_programs.h"
#include "base/strings.h"
#include "base/time.h"

namespace gomo::calls {
namespace {

constexpr const char* kRetryForms = "none, fixed_delay:DELAY:MAX (e.g. fixed_delay:30m:3) or scheduled:DATE,DATE";

// "30" (minutes), "30m", "2h": minutes; nothing when malformed.
std::optional<long long> delay_minutes(const std::string& text) {
  if (text.empty()) return std::nullopt;
  long long factor = 1;
  std::string digits = text;
  if (digits.back() == 'm') digits.pop_back();
  else if (digits.back() == 'h') factor = 60, digits.pop_back();
  if (digits.empty() || digits.size() > 6 || !std::all_of(digits.begin(), digits.end(), ::isdigit)) return std::nullopt;
  return std::stoll(digits) * factor;
}

std::optional<int> small_count(const std::string& text) {
  if (text.empty() || text.size() > 4 || !std::all_of(text.begin(), text.end(), ::isdigit)) return std::nullopt;
  return std::stoi(text);
}

std::vector<std::string> split_on(const std::string& text, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t at = text.find(sep); at != std::string::npos; at = text.find(sep, start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

Status retry_error(const std::string& text, const std::string& why) {
  return Status::invalid_argument("--retry " + text + ": " + why);
}

}  // namespace

long long now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Result<api::RetryStrategy> parse_retry(const std::string& text, long long now) {
  api::RetryStrategy r;
  if (text == "none") return r;
  const size_t colon = text.find(':');
  const std::string kind = text.substr(0, colon);
  const std::string rest = colon == std::string::npos ? "" : text.substr(colon + 1);
  if (kind == "fixed_delay" || kind == "fixed-delay") {
    auto parts = split_on(rest, ':');
    if (colon == std::string::npos || parts.size() != 2) {
      return retry_error(text, "fixed_delay takes a delay and a number of retries: fixed_delay:30m:3");
    }
    auto minutes = delay_minutes(parts[0]);
    if (!minutes) return retry_error(text, "the delay `" + parts[0] + "` is not minutes (30, 30m) or hours (2h)");
    if (*minutes < 1 || *minutes > kMaxRetryDelayMinutes) {
      return retry_error(text, "the delay must be between 1 minute and 24 hours (1440m), not " +
                                   std::to_string(*minutes) + " minutes");
    }
    auto max = small_count(parts[1]);
    if (!max) return retry_error(text, "the number of retries `" + parts[1] + "` is not a whole number");
    if (*max > kMaxRetries) {
      return retry_error(text, "at most " + std::to_string(kMaxRetries) + " retries, not " + std::to_string(*max));
    }
    r.type = "fixed_delay";
    r.delay_ms = *minutes * 60'000;
    r.max_retries = *max;
    return r;
  }
  if (kind == "scheduled") {
    if (rest.empty()) return retry_error(text, "scheduled takes dates: scheduled:2026-12-01T09:00:00Z,...");
    long long previous = now;
    for (const std::string& date : split_on(rest, ',')) {
      auto ms = api::parse_iso_instant_ms(date);
      if (!ms) {
        return retry_error(text, "`" + date + "` is not an ISO 8601 time with a timezone, e.g. 2026-12-01T09:00:00Z");
      }
      if (*ms <= now) return retry_error(text, date + " is in the past");
      if (*ms <= previous && !r.dates.empty()) return retry_error(text, "the dates must be in ascending order");
      previous = *ms;
      r.dates.push_back(date);
    }
    if (static_cast<int>(r.dates.size()) > kMaxRetryDates) {
      return retry_error(text, "at most " + std::to_string(kMaxRetryDates) + " dates");
    }
    r.type = "scheduled";
    return r;
  }
  return retry_error(text, std::string("expected ") + kRetryForms);
}

Result<std::string> parse_start_at(const std::string& text, long long now) {
  if (!text.empty() && text[0] == '+') {
    std::string amount = text.substr(1);
    long long unit_ms = 0;
    if (!amount.empty()) {
      switch (amount.back()) {
        case 's': unit_ms = 1000; break;
        case 'm': unit_ms = 60'000; break;
        case 'h': unit_ms = 3'600'000; break;
        case 'd': unit_ms = 86'400'000; break;
        default: break;
      }
      amount.pop_back();
    }
    if (unit_ms == 0 || amount.empty() || amount.size() > 6 || !std::all_of(amount.begin(), amount.end(), ::isdigit)) {
      return Status::invalid_argument("--at " + text +
                                      ": a time from now is a number and a unit: +90s, +10m, +2h, +1d");
    }
    return iso_time(now + std::stoll(amount) * unit_ms);
  }
  auto ms = api::parse_iso_instant_ms(text);
  if (!ms) {
    return Status::invalid_argument("--at " + text +
                                    ": expected an ISO 8601 time with a timezone (2026-12-01T09:00:00Z, "
                                    "2026-12-01T10:00:00+01:00) or a time from now (+10m)");
  }
  if (*ms < now) return Status::invalid_argument("--at " + text + ": that time is past; give a later one, or +10m");
  return iso_time(*ms);
}

Status add_variable(const std::string& text, std::map<std::string, std::string>& vars) {
  const size_t eq = text.find('=');
  const std::string name = text.substr(0, eq);
  if (eq == std::string::npos || name.empty() ||
      !std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; })) {
    return Status::invalid_argument("--var " + text +
                                    ": expected NAME=VALUE, NAME made of letters, digits and _ (--var otp=123456)");
  }
  if (!vars.emplace(name, text.substr(eq + 1)).second) {
    return Status::invalid_argument("--var " + name + " is given twice");
  }
  return Status::ok();
}

Result<CallFlagValues> read_call_flags(const std::string& retry, const std::string& at,
                                       const std::vector<std::string>& vars, long long now) {
  CallFlagValues out;
  auto strategy = parse_retry(retry, now);
  if (!strategy) return strategy.error();
  out.retry = std::move(*strategy);
  if (!at.empty()) {
    auto start = parse_start_at(at, now);
    if (!start) return start.error();
    out.start_at = std::move(*start);
  }
  for (const auto& v : vars) {
    if (Status s = add_variable(v, out.vars); !s) return s;
  }
  return out;
}

}  // namespace gomo::calls

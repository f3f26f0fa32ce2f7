#pragma once
// What `gomo call` reads from its flags, checked before anything is sent: the retry strategy
// (--retry, in the program spelling docs/decisions.md uses everywhere), the start time (--at) and the
// flow variables (--var). Pure functions of their text and the current time.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/programs.h"
#include "base/status.h"

namespace gomo::calls {

// Limits gomo puts on a one-off call's retries (the platform documents none; these keep a typo such as
// 300 retries from dialling someone all day).
inline constexpr int kMaxRetries = 10;                    // fixed_delay: 0..10 retries after the first attempt
inline constexpr long long kMaxRetryDelayMinutes = 1440;  // fixed_delay: 1 minute .. 24 hours
inline constexpr int kMaxRetryDates = 10;                 // scheduled: 1..10 dates

// --retry TEXT: `none`, `fixed_delay:DELAY:MAX` (DELAY in minutes, or with a unit: 30, 30m, 2h; MAX
// retries after the first attempt) or `scheduled:DATE[,DATE...]` (ISO 8601 instants with a timezone, in
// the future, ascending). Fails (kInvalidArgument, a message starting "--retry ...") on anything else or
// out of the limits above. `now_ms`: milliseconds since the epoch.
Result<api::RetryStrategy> parse_retry(const std::string& text, long long now_ms);

// --at TEXT: an ISO 8601 instant with a timezone ("2026-12-01T09:00:00Z", "...+01:00") or a time from
// now ("+10m", "+90s", "+2h", "+1d"). Returns it in UTC ("2026-12-01T08:00:00.000Z"). A time before
// `now_ms` fails, as does anything else.
Result<std::string> parse_start_at(const std::string& text, long long now_ms);

// --var NAME=VALUE, added to `vars`. NAME: letters, digits and `_` (a flow's `{NAME}` placeholder).
// A NAME given twice fails.
Status add_variable(const std::string& text, std::map<std::string, std::string>& vars);

// --retry, --at ("" for now) and each --var of one call, read together at `now_ms`; fails as the
// first of the functions above that fails, in that order.
struct CallFlagValues {
  api::RetryStrategy retry;
  std::optional<std::string> start_at;  // unset: now
  std::map<std::string, std::string> vars;
};
Result<CallFlagValues> read_call_flags(const std::string& retry, const std::string& at,
                                       const std::vector<std::string>& vars, long long now_ms);

// Now, in milliseconds since the epoch.
long long now_ms();

}  // namespace gomo::calls

#pragma once
// Which call outcomes are retried and when the next attempt is due (docs/decisions.md, "Calls,
// programs, retries"; Gomobile docs: Retry strategies). Pure functions of the strategy and the attempt.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "api/programs.h"
#include "base/status.h"

namespace gomo::campaign {

using EpochMillis = int64_t;

// True for no_answer, busy, rejected and failed; voicemail only when `retry_voicemail` (the program has
// no such field today, so the dialer passes false). completed and cancelled never retry.
bool outcome_retries(std::string_view outcome, bool retry_voicemail = false);

// A retry strategy ready to answer many times (scheduled dates parsed once).
class RetryPolicy {
 public:
  // Fails when a scheduled date is not an ISO 8601 instant with a timezone, or fixed_delay has a delay
  // <= 0 or negative maxRetries. An unknown type counts as none.
  static Result<RetryPolicy> make(const api::RetryStrategy& strategy, bool retry_voicemail = false);

  // When the next attempt is due after an attempt that ended at `ended_at` with `outcome`, the contact
  // having made `attempts_made` attempts (this one included, >= 1); nothing when it must not be retried:
  // the outcome does not retry, none, maxRetries used up (fixed_delay: delay after the end), or no
  // scheduled date after the end. The time is before pause windows (Calendar::next_allowed moves it).
  std::optional<EpochMillis> next_attempt(std::string_view outcome, int attempts_made, EpochMillis ended_at) const;

 private:
  std::string type_ = "none";
  EpochMillis delay_ms_ = 0;
  int max_retries_ = 0;
  std::vector<EpochMillis> dates_;  // sorted
  bool retry_voicemail_ = false;
};

}  // namespace gomo::campaign

#include "campaign/retry.h"

#include <algorithm>

#include "api/validate_programs.h"

namespace gomo::campaign {

bool outcome_retries(std::string_view outcome, bool retry_voicemail) {
  return outcome == "no_answer" || outcome == "busy" || outcome == "rejected" || outcome == "failed" ||
         (retry_voicemail && outcome == "voicemail");
}

Result<RetryPolicy> RetryPolicy::make(const api::RetryStrategy& strategy, bool retry_voicemail) {
  RetryPolicy p;
  p.retry_voicemail_ = retry_voicemail;
  if (strategy.type == "fixed_delay") {
    if (strategy.delay_ms <= 0 || strategy.max_retries < 0)
      return Status::invalid_argument("retryStrategy fixed_delay needs delayMinutes > 0 and maxRetries >= 0 (got " +
                                      std::to_string(strategy.delay_ms / 60000) + " and " +
                                      std::to_string(strategy.max_retries) + ")");
    p.type_ = strategy.type;
    p.delay_ms_ = strategy.delay_ms;
    p.max_retries_ = strategy.max_retries;
  } else if (strategy.type == "scheduled") {
    p.type_ = strategy.type;
    for (const auto& d : strategy.dates) {
      auto ms = api::parse_iso_instant_ms(d);
      if (!ms)
        return Status::invalid_argument("retryStrategy scheduled: `" + d +
                                        "` is not an ISO 8601 instant with a timezone (2026-03-01T09:00:00Z)");
      p.dates_.push_back(*ms);
    }
    std::sort(p.dates_.begin(), p.dates_.end());
  }
  return p;
}

std::optional<EpochMillis> RetryPolicy::next_attempt(std::string_view outcome, int attempts_made,
                                                     EpochMillis ended_at) const {
  if (!outcome_retries(outcome, retry_voicemail_)) return std::nullopt;
  if (type_ == "fixed_delay") {
    if (attempts_made > max_retries_) return std::nullopt;  // maxRetries 3: attempts 1..4
    return ended_at + delay_ms_;
  }
  if (type_ == "scheduled") {
    // The first date after the end: each date is used at most once, since each attempt ends after it.
    auto it = std::upper_bound(dates_.begin(), dates_.end(), ended_at);
    if (it == dates_.end()) return std::nullopt;
    return *it;
  }
  return std::nullopt;
}

}  // namespace gomo::campaign

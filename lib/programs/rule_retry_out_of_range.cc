// retry-out-of-range: retry settings the platform refuses (delayMinutes below 1, maxRetries outside
// 0-100, an empty or unordered retryDates list).
#include "api/validate_programs.h"
#include "programs/rules.h"

namespace gomo::programs {

extern const ProgramRule kRuleRetryOutOfRange;

namespace {

constexpr int kMaxRetries = 100;  // the platform's limit (api/program_fields.cc)

void check_retry_out_of_range(const ProgramContext& ctx, ProgramReporter& out) {
  const document::Value* retry = ctx.file.retry;
  if (!retry) return;
  const std::string_view type = retry->string_at("type");
  if (type == "fixed_delay") {
    if (const auto* delay = retry->find("delayMinutes"); delay && delay->kind == document::Kind::kInt) {
      if (delay->integer < 1)
        out.report(kRuleRetryOutOfRange, *delay,
                   "delayMinutes is " + delay->text + "; the wait before a retry must be at least 1 minute", "1");
    }
    if (const auto* retries = retry->find("maxRetries"); retries && retries->kind == document::Kind::kInt) {
      if (retries->integer < 0 || retries->integer > kMaxRetries)
        out.report(kRuleRetryOutOfRange, *retries,
                   "maxRetries is " + retries->text +
                       "; expected 0 to 100 retries after the first attempt (3 = up "
                       "to four calls per contact)");
    }
  } else if (type == "scheduled") {
    const auto* dates = retry->find("retryDates");
    if (!dates || !dates->is_sequence()) return;
    if (dates->items.empty()) {
      out.report(kRuleRetryOutOfRange, *dates,
                 "retryDates is empty; list at least one instant, or use `type: none` for no retries");
      return;
    }
    long long previous = 0;
    for (const auto& d : dates->items) {
      auto ms = d.is_string() ? api::parse_iso_instant_ms(d.text) : std::nullopt;
      if (!ms) continue;  // bad-time says so
      if (previous && *ms <= previous)
        out.report(kRuleRetryOutOfRange, d,
                   "retry date `" + d.text + "` is not after the one before it; list retryDates in time order");
      previous = *ms;
    }
  }
}

}  // namespace

const ProgramRule kRuleRetryOutOfRange = {
    "retry-out-of-range", diag::Severity::kError,
    "Retry settings outside what the platform accepts: delayMinutes < 1, maxRetries outside 0-100, retryDates "
    "empty or out of order.",
    check_retry_out_of_range};

}  // namespace gomo::programs

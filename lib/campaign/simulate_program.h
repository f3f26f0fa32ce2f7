#pragma once
// `gomo program simulate`: a program's campaign over an audience, run before launch on gomo's own
// dialer (campaign/dialer.h) over an in-memory execution (campaign/memory_dialing.h) on a virtual
// clock, with callees drawn from an outcome mix; the run's figures as a campaign::Forecast
// (docs/forecast.md says what each means; report/forecast_report.h prints and plots them).
//
// Memory is flat in the number of contacts: the audience file is streamed once to count its contacts
// (only phones with a per-contact script in the mix are kept), never-called contacts are an index, and
// the figures are kept per minute of the run (a few bytes per simulated minute).
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "api/dialing.h"
#include "base/status.h"
#include "campaign/forecast.h"
#include "campaign/outcome_mix.h"

namespace gomo::campaign {

struct SimulateOptions {
  // When the run starts if the plan has no start_at (a program that starts when launched): default
  // now, rounded up to the next whole minute. UTC milliseconds.
  std::optional<EpochMillis> start_when_unset;
  // The width of one bucket of Forecast::line_use and completed_by_bucket, in ms. 0 (default): the
  // smallest of 1, 5, 15, 30 min, 1, 2, 3, 6, 12 h, 1, 7 days that gives at most kMaxForecastBuckets.
  EpochMillis bucket_ms = 0;
};
inline constexpr size_t kMaxForecastBuckets = 200;

// The audience's contacts as the forecast counts them: the data rows of the CSV file at `path` ("-":
// stdin; gzip read as such) whose phone field is not empty. The phone column is the first whose header
// is phone, phoneNumber, phone_number, mobile, tel, téléphone or telephone (any case), else the first
// column. Rows the CSV reader rejects (ragged, bad quotes) count when their phone field is there.
struct AudienceCount {
  uint64_t contacts = 0;
  uint64_t skipped = 0;                      // data rows without a phone
  std::map<uint64_t, std::string> scripted;  // contact index (0-based) -> phone, for phones `mix` has a script for
};
// Errors: NotFound (the file cannot be opened), InvalidArgument ("path: ..." the file is empty, has only
// a header, is not CSV, or has no contact with a phone).
Result<AudienceCount> count_audience(const std::string& path, const OutcomeMix& mix);

// Runs `plan` (execution_id, flow_graph_json, caller_numbers: one line each, time_zone, start_at,
// stop_at, retries, pause windows, auto-pause rules) over the audience file with `mix`'s callees (its
// seed: the caller sets OutcomeMix::seed). The run ends when every contact is completed or failed, at
// stop_at, or where an auto-pause rule pauses it (the rest count as not reached: a person would have
// to resume it). Errors: count_audience's, and the dialer's (an unknown zone, a flow without a start
// node, bad retry dates) as InvalidArgument.
Result<Forecast> simulate_program(const std::string& program_name, const api::DialingPlan& plan,
                                  const std::string& audience_path, const OutcomeMix& mix,
                                  const SimulateOptions& options = {});

}  // namespace gomo::campaign

#pragma once
// `gomo execution status [--watch]`: an execution and its report read together, and a polling loop
// that hands each new state to the caller until the execution ends or time is up. Printing is the
// caller's (report/execution_report.h).
#include <functional>
#include <optional>
#include <string>

#include "api/platform.h"
#include "programs/failure.h"

namespace gomo::programs {

// One look at an execution.
struct Snapshot {
  api::Execution execution;
  api::ExecutionReport report;
  long long at_ms = 0;          // when it was read (milliseconds since the epoch)
  double calls_per_minute = 0;  // calls placed since the watch began, per minute of watching (0 at first)
  bool ended = false;           // completed, stopped or cancelled: the watch stops
  std::optional<api::ExecutionBreakdown> breakdown;  // read only when asked (a live view's outcomes)
};

// True when `a` and `b` differ in what a person watching would see change: status, effective
// status, contact counters or calls placed.
bool differs(const Snapshot& a, const Snapshot& b);

// The execution and its report, and its breakdown when `with_breakdown` (404 naming the id when
// there is no such execution).
Outcome<Snapshot> read_snapshot(api::Platform& platform, const std::string& execution_id, bool with_breakdown = false);

struct WatchOptions {
  long long interval_ms = 2000;  // between polls, > 0
  long long timeout_ms = 0;      // stop after this long; 0: only when the execution ends
  bool every_poll = false;       // hand over every snapshot (a live view redraws), not only changes
  bool with_breakdown = false;   // also read each poll's breakdown (one more request per poll)
};

enum class WatchEnd {
  kEnded,     // the execution ended (the last snapshot handed over says how)
  kTimedOut,  // options.timeout_ms passed first
};

// Polls the execution every interval until it ends or the timeout passes, calling `on_snapshot` with
// the first snapshot and then with each one that differs from the last handed over (every one with
// every_poll). A failed read ends the watch with that failure.
Outcome<WatchEnd> watch_execution(api::Platform& platform, const std::string& execution_id, const WatchOptions& options,
                                  const std::function<void(const Snapshot&)>& on_snapshot);

}  // namespace gomo::programs

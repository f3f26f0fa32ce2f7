#pragma once
// gomo's own dialer: runs one execution over an api::Dialing on a Clock, placing each call through the
// engine with a simulated callee (docs/decisions.md, "How a call runs"; Gomobile docs: Executions,
// Retry strategies, Pause windows, Auto-pause rules).
//
// One line per caller number of the DID pool. Each call: claim_due -> engine::run_call -> the call holds
// its line until start + duration (ringing included) -> finish_attempt at that instant. No call or retry
// starts inside a pause window (delayed to its end, never skipped); nothing starts before start_at; at
// stop_at nothing new starts, calls in flight finish and the execution becomes stopped. The stored status
// is re-read after each finish and before each claim, so pause, resume and cancel from elsewhere take
// effect: paused (any kind) places no new call while calls in flight finish and are recorded; cancelled
// releases the claims of calls in flight and returns. With nothing pending or in flight the execution
// becomes completed.
#include <cstdint>
#include <functional>
#include <string>

#include "api/dialing.h"
#include "campaign/clock.h"
#include "campaign/outcome_mix.h"

namespace gomo::campaign {

// One attempt as it happened, for the forecast's figures and progress output.
struct AttemptEvent {
  std::string contact_id;
  int line = 0;  // 0-based index into the DID pool
  EpochMillis start = 0, end = 0;
  std::string outcome;         // kCallOutcomes
  std::string contact_status;  // pending (a retry is due), completed or failed
  int attempt = 1;             // 1-based
  std::optional<EpochMillis> next_attempt_at;
};

struct DialerOptions {
  // Between status re-reads while waiting on a real clock (pause windows, retries, a paused execution),
  // in clock milliseconds. Default 1000.
  EpochMillis poll_ms = 1000;
  // What to do when the execution is paused and no call is in flight: wait for a resume (polling every
  // poll_ms; what `gomo serve` wants), or return with the paused status (default: a virtual run has
  // nobody to resume it unless on_tick does).
  bool wait_while_paused = false;
  // Build the attempt's flowExecution JSON (executionPath, nodeExecutionCount, ...). Default true; the
  // forecast turns it off.
  bool record_flow_execution = true;
  // Called with the clock's time before each step of the loop (a test injects pause/cancel here).
  std::function<void(EpochMillis now)> on_tick;
  // Called after each finish_attempt.
  std::function<void(const AttemptEvent&)> on_attempt;
  // Asked before each step: when it returns true the run returns with the stored status, and the
  // claims of calls in flight are released (placed again by the next run, never counted). Default:
  // never (gomo serve's shutdown sets it).
  std::function<bool()> should_stop;
  // Never-ending guard: return after this many loop steps (0: no limit).
  uint64_t max_steps = 0;
};

struct DialerSummary {
  std::string status;  // the stored status when the run returned (completed, stopped, cancelled, paused...)
  uint64_t attempts = 0;
  EpochMillis started_at = 0;  // when the first call could start (start_at or the run's start)
  EpochMillis ended_at = 0;    // the clock when the run returned
  int max_lines_busy = 0;      // never above the pool's size
};

// Runs `execution_id` until it completes, stops, is cancelled, or (unless options.wait_while_paused) is
// paused with no call in flight. Releases claims left by an earlier dialer first. Errors: the platform's
// (as Status), an invalid plan (unknown zone, bad retry dates, a flow that does not parse, no caller
// number). REQUIRES: `callees`, `dialing` and `clock` outlive the call. Not thread-safe per execution.
Result<DialerSummary> run_execution(api::Dialing& dialing, const std::string& execution_id, Clock& clock,
                                    const OutcomeMix& callees, const DialerOptions& options = {});

}  // namespace gomo::campaign

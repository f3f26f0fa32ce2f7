#pragma once
// What a dialer needs from a platform to run executions and call requests itself: the local workspace
// offers it (gomo's own dialer, lib/campaign, places the calls); a remote platform does not (it dials on
// its own). Instants are milliseconds since 1970-01-01T00:00:00Z on the dialer's clock, which may be
// virtual: a day-long campaign runs in seconds and its attempts are dated on that clock.
//
// Crash safety: a contact is claimed (in progress) before its call is placed and released only by
// finish_attempt, which records the attempt, the contact's new state and the node counts in one
// transaction. A claim left behind by a crash is undone by release_claims: the call never counted, so
// it is placed again; nothing is lost and nothing counts twice.
//
// One dialer runs an execution at a time. A dialer starts an execution with release_claims, which
// releases every claim of that execution, its own and any other dialer's: nothing in the platform
// tells them apart or locks an execution to one dialer. When two dialers run the same execution (say
// `gomo serve` and `gomo program launch --wait` on one workspace), the counters still add up (claims
// are exclusive, and a finished attempt changes only a contact still claimed), but the contacts the
// first had in flight when the second started are claimed again: they may be called twice, and both
// calls are recorded as attempts. Run one dialer per workspace (or stop one before starting the other).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"

namespace gomo::api {

using EpochMillis = int64_t;

// An execution as the dialer runs it: the program as it was launched.
struct DialingPlan {
  std::string execution_id, program_id, organization_id, flow_id;
  std::string flow_graph_json;  // the flow as launched (nodes, edges): what the engine runs
  std::string time_zone;        // the organisation's IANA zone: pause windows are on its wall clock
  std::optional<EpochMillis> start_at, stop_at;
  std::vector<std::string> caller_numbers;  // the DID pool as E.164 numbers: one line each, at least one
  RetryStrategy retry_strategy;
  PauseWindows pause_windows;
  std::vector<AutoPauseRule> auto_pause_rules;
};

// A contact whose attempt is due, claimed for calling.
struct DueContact {
  std::string contact_id, phone;
  int attempts_before = 0;                    // attempts already made (0: the first call)
  std::map<std::string, std::string> fields;  // firstName, lastName, ... and custom attributes by slug
};

// One finished attempt, and what becomes of the contact.
struct FinishedAttempt {
  std::string execution_id;
  std::string contact_id;
  CallAttempt attempt;  // call_id empty: the store makes one
  // pending (a retry is due at next_attempt_at), completed or failed.
  std::string contact_status;
  std::optional<EpochMillis> next_attempt_at;
  std::map<std::string, int> node_counts;  // node id -> visits in this call (auto-pause rules)
};

// A call request (gomo call) as the dialer places it: the contact and flow as they are now.
struct CallJob {
  std::string job_id, organization_id, flow_id;
  std::string flow_graph_json;  // the flow's graph (nodes, edges)
  std::string caller_number;    // the request's DID as its E.164 number
  DueContact contact;           // attempts_before: the attempts recorded so far
  RetryStrategy retry;
  std::optional<EpochMillis> start_at;  // the first attempt not before then
  // An active request's next attempt, as finish_call_attempt stored it: not before then (a restarted
  // dialer waits for it). Nothing for a queued request, or one stored without a time.
  std::optional<EpochMillis> next_attempt_at;
};

class Dialing {
 public:
  virtual ~Dialing() = default;
  // Executions whose status is scheduled, running or one of the paused ones, oldest first.
  virtual Result<std::vector<std::string>> active_executions() = 0;
  virtual Result<DialingPlan> dialing_plan(const std::string& execution_id) = 0;
  // The stored status (kExecutionStatuses): pause, resume and cancel from elsewhere show here.
  virtual Result<std::string> execution_status(const std::string& execution_id) = 0;
  // Moves scheduled -> running (at start), running -> stopped (stopAt passed: pending contacts are
  // skipped), running -> completed (nothing left), with actual_start_at/actual_end_at = `at`.
  virtual Result<std::string> set_execution_status(const std::string& execution_id, const std::string& status,
                                                   EpochMillis at) = 0;
  // Up to `limit` pending contacts whose next attempt is due at or before `now`, marked in progress:
  // retries due first (by due time, then audience order), then never-called contacts in audience
  // order. Every implementation claims in this order (the forecast must match the launch). Retries
  // first keep the retries waiting to those of one retry delay (memory flat in the audience) and
  // place a retry when it is due; a never-called contact waits only while due retries fill the
  // lines, and each contact has finitely many retries, so nobody is starved.
  virtual Result<std::vector<DueContact>> claim_due(const std::string& execution_id, EpochMillis now, size_t limit) = 0;
  // The earliest next_attempt_at among pending contacts; nothing when no contact is pending.
  virtual Result<std::optional<EpochMillis>> next_due(const std::string& execution_id) = 0;
  // Records the attempt and the contact's new state (see FinishedAttempt); pauses the execution
  // (paused_threshold) when an auto-pause rule's count is reached. Returns the stored status after.
  // The contact's state changes only while it is claimed: one a stop skipped (or an earlier finish
  // settled) keeps its state, and the attempt is still recorded.
  virtual Result<std::string> finish_attempt(const FinishedAttempt& done) = 0;
  // Claims left by a dialer that died: back to pending, due now. Returns how many. Releases every
  // claim of the execution, a live dialer's too (see the top of this file).
  virtual Result<int> release_claims(const std::string& execution_id) = 0;

  // Call requests still to place (status queued or active), oldest first. Default: none.
  virtual Result<std::vector<CallJob>> open_call_requests() { return std::vector<CallJob>{}; }
  // Records one attempt of call request `job_id` (attempt.contact_id set) and the request's new status,
  // in one transaction: "active" (a retry follows at `next_attempt_at`, which is stored and comes back
  // in CallJob::next_attempt_at), "completed" or "failed" (no next attempt). Compare-and-set: a
  // request already completed or failed keeps its status (the attempt is still recorded). Returns the
  // stored status after. Default: 404 (a platform without call requests).
  virtual Result<std::string> finish_call_attempt(const std::string& job_id, const CallAttempt& attempt,
                                                  const std::string& job_status,
                                                  std::optional<EpochMillis> next_attempt_at) {
    (void)job_id, (void)attempt, (void)job_status, (void)next_attempt_at;
    return not_found_error("Call request");
  }
};

}  // namespace gomo::api

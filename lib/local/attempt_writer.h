#pragma once
// The one implementation of "a call attempt finished" over the workspace (internal to lib/local):
// the call_attempts row, the contact's new state in its execution, the node counts and the
// auto-pause rules. record_call_attempt (calls.cc) and the dialing side (dialing.cc: finish_attempt
// and its batch form) both write through it.
//
// REQUIRES: the workspace mutex held and a transaction open for as long as the writer is used; the
// statements are prepared once per writer, so a batch reuses them.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"
#include "store/sql.h"

namespace gomo::local {

// The columns of a call_attempts row as read_attempt (calls.cc) and the writer use them.
inline constexpr const char* kAttemptColumns =
    "id, attempt, contact_id, status, direction, from_number, to_number, created_at, dialed_at, answered_at, "
    "terminated_at, duration_ms, outcome, outcome_reason, flow_execution, events";

// What one execution contact becomes after an attempt. `status` empty: unchanged. A contact
// "pending" with a due time is stored "pendingRetry"; "pendingRetry" without one is due at once
// (next_attempt_at 1970-01-01T00:00:00.000Z); every other status clears next_attempt_at.
struct ContactOutcome {
  std::string status;
  std::optional<long long> next_attempt_at_ms;
};

class AttemptWriter {
 public:
  AttemptWriter(sqlite3* db, std::string organization_id);
  // The statements on execution_contacts run once per attempt (dialing_hot_statements).
  static const char* const kUpdateContactSql;
  static const char* const kAttemptsOfSql;

  // Inserts the attempt (a new call id when `attempt.call_id` is empty; created_at now when empty)
  // for the execution or the call request; returns it as stored, contact_id set.
  api::CallAttempt insert(const std::optional<std::string>& execution_id,
                          const std::optional<std::string>& call_request_id, const std::string& contact_id,
                          api::CallAttempt attempt);
  // Counts the attempt on the execution contact and stores its new state; with `only_if_claimed`
  // (the dialer's finish) the state changes only while the contact is "calling", so a contact a stop
  // skipped, or one already finished, keeps its state (the attempt is still counted). False when the
  // execution has no such contact.
  bool update_contact(const std::string& execution_id, const std::string& contact_id, const std::string& outcome,
                      const ContactOutcome& next, bool only_if_claimed);
  // The attempts made so far for the execution's contact; nothing when it has no such contact.
  std::optional<int> attempts_of(const std::string& execution_id, const std::string& contact_id);
  // Adds this call's node visits to the execution's counts.
  void add_node_counts(const std::string& execution_id, const std::map<std::string, int>& counts);
  // The execution's stored status; nothing when this organisation has no such execution. Reads its
  // auto-pause rules too, for apply_auto_pause.
  std::optional<std::string> status_of(const std::string& execution_id);
  // The execution's status after moving it running -> paused_threshold when an auto-pause rule's
  // count is reached; `status` is what status_of returned in this transaction (read once per
  // attempt). Compare-and-set: a status set in between (a user's pause or cancel) is kept.
  // REQUIRES: status_of(execution_id) called first on this writer.
  std::string apply_auto_pause(const std::string& execution_id, const std::string& status);

 private:
  store::sql::Stmt& prepared(std::optional<store::sql::Stmt>& slot, const char* sql);

  sqlite3* db_;
  std::string org_;
  std::optional<store::sql::Stmt> insert_, update_contact_, attempts_, node_count_, execution_, count_of_, pause_;
  // Auto-pause rules by execution: fixed while the writer lives (resume, which may replace them,
  // waits for the mutex the writer's owner holds).
  std::map<std::string, std::vector<api::AutoPauseRule>> rules_;
};

// The statements claim_due and finish_attempt run on execution_contacts (dialing.cc), for a test
// of their query plans: none may read the whole execution or sort it.
std::vector<std::string> dialing_hot_statements();
// The dialer's periodic scans (active_executions, open_call_requests), for the same test: they seek
// the executions and call_requests indexes by (organization_id, status).
std::vector<std::string> dialing_scan_statements();

}  // namespace gomo::local

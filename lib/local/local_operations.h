#pragma once
// The local platform's DIDs, audio, dictionaries, programs, executions, reports and call requests,
// over the workspace's SQLite connection (internal to lib/local, and its tests). make_platform returns
// a LocalPlatform (contacts.cc), which derives from this class; every statement filters on the
// organisation, so other organisations' rows answer 404. Thread-safe like the workspace (one mutex
// per connection).
//
// It is also the workspace's dialing side (api/dialing.h, dialing.cc): gomo's own dialer claims an
// execution's due contacts and reports each finished attempt through it; record_call_attempt() is the
// older way to report one. Reports, breakdowns and call reports are computed from what they record.
//
// How an execution contact's state is stored (execution_contacts): "pending" with next_attempt_at
// NULL: never called (or a first call released after a crash), due at once, called in audience
// order; "pendingRetry" with next_attempt_at (ISO 8601 UTC with milliseconds, as every timestamp of
// the workspace): a retry due then; "calling": claimed, in progress; "completed", "failed", or
// "skipped" (stopAt passed).
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "api/dialing.h"
#include "api/platform.h"

struct sqlite3;

namespace gomo::store {
class Workspace;
}

namespace gomo::local {

class Pager;  // paging.h

// One finished (or progressing) call attempt, as the dialer reports it.
struct CallAttemptRecord {
  std::optional<std::string> execution_id;     // the execution it belongs to, or
  std::optional<std::string> call_request_id;  // the call request (job) it belongs to
  std::string contact_id;
  api::CallAttempt attempt;  // call_id empty: a new id is made
  // The contact's status in the execution afterwards (kExecutionContactStatuses); empty: unchanged.
  std::string contact_status;
  // Node id -> how often it ran in this call; added to the execution's counts (auto-pause rules).
  std::map<std::string, int> node_counts;
  // A call request's next attempt (ms on the dialer's clock) when it stays active; stored as
  // call_requests.next_attempt_at, cleared otherwise.
  std::optional<long long> next_attempt_at_ms;
};

class LocalOperations : public api::Platform, public api::Dialing {
 public:
  // Shares `workspace` (its connection and mutex); `organization_id` is the organisation it acts for;
  // `pager` pages every list (shared by the platforms over one workspace; not null).
  LocalOperations(std::shared_ptr<store::Workspace> workspace, std::string organization_id,
                  std::shared_ptr<Pager> pager);

  api::Result<api::Page<api::Did>> list_available_dids(const api::DidQuery& query) override;
  api::Result<api::Page<api::Audio>> list_audio(const api::AudioQuery& query) override;
  api::Result<api::Audio> upload_audio(const api::AudioUpload& upload) override;
  api::Result<api::Audio> get_audio(const std::string& id) override;
  api::Result<std::string> download_audio(const std::string& id) override;
  api::Result<api::Page<api::Dictionary>> list_dictionaries(const api::DictionaryQuery& query) override;
  api::Result<api::Dictionary> create_dictionary(const api::DictionaryFields& fields) override;
  api::Result<api::Page<api::DictionaryEntry>> list_dictionary_entries(const std::string& dictionary_id,
                                                                       const api::PageQuery& query) override;
  api::Result<api::DictionaryEntry> add_dictionary_entry(const std::string& dictionary_id, const std::string& key,
                                                         const api::AudioUpload& audio) override;

  api::Result<api::Program> create_program(const api::ProgramFields& fields) override;
  api::Result<api::Program> get_program(const std::string& id) override;
  api::Result<api::Page<api::Program>> list_programs(const api::PageQuery& query) override;
  api::Result<api::Program> update_program(const std::string& id, const api::ProgramFields& fields) override;
  api::Result<api::Execution> launch_program(const std::string& program_id) override;
  api::Result<api::Page<api::Execution>> list_executions(const std::string& program_id,
                                                         const api::PageQuery& query) override;
  api::Result<api::Execution> get_execution(const std::string& id) override;
  api::Result<api::Execution> pause_execution(const std::string& id) override;
  api::Result<api::Execution> resume_execution(const std::string& id,
                                               const std::optional<std::vector<api::AutoPauseRule>>& rules) override;
  api::Result<api::Done> cancel_execution(const std::string& id) override;

  api::Result<api::ExecutionReport> execution_report(const std::string& execution_id) override;
  api::Result<api::ExecutionBreakdown> execution_breakdown(const std::string& execution_id) override;
  api::Result<api::Page<api::CallAttempt>> execution_calls(const std::string& execution_id,
                                                           const api::PageQuery& query) override;
  api::Result<api::CallRequestResult> request_call(const api::CallRequestFields& fields) override;
  api::Result<api::Page<api::CallRequest>> list_call_requests(const api::CallRequestQuery& query) override;
  api::Result<api::CallReport> call_report(const std::string& job_id) override;

  // For the dialer: stores one attempt, updates the contact's execution status and the node counts,
  // and moves the execution to paused_threshold when an auto-pause rule's count is reached, or to
  // completed when no contact is left to call. 404 for another organisation's execution or job.
  api::Result<api::CallAttempt> record_call_attempt(const CallAttemptRecord& record);

  // api::Dialing (dialing.cc), for this organisation's executions only (404 for others'). Every
  // call is one transaction, and none reads the whole execution: claim_due and finish_attempt seek
  // the execution_contacts_due index (a test checks the query plans).
  api::Dialing* dialing() override { return this; }
  api::Result<std::vector<std::string>> active_executions() override;
  // The DID pool's ids as their numbers (numbers kept as given); a program without a pool calls
  // from the organisation's oldest active DID. start_at is the scheduled start (launch time when
  // the program had none).
  api::Result<api::DialingPlan> dialing_plan(const std::string& execution_id) override;
  api::Result<std::string> execution_status(const std::string& execution_id) override;
  // Only the dialer's transitions, each a compare-and-set on the stored status: scheduled -> running;
  // scheduled, running or paused* -> stopped (pending, pendingRetry and calling contacts skipped);
  // running -> completed (409 while a contact is pending or calling). When the status changed in
  // between (a user paused or cancelled), nothing is written and the stored status is returned. 400
  // for any other target.
  api::Result<std::string> set_execution_status(const std::string& execution_id, const std::string& status,
                                                api::EpochMillis at) override;
  // Claims nothing unless the execution is running (a pause or cancel stops new calls at once).
  api::Result<std::vector<api::DueContact>> claim_due(const std::string& execution_id, api::EpochMillis now,
                                                      size_t limit) override;
  // A never-called pending contact is due from the scheduled start: then that start is returned.
  api::Result<std::optional<api::EpochMillis>> next_due(const std::string& execution_id) override;
  // done.attempt.attempt is ignored: the attempt's number is the contact's stored attempts + 1.
  // Never completes the execution (set_execution_status does); never changes a status a user set.
  api::Result<std::string> finish_attempt(const api::FinishedAttempt& done) override;
  // finish_attempt for many attempts in one transaction (all or nothing): faster for a dialer with
  // many lines. Returns the stored status of the last one's execution.
  api::Result<std::string> finish_attempts(const std::vector<api::FinishedAttempt>& done);
  // Contacts left "calling" go back to "pending" (never called) or "pendingRetry" (their retry time
  // kept, which had passed when they were claimed): their attempts were never counted.
  api::Result<int> release_claims(const std::string& execution_id) override;
  // This organisation's queued and active call requests, with the contact and flow as they are now.
  // A contact deleted since is still called, at the phone the request keeps. A request whose flow or
  // DID was deleted is left out and failed (final outcome flow_deleted or did_deleted).
  api::Result<std::vector<api::CallJob>> open_call_requests() override;
  // record_call_attempt for a call request, with its next attempt time when it stays active.
  // Compare-and-set: a completed or failed request stays so (the attempt is still recorded); returns
  // the request's stored status after.
  api::Result<std::string> finish_call_attempt(const std::string& job_id, const api::CallAttempt& attempt,
                                               const std::string& job_status,
                                               std::optional<api::EpochMillis> next_attempt_at) override;

 protected:
  std::shared_ptr<store::Workspace> ops_store_;  // keeps the connection open
  sqlite3* ops_db_;
  std::mutex& ops_mutex_;
  std::string ops_org_;
  std::shared_ptr<Pager> ops_pager_;  // used under ops_mutex_

 private:
  // Clock-driven transitions applied when an execution is read: scheduled -> running once its start
  // has passed; running/paused -> stopped (remaining contacts skipped) once its stop has passed.
  void refresh_execution(const std::string& id);
  std::optional<api::Execution> load_execution(const std::string& id);
  std::optional<api::Program> load_program(const std::string& id);
  // The DID ids and numbers this organisation may use (its own active ones and shared ones).
  bool did_available(const std::string& id_or_number);
  api::Result<api::Execution> set_status(const std::string& id, const std::string& verb);
  // Whether any contact of the execution is pending, pendingRetry, queued or calling (index seeks).
  bool anyone_left(const std::string& execution_id);
  // record_call_attempt's body; for a call request, `request_status` (when not null) receives the
  // request's stored status after. REQUIRES: ops_mutex_ held.
  api::Result<api::CallAttempt> record_attempt(const CallAttemptRecord& record, std::string* request_status);
};

// The platform as organisation `organization_id` sees it over `workspace` (a LocalOperations).
// Platforms over one workspace should share one `pager` (paging.h), so that a client reading page
// after page of a list, each page through a new platform (gomo serve), keeps its cursor; null: a
// pager of its own.
std::unique_ptr<api::Platform> make_platform(std::shared_ptr<store::Workspace> workspace, std::string organization_id,
                                             std::shared_ptr<Pager> pager = nullptr);
// The shared read-only system dictionaries (ar, fr, en) with the clip keys the engine speaks
// numbers and dates with; does nothing when they exist. Throws sql::SqlError.
void seed_system_dictionaries(sqlite3* db);

}  // namespace gomo::local

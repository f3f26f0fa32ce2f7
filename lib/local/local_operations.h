#pragma once
// The local platform's DIDs, audio, dictionaries, programs, executions, reports and call requests,
// over the workspace's SQLite connection (internal to lib/local, and its tests). make_platform returns
// a LocalPlatform (contacts.cc), which derives from this class; every statement filters on the
// organisation, so other organisations' rows answer 404. Thread-safe like the workspace (one mutex
// per connection).
//
// No dialer runs yet: executions and call requests are stored with their contacts queued, and
// record_call_attempt() is how the engine that places calls (a later issue) reports each attempt;
// reports, breakdowns and call reports are computed from what it records.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

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
};

class LocalOperations : public api::Platform {
 public:
  // Shares `workspace` (its connection and mutex); `organization_id` is the organisation it acts for;
  // `pager` pages every list (shared by the platforms over one workspace; not null).
  LocalOperations(std::shared_ptr<store::Workspace> workspace, std::string organization_id,
                  std::shared_ptr<Pager> pager);

  api::Result<api::Page<api::Did>> list_available_dids(const api::DidQuery& query) override;
  api::Result<api::Page<api::Audio>> list_audio(const api::AudioQuery& query) override;
  api::Result<api::Audio> upload_audio(const api::AudioUpload& upload) override;
  api::Result<api::Audio> get_audio(const std::string& id) override;
  api::Result<api::Page<api::Dictionary>> list_dictionaries(const api::DictionaryQuery& query) override;

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

#pragma once
// An api::Dialing in memory, for the dialer's tests and the forecast (gomo program simulate): one
// execution over an audience given as a count (contact i is "c<i>", phone from `phone_of`). Claims in
// the local platform's order (api/dialing.h: due retries by due time, then never-called contacts in
// audience order), and a finish for a contact not in progress is recorded without changing it, as
// there (an id that is no contact of the execution is a 404). Memory is flat in the number of contacts: never-called
// contacts are an index; only retries waiting (at most the attempts of one retry delay, as due retries go first) and
// claims in flight are stored. Counters follow the platform's: total = completed + failed + pending + in_progress,
// always. Auto-pause rules count node visits across calls like the local platform. Not thread-safe.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

#include "api/dialing.h"

namespace gomo::campaign {

struct MemoryCounters {
  uint64_t total = 0, completed = 0, failed = 0, pending = 0, in_progress = 0;
  bool add_up() const { return completed + failed + pending + in_progress == total; }
};

class MemoryDialing : public api::Dialing {
 public:
  // `plan.execution_id` names the one execution; its status starts at `status` (scheduled or running).
  // `phone_of(i)` gives contact i's phone (default: default_phone).
  MemoryDialing(api::DialingPlan plan, uint64_t contacts, std::string status = "scheduled",
                std::function<std::string(uint64_t)> phone_of = {});

  // Contact i's phone when no phone_of is given: "+2126" followed by i modulo 10^8 on 8 digits.
  static std::string default_phone(uint64_t i);

  // ---- api::Dialing ----
  api::Result<std::vector<std::string>> active_executions() override;
  api::Result<api::DialingPlan> dialing_plan(const std::string& execution_id) override;
  api::Result<std::string> execution_status(const std::string& execution_id) override;
  api::Result<std::string> set_execution_status(const std::string& execution_id, const std::string& status,
                                                api::EpochMillis at) override;
  api::Result<std::vector<api::DueContact>> claim_due(const std::string& execution_id, api::EpochMillis now,
                                                      size_t limit) override;
  api::Result<std::optional<api::EpochMillis>> next_due(const std::string& execution_id) override;
  api::Result<std::string> finish_attempt(const api::FinishedAttempt& done) override;
  api::Result<int> release_claims(const std::string& execution_id) override;

  // ---- what `gomo program pause|resume|cancel` would do from elsewhere ----
  // pause: running -> paused; resume: any paused -> running (resets the counts of resetOnResume
  // rules); cancel: scheduled/running/paused -> cancelled. Fails on other transitions.
  api::Result<std::string> control(const std::string& action);

  const MemoryCounters& counters() const { return counters_; }
  std::optional<api::EpochMillis> actual_start_at() const { return actual_start_at_; }
  std::optional<api::EpochMillis> actual_end_at() const { return actual_end_at_; }
  // Attempts recorded, when keep_attempts(true) was asked for (tests); otherwise empty.
  void keep_attempts(bool keep) { keep_attempts_ = keep; }
  const std::vector<api::FinishedAttempt>& attempts() const { return attempts_; }
  // Final attempts per contact: 1 -> contacts that ended after one attempt, ... (completed or failed).
  const std::map<int, uint64_t>& contacts_by_attempts() const { return by_attempts_; }
  uint64_t attempt_count() const { return attempt_count_; }
  // The auto-pause rule that last paused the execution (paused_threshold); none when no rule fired.
  const std::optional<api::AutoPauseRule>& paused_by() const { return paused_by_; }

 private:
  struct Waiting {
    api::EpochMillis due;
    uint64_t index;
    int attempts;
    bool operator>(const Waiting& o) const { return due != o.due ? due > o.due : index > o.index; }
  };
  struct Claimed {
    uint64_t index;
    int attempts;
    api::EpochMillis due;  // a retry's due time, kept when the claim is released; unused for first calls
  };
  api::Result<bool> check_id(const std::string& execution_id) const;
  // Contact i for "c<i>" with i < total; nothing for any other id.
  std::optional<uint64_t> index_of(const std::string& contact_id) const;
  api::DueContact due_contact(uint64_t index, int attempts) const;
  // Adds the attempt's node visits to the auto-pause rules' counts; pauses when one reaches its threshold.
  void count_nodes(const api::FinishedAttempt& done);

  api::DialingPlan plan_;
  std::string status_;
  std::function<std::string(uint64_t)> phone_of_;
  MemoryCounters counters_;
  uint64_t next_fresh_ = 0;  // contacts [next_fresh_, total) were never called
  // First calls whose claims release_claims gave back: called before next_fresh_, in audience order
  // (the local platform's rows go back to pending, and their rowids come first).
  std::priority_queue<uint64_t, std::vector<uint64_t>, std::greater<>> released_first_;
  std::priority_queue<Waiting, std::vector<Waiting>, std::greater<Waiting>> retries_;
  std::unordered_map<std::string, Claimed> claimed_;
  std::map<std::string, int> node_counts_;  // auto-pause rules' nodes only
  std::optional<api::AutoPauseRule> paused_by_;
  std::optional<api::EpochMillis> actual_start_at_, actual_end_at_;
  bool keep_attempts_ = false;
  std::vector<api::FinishedAttempt> attempts_;
  std::map<int, uint64_t> by_attempts_;
  uint64_t attempt_count_ = 0;
};

}  // namespace gomo::campaign

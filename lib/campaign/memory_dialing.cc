#include "campaign/memory_dialing.h"

#include <charconv>
#include <cstdio>

namespace gomo::campaign {

MemoryDialing::MemoryDialing(api::DialingPlan plan, uint64_t contacts, std::string status,
                             std::function<std::string(uint64_t)> phone_of)
    : plan_(std::move(plan)), status_(std::move(status)), phone_of_(std::move(phone_of)) {
  if (!phone_of_) phone_of_ = default_phone;
  counters_.total = counters_.pending = contacts;
  for (const auto& rule : plan_.auto_pause_rules) node_counts_[rule.node_id] = 0;
}

std::string MemoryDialing::default_phone(uint64_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "+2126%08llu", static_cast<unsigned long long>(i % 100000000));
  return std::string(buf);
}

api::Result<bool> MemoryDialing::check_id(const std::string& execution_id) const {
  if (execution_id != plan_.execution_id) return api::not_found_error("execution " + execution_id);
  return true;
}

std::optional<uint64_t> MemoryDialing::index_of(const std::string& contact_id) const {
  if (contact_id.size() < 2 || contact_id[0] != 'c') return std::nullopt;
  uint64_t index = 0;
  const char* end = contact_id.data() + contact_id.size();
  auto [ptr, ec] = std::from_chars(contact_id.data() + 1, end, index);
  if (ec != std::errc() || ptr != end || index >= counters_.total || contact_id != "c" + std::to_string(index))
    return std::nullopt;
  return index;
}

api::DueContact MemoryDialing::due_contact(uint64_t index, int attempts) const {
  api::DueContact d;
  d.contact_id = "c" + std::to_string(index);
  d.phone = phone_of_(index);
  d.attempts_before = attempts;
  return d;
}

api::Result<std::vector<std::string>> MemoryDialing::active_executions() {
  if (status_ == "completed" || status_ == "stopped" || status_ == "cancelled") return std::vector<std::string>{};
  return std::vector<std::string>{plan_.execution_id};
}

api::Result<api::DialingPlan> MemoryDialing::dialing_plan(const std::string& execution_id) {
  if (auto ok = check_id(execution_id); !ok) return ok.error();
  return plan_;
}

api::Result<std::string> MemoryDialing::execution_status(const std::string& execution_id) {
  if (auto ok = check_id(execution_id); !ok) return ok.error();
  return status_;
}

api::Result<std::string> MemoryDialing::set_execution_status(const std::string& execution_id, const std::string& status,
                                                             api::EpochMillis at) {
  if (auto ok = check_id(execution_id); !ok) return ok.error();
  const bool allowed = (status == "running" && status_ == "scheduled") ||
                       (status == "stopped" && status_ == "scheduled") ||
                       (status == "stopped" && (status_ == "running" || api::is_paused_status(status_))) ||
                       (status == "completed" && status_ == "running");
  if (!allowed) return api::conflict_error("cannot move execution from " + status_ + " to " + status);
  if (status == "running") actual_start_at_ = at;
  else actual_end_at_ = at;
  status_ = status;
  return status_;
}

api::Result<std::vector<api::DueContact>> MemoryDialing::claim_due(const std::string& execution_id,
                                                                   api::EpochMillis now, size_t limit) {
  if (auto ok = check_id(execution_id); !ok) return ok.error();
  std::vector<api::DueContact> out;
  if (status_ != "running") return out;
  auto claim = [&](uint64_t index, int attempts, api::EpochMillis due) {
    out.push_back(due_contact(index, attempts));
    claimed_[out.back().contact_id] = {index, attempts, due};
    --counters_.pending;
    ++counters_.in_progress;
  };
  // Due retries first (by due time, then audience order), then first calls: local/dialing.cc's order.
  // The retries waiting are then those of one retry delay, not the whole audience's failures.
  while (out.size() < limit && !retries_.empty() && retries_.top().due <= now) {
    Waiting w = retries_.top();
    retries_.pop();
    claim(w.index, w.attempts, w.due);
  }
  while (out.size() < limit && !released_first_.empty()) {
    claim(released_first_.top(), 0, 0);
    released_first_.pop();
  }
  while (out.size() < limit && next_fresh_ < counters_.total) claim(next_fresh_++, 0, 0);
  return out;
}

api::Result<std::optional<api::EpochMillis>> MemoryDialing::next_due(const std::string& execution_id) {
  if (auto ok = check_id(execution_id); !ok) return ok.error();
  if (next_fresh_ < counters_.total || !released_first_.empty())
    return std::optional<api::EpochMillis>(INT64_MIN);  // due since always
  if (!retries_.empty()) return std::optional<api::EpochMillis>(retries_.top().due);
  return std::optional<api::EpochMillis>();
}

api::Result<std::string> MemoryDialing::finish_attempt(const api::FinishedAttempt& done) {
  if (auto ok = check_id(done.execution_id); !ok) return ok.error();
  auto it = claimed_.find(done.contact_id);
  if (it == claimed_.end()) {
    // As local/dialing.cc: a contact not in progress (finished already, or never claimed) keeps its
    // state, but the attempt is recorded and its node visits count; an unknown contact is a 404.
    if (!index_of(done.contact_id)) return api::not_found_error("Execution contact");
    ++attempt_count_;
    if (keep_attempts_) attempts_.push_back(done);
    count_nodes(done);
    return status_;
  }
  const Claimed c = it->second;
  claimed_.erase(it);
  --counters_.in_progress;
  ++attempt_count_;
  const int attempts = c.attempts + 1;
  if (done.contact_status == "completed") {
    ++counters_.completed;
    ++by_attempts_[attempts];
  } else if (done.contact_status == "pending" && done.next_attempt_at) {
    ++counters_.pending;
    retries_.push({*done.next_attempt_at, c.index, attempts});
  } else {
    ++counters_.failed;
    ++by_attempts_[attempts];
  }
  if (keep_attempts_) attempts_.push_back(done);
  count_nodes(done);
  return status_;
}

void MemoryDialing::count_nodes(const api::FinishedAttempt& done) {
  // Auto-pause: a rule fires when its node's count crosses the threshold (the count keeps going, so a
  // resume without resetOnResume does not pause again at once).
  for (const auto& [node, visits] : done.node_counts) {
    auto n = node_counts_.find(node);
    if (n == node_counts_.end()) continue;
    const int before = n->second;
    n->second += visits;
    for (const auto& rule : plan_.auto_pause_rules)
      if (rule.node_id == node && before < rule.threshold && n->second >= rule.threshold && status_ == "running") {
        status_ = "paused_threshold";
        paused_by_ = rule;
      }
  }
}

api::Result<int> MemoryDialing::release_claims(const std::string& execution_id) {
  if (auto ok = check_id(execution_id); !ok) return ok.error();
  int n = 0;
  for (const auto& [id, c] : claimed_) {
    // The call never counted: a first call goes back among the first calls, a retry keeps its due time.
    if (c.attempts == 0) released_first_.push(c.index);
    else retries_.push({c.due, c.index, c.attempts});
    --counters_.in_progress;
    ++counters_.pending;
    ++n;
  }
  claimed_.clear();
  return n;
}

api::Result<std::string> MemoryDialing::control(const std::string& action) {
  if (action == "pause" && status_ == "running") {
    status_ = "paused";
  } else if (action == "resume" && api::is_paused_status(status_)) {
    for (const auto& rule : plan_.auto_pause_rules)
      if (rule.reset_on_resume) node_counts_[rule.node_id] = 0;
    status_ = "running";
  } else if (action == "cancel" && (status_ == "scheduled" || status_ == "running" || api::is_paused_status(status_))) {
    status_ = "cancelled";
  } else {
    return api::conflict_error("cannot " + action + " an execution that is " + status_);
  }
  return status_;
}

}  // namespace gomo::campaign

#include "campaign/dialer.h"

#include <algorithm>
#include <queue>

#include "campaign/attempt.h"
#include "campaign/retry.h"
#include "document/document.h"
#include "engine/engine.h"
#include "model/flow.h"
#include "schedule/calendar.h"

namespace gomo::campaign {

using schedule::Calendar;
using schedule::kNever;

namespace {

Status platform_error(const api::ApiError& e, const std::string& what) {
  return Status::io_error(what + ": " + e.message + (e.code.empty() ? "" : " (" + e.code + ")"));
}

struct InFlight {
  EpochMillis end = 0;
  int line = 0;
  api::FinishedAttempt done;
  AttemptEvent event;
};
// (end, line), earliest first; ties: the lower line first, so runs repeat.
using Ending = std::pair<EpochMillis, int>;

// The state of one run: the plan, what it needs parsed once, and the calls in flight.
class Run {
 public:
  Run(api::Dialing& dialing, const std::string& id, Clock& clock, const OutcomeMix& callees,
      const DialerOptions& options, api::DialingPlan plan, Calendar calendar, RetryPolicy retry,
      std::unique_ptr<document::Document> doc)
      : dialing_(dialing),
        id_(id),
        clock_(clock),
        callees_(callees),
        options_(options),
        plan_(std::move(plan)),
        calendar_(std::move(calendar)),
        retry_(std::move(retry)),
        doc_(std::move(doc)),
        flow_(model::build_flow(*doc_)),
        line_busy_(plan_.caller_numbers.size(), false),
        calls_(plan_.caller_numbers.size()) {
    engine_options_.record_events = false;
    engine_options_.organization_id = plan_.organization_id;
    engine_options_.program_id = plan_.program_id;
  }

  Result<DialerSummary> run();

 private:
  Status place(const api::DueContact& due, EpochMillis now);
  Result<std::string> finish(const InFlight& call);
  Result<std::string> read_status() {
    auto s = dialing_.execution_status(id_);
    if (!s) return platform_error(s.error(), "execution " + id_ + ": reading its status");
    return s.value();
  }
  Status set_status(const std::string& status, EpochMillis at) {
    auto s = dialing_.set_execution_status(id_, status, at);
    if (!s) return platform_error(s.error(), "execution " + id_ + ": setting status " + status);
    return Status::ok();
  }

  api::Dialing& dialing_;
  const std::string& id_;
  Clock& clock_;
  const OutcomeMix& callees_;
  const DialerOptions& options_;
  api::DialingPlan plan_;
  Calendar calendar_;
  RetryPolicy retry_;
  std::unique_ptr<document::Document> doc_;
  model::Flow flow_;
  engine::EngineOptions engine_options_;
  std::vector<bool> line_busy_;
  // One call per line at most: the calls stay in their line's slot (no copies of the attempt's strings)
  // and the queue orders the lines by the end of their call.
  std::vector<InFlight> calls_;
  std::priority_queue<Ending, std::vector<Ending>, std::greater<>> flight_;
  DialerSummary summary_;
};

Status Run::place(const api::DueContact& due, EpochMillis now) {
  const int line = static_cast<int>(std::find(line_busy_.begin(), line_busy_.end(), false) - line_busy_.begin());
  if (line >= static_cast<int>(line_busy_.size())) return Status::internal("claimed more contacts than free lines");
  const engine::Contact contact = engine_contact(due);
  const int attempt = due.attempts_before + 1;
  auto callee = make_callee(callees_, due.contact_id, due.phone, attempt);
  RingTimer timer(*callee);
  engine_options_.call_id = id_ + "/" + due.contact_id + "/" + std::to_string(attempt);
  engine_options_.caller = plan_.caller_numbers[line];
  engine_options_.start_epoch_ms = now;
  engine::CallReport report = engine::run_call(flow_, contact, timer, engine_options_);

  InFlight& call = calls_[line];
  call.done.node_counts.clear();
  call.line = line;
  call.end = now + std::max<EpochMillis>(report.duration_ms, 1);
  auto& done = call.done;
  done.execution_id = id_;
  done.contact_id = due.contact_id;
  const bool completed = report.outcome == "completed" && report.reached_hangup;
  std::optional<EpochMillis> next;
  if (!completed) {
    next = retry_.next_attempt(report.outcome, attempt, call.end);
    if (next) next = calendar_.next_allowed(*next);
    if (next == kNever) next.reset();  // every hour paused: there is no later time to call
  }
  done.contact_status = completed ? "completed" : next ? "pending" : "failed";
  done.next_attempt_at = next;
  fill_attempt(report, attempt, due.contact_id, plan_.caller_numbers[line], due.phone, now, call.end, timer.ring_ms,
               done.attempt);
  if (options_.record_flow_execution)
    done.attempt.flow_execution_json = flow_execution_json(plan_.flow_id, report, now);
  for (size_t i = 0; i < report.node_visits.size() && i < flow_.nodes.size(); ++i)
    if (report.node_visits[i] > 0) done.node_counts[flow_.nodes[i].id] += report.node_visits[i];
  call.event = {due.contact_id, line, now, call.end, report.outcome, done.contact_status, attempt, next};

  line_busy_[line] = true;
  flight_.emplace(call.end, line);
  const int busy = static_cast<int>(flight_.size());
  summary_.max_lines_busy = std::max(summary_.max_lines_busy, busy);
  return Status::ok();
}

Result<std::string> Run::finish(const InFlight& call) {
  auto s = dialing_.finish_attempt(call.done);
  if (!s) return platform_error(s.error(), "execution " + id_ + ": recording the attempt of " + call.done.contact_id);
  line_busy_[call.line] = false;
  ++summary_.attempts;
  if (options_.on_attempt) options_.on_attempt(call.event);
  return s.value();
}

Result<DialerSummary> Run::run() {
  if (flow_.start_index < 0)
    return Status::invalid_argument("execution " + id_ + ": the launched flow has no start node (startNodeId)");
  summary_.started_at = std::max(clock_.now(), plan_.start_at.value_or(clock_.now()));
  const EpochMillis start_at = plan_.start_at.value_or(INT64_MIN);
  uint64_t steps = 0;
  std::string status;
  for (;;) {
    if (options_.max_steps && ++steps > options_.max_steps) break;
    if (options_.should_stop && options_.should_stop()) {
      if (!flight_.empty()) {
        auto r = dialing_.release_claims(id_);
        if (!r) return platform_error(r.error(), "execution " + id_ + ": releasing claims");
        while (!flight_.empty()) flight_.pop();
      }
      auto read = read_status();
      if (!read) return read.error();
      status = read.value();
      break;
    }
    EpochMillis now = clock_.now();
    if (options_.on_tick) options_.on_tick(now);
    while (!flight_.empty() && flight_.top().first <= now) {
      auto s = finish(calls_[flight_.top().second]);
      if (!s) return s.error();
      flight_.pop();
    }
    auto read = read_status();
    if (!read) return read.error();
    status = read.value();
    if (status == "cancelled") {
      // Calls in flight never finish: their claims go back to pending, so the counters still add up.
      if (!flight_.empty()) {
        auto r = dialing_.release_claims(id_);
        if (!r) return platform_error(r.error(), "execution " + id_ + ": releasing claims");
        while (!flight_.empty()) flight_.pop();
      }
      break;
    }
    if ((status == "completed" || status == "stopped") && flight_.empty()) break;

    EpochMillis wake = flight_.empty() ? kNever : flight_.top().first;
    if (plan_.stop_at && now >= *plan_.stop_at && status != "stopped" && status != "completed") {
      if (!flight_.empty()) {  // nothing new starts; the calls in flight finish first, still polling
        clock_.sleep_until(clock_.is_virtual() ? wake : std::min(wake, now + options_.poll_ms));
        continue;
      }
      if (Status s = set_status("stopped", *plan_.stop_at); !s) return s;
      status = "stopped";
      break;
    }
    if (plan_.stop_at) wake = std::min(wake, *plan_.stop_at);

    if (status == "scheduled") {
      if (now >= start_at) {
        if (Status s = set_status("running", now); !s) return s;
        continue;
      }
      wake = std::min(wake, start_at);
    } else if (api::is_paused_status(status)) {
      if (flight_.empty()) {
        if (!options_.wait_while_paused) break;
        wake = std::min(wake, now + options_.poll_ms);
      }
    } else if (status == "running" && now < start_at) {
      wake = std::min(wake, start_at);
    } else if (status == "running") {
      const size_t free = line_busy_.size() - flight_.size();
      if (free > 0) {
        const EpochMillis allowed = calendar_.next_allowed(now);
        if (allowed > now) {
          wake = std::min(wake, allowed);
        } else {
          auto due = dialing_.claim_due(id_, now, free);
          if (!due) return platform_error(due.error(), "execution " + id_ + ": claiming contacts");
          for (const auto& d : due.value())
            if (Status s = place(d, now); !s) return s;
          if (!due->empty()) continue;  // re-read the status before the next claim
          auto next = dialing_.next_due(id_);
          if (!next) return platform_error(next.error(), "execution " + id_ + ": finding the next due contact");
          if (!next.value() && flight_.empty()) {
            if (Status s = set_status("completed", now); !s) return s;
            status = "completed";
            break;
          }
          if (next.value()) wake = std::min(wake, calendar_.next_allowed(std::max(*next.value(), now + 1)));
        }
      }
    }
    if (!clock_.is_virtual()) wake = std::min(wake, now + options_.poll_ms);
    if (wake == kNever) break;  // nothing can happen any more (every hour paused, nothing in flight)
    clock_.sleep_until(std::max(wake, now + (clock_.is_virtual() ? 0 : 1)));
  }
  summary_.status = status;
  summary_.ended_at = clock_.now();
  return summary_;
}

}  // namespace

Result<DialerSummary> run_execution(api::Dialing& dialing, const std::string& execution_id, Clock& clock,
                                    const OutcomeMix& callees, const DialerOptions& options) {
  auto released = dialing.release_claims(execution_id);
  if (!released) return platform_error(released.error(), "execution " + execution_id + ": releasing old claims");
  auto plan = dialing.dialing_plan(execution_id);
  if (!plan) return platform_error(plan.error(), "execution " + execution_id + ": reading its plan");
  if (plan->caller_numbers.empty())
    return Status::invalid_argument("execution " + execution_id + ": the DID pool is empty; add a caller number");
  auto calendar =
      Calendar::make(plan->pause_windows, plan->time_zone.empty() ? api::kDefaultTimeZone : plan->time_zone);
  if (!calendar) return Status::invalid_argument("execution " + execution_id + ": " + calendar.error().message());
  auto retry = RetryPolicy::make(plan->retry_strategy);
  if (!retry) return Status::invalid_argument("execution " + execution_id + ": " + retry.error().message());
  auto doc = document::read_json("flow.json", plan->flow_graph_json);
  if (!doc->parsed)
    return Status::invalid_argument("execution " + execution_id + ": the launched flow is not valid JSON (" +
                                    (doc->problems.empty() ? std::string("empty") : doc->problems.front().message) +
                                    ")");
  Run run(dialing, execution_id, clock, callees, options, std::move(plan.value()), std::move(calendar.value()),
          std::move(retry.value()), std::move(doc));
  return run.run();
}

}  // namespace gomo::campaign

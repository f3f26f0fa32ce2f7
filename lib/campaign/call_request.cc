#include "campaign/call_request.h"

#include <algorithm>

#include "campaign/attempt.h"
#include "campaign/retry.h"
#include "document/document.h"
#include "engine/engine.h"
#include "model/flow.h"

namespace gomo::campaign {

namespace {

// Sleeps until `t` in steps of at most poll_ms (on a real clock), asking should_stop between steps.
// False when asked to stop first.
bool sleep_until_or_stop(Clock& clock, EpochMillis t, const DialerOptions& options) {
  while (clock.now() < t) {
    if (options.should_stop && options.should_stop()) return false;
    clock.sleep_until(clock.is_virtual() ? t : std::min(t, clock.now() + std::max<EpochMillis>(options.poll_ms, 1)));
  }
  return !(options.should_stop && options.should_stop());
}

}  // namespace

Result<std::string> run_call_request(api::Dialing& dialing, const api::CallJob& job, Clock& clock,
                                     const OutcomeMix& callees, const DialerOptions& options) {
  const std::string what = "call request " + job.job_id;
  auto retry = RetryPolicy::make(job.retry);
  if (!retry) return Status::invalid_argument(what + ": " + retry.error().message());
  auto doc = document::read_json("flow.json", job.flow_graph_json);
  if (!doc->parsed) return Status::invalid_argument(what + ": its flow is not valid JSON");
  model::Flow flow = model::build_flow(*doc);
  if (flow.start_index < 0) return Status::invalid_argument(what + ": its flow has no start node (startNodeId)");

  const engine::Contact contact = engine_contact(job.contact);
  engine::EngineOptions engine_options;
  engine_options.record_events = false;
  engine_options.organization_id = job.organization_id;
  engine_options.caller = job.caller_number;

  // Not before start_at, nor before the retry time an earlier run stored (a restart must not call early).
  EpochMillis at = std::max({clock.now(), job.start_at.value_or(INT64_MIN), job.next_attempt_at.value_or(INT64_MIN)});
  int attempt = job.contact.attempts_before;
  for (;;) {
    if (!sleep_until_or_stop(clock, at, options)) return std::string("active");
    const EpochMillis start = clock.now();
    ++attempt;
    auto callee = make_callee(callees, contact.id, contact.phone, attempt);
    RingTimer timer(*callee);
    engine_options.call_id = job.job_id + "/" + std::to_string(attempt);
    engine_options.start_epoch_ms = start;
    engine::CallReport report = engine::run_call(flow, contact, timer, engine_options);
    const EpochMillis end = start + std::max<EpochMillis>(report.duration_ms, 1);
    // The call holds the line until it ends; stopping meanwhile records nothing (placed again later).
    if (!sleep_until_or_stop(clock, end, options)) return std::string("active");

    const bool completed = report.outcome == "completed" && report.reached_hangup;
    std::optional<EpochMillis> next;
    if (!completed) next = retry.value().next_attempt(report.outcome, attempt, end);
    const std::string status = completed ? "completed" : next ? "active" : "failed";
    api::CallAttempt a;
    fill_attempt(report, attempt, contact.id, job.caller_number, contact.phone, start, end, timer.ring_ms, a);
    if (options.record_flow_execution) a.flow_execution_json = flow_execution_json(job.flow_id, report, start);
    auto recorded = dialing.finish_call_attempt(job.job_id, a, status, next);
    if (!recorded) {
      return Status::io_error(what + ": recording attempt " + std::to_string(attempt) + ": " +
                              recorded.error().message);
    }
    if (options.on_attempt) {
      options.on_attempt({contact.id, 0, start, end, report.outcome,
                          completed ? "completed"
                          : next    ? "pending"
                                    : "failed",
                          attempt, next});
    }
    if (recorded.value() != "active") return recorded.value();
    // A platform that keeps the request active after this attempt ended it has no next time to give:
    // stop rather than call again (and again).
    if (!next) {
      return Status::io_error(what + ": the platform kept it active after attempt " + std::to_string(attempt) +
                              " ended it (" + status + "); check the request's status");
    }
    at = *next;
  }
}

}  // namespace gomo::campaign

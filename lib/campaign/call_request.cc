#include "campaign/call_request.h"

#include <algorithm>
#include <set>

#include "base/time.h"
#include "campaign/retry.h"
#include "document/document.h"
#include "engine/engine.h"
#include "model/flow.h"

namespace gomo::campaign {

namespace {

const std::set<std::string, std::less<>> kCallContactFields = {"firstName", "lastName", "fullName", "primaryEmail",
                                                               "city",      "country",  "language", "company"};

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

  engine::Contact contact;
  contact.id = job.contact.contact_id;
  contact.phone = job.contact.phone;
  for (const auto& [k, v] : job.contact.fields)
    (kCallContactFields.count(k) ? contact.fields : contact.attributes)[k] = v;
  engine::EngineOptions engine_options;
  engine_options.record_events = false;
  engine_options.organization_id = job.organization_id;
  engine_options.caller = job.caller_number;

  EpochMillis at = std::max(clock.now(), job.start_at.value_or(clock.now()));
  int attempt = job.contact.attempts_before;
  for (;;) {
    if (!sleep_until_or_stop(clock, at, options)) return std::string("active");
    const EpochMillis start = clock.now();
    ++attempt;
    auto callee = make_callee(callees, contact.id, contact.phone, attempt);
    engine_options.call_id = job.job_id + "/" + std::to_string(attempt);
    engine_options.start_epoch_ms = start;
    engine::CallReport report = engine::run_call(flow, contact, *callee, engine_options);
    const EpochMillis end = start + std::max<EpochMillis>(report.duration_ms, 1);
    // The call holds the line until it ends; stopping meanwhile records nothing (placed again later).
    if (!sleep_until_or_stop(clock, end, options)) return std::string("active");

    const bool completed = report.outcome == "completed" && report.reached_hangup;
    std::optional<EpochMillis> next;
    if (!completed) next = retry.value().next_attempt(report.outcome, attempt, end);
    const std::string status = completed ? "completed" : next ? "active" : "failed";
    api::CallAttempt a;
    a.attempt = attempt;
    a.contact_id = contact.id;
    a.call.status = report.outcome;
    a.call.from = job.caller_number;
    a.call.to = contact.phone;
    a.call.created_at = iso_time(start);
    a.call.dialed_at = a.call.created_at;
    if (report.answered) a.call.answered_at = a.call.created_at;  // the ring's length is not kept here
    a.call.terminated_at = iso_time(end);
    a.call.duration_ms = end - start;
    a.outcome = report.outcome;
    a.outcome_reason = report.outcome_reason;
    auto recorded = dialing.finish_call_attempt(job.job_id, a, status);
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
    at = *next;
  }
}

}  // namespace gomo::campaign

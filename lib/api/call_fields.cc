// Field tables of execution reports, call attempts, call requests and call reports
// (Gomobile docs: Execution reports to Call reports). The docs show no report schema: those shapes are gomo's.
#include "api/resource_tables.h"
#include "api/wire_programs.h"

namespace gomo::api::fields {
namespace {

// The call-request spelling of a retry strategy (wire::call_request_retry_json, read_retry).
constexpr const char* kCallRequestRetrySchema = R"({"oneOf":[
  {"type":"object","properties":{"type":{"const":"none"}},"required":["type"],"additionalProperties":false},
  {"type":"object","properties":{"type":{"const":"fixed-delay"},
   "delay":{"type":"integer","minimum":1,"description":"milliseconds"},
   "maxRetries":{"type":"integer","minimum":0,"maximum":100}},
   "required":["type","delay","maxRetries"],"additionalProperties":false},
  {"type":"object","properties":{"type":{"const":"scheduled"},
   "dates":{"type":"array","items":{"type":"string","format":"date-time"}}},
   "required":["type","dates"],"additionalProperties":false}]})";

}  // namespace

template <>
const Table<ContactMetrics>& table_of<ContactMetrics>() {
  using M = ContactMetrics;
  static const Table<M> table = {
      field<&M::total_contacts>("totalContacts"),
      field<&M::pending>("pending"),
      field<&M::queued>("queued"),
      field<&M::calling>("calling"),
      field<&M::pending_retry>("pendingRetry"),
      field<&M::completed>("completed"),
      field<&M::failed>("failed"),
      field<&M::skipped>("skipped"),
      field<&M::reach_rate>("reachRate"),
  };
  return table;
}

template <>
const Table<ExecutionReport>& table_of<ExecutionReport>() {
  using R = ExecutionReport;
  static const Table<R> table = {
      field<&R::execution_id>("executionId"),
      field<&R::program_id>("programId"),
      field<&R::status>("status"),
      field<&R::effective_status>("effectiveStatus"),
      field<&R::contacts>("contactMetrics"),
      field<&R::total_calls>("totalCalls"),
      field<&R::answered_calls>("answeredCalls"),
      field<&R::average_duration_ms>("averageDurationMs"),
      field<&R::started_at>("startedAt"),
      field<&R::ended_at>("endedAt"),
  };
  return table;
}

template <>
const Table<ExecutionBreakdown>& table_of<ExecutionBreakdown>() {
  using B = ExecutionBreakdown;
  static const Table<B> table = {
      field<&B::execution_id>("executionId"),
      field<&B::outcomes>("outcomes"),
      field<&B::contact_statuses>("contactStatuses"),
      field<&B::attempts>("attempts"),
  };
  return table;
}

template <>
const Table<CallDetails>& table_of<CallDetails>() {
  using C = CallDetails;
  static const Table<C> table = {
      field<&C::status>("status"),
      field<&C::direction>("direction"),
      field<&C::from>("from"),
      field<&C::to>("to"),
      field<&C::created_at>("createdAt"),
      field<&C::dialed_at>("dialedAt"),
      field<&C::answered_at>("answeredAt"),
      field<&C::terminated_at>("terminatedAt"),
      field<&C::duration_ms>("durationMs"),
  };
  return table;
}

template <>
const Table<CallAttempt>& table_of<CallAttempt>() {
  using A = CallAttempt;
  // The flow execution and the events are JSON the engine wrote; they travel as JSON and are kept as text.
  auto put_flow = [](const Field<A>& f, const A& a, json& out, Mode) {
    out[f.name] = a.flow_execution_json ? json::parse(*a.flow_execution_json) : json(nullptr);
  };
  auto get_flow = [](const Field<A>& f, const json& in, A& a) {
    if (const json* j = detail::present(in, f.name); j && j->is_object()) a.flow_execution_json = j->dump();
  };
  auto put_events = [](const Field<A>& f, const A& a, json& out, Mode) { out[f.name] = json::parse(a.events_json); };
  auto get_events = [](const Field<A>& f, const json& in, A& a) {
    if (const json* j = detail::present(in, f.name); j && j->is_array()) a.events_json = j->dump();
  };
  static const Table<A> table = {
      field<&A::call_id>("callId"),
      field<&A::attempt>("attempt"),
      field<&A::contact_id>("contactId").omitted_when_unset(),  // only report/calls rows carry it
      field<&A::call>("call"),
      field<&A::outcome>("outcome"),
      field<&A::outcome_reason>("outcomeReason"),
      custom<A>("flowExecution", put_flow, get_flow).with_schema(R"({"type":["object","null"]})"),
      custom<A>("events", put_events, get_events).with_schema(R"({"type":"array"})"),
  };
  return table;
}

template <>
const Table<CallRequestFields>& table_of<CallRequestFields>() {
  using F = CallRequestFields;
  auto put_retry = [](const Field<F>& f, const F& v, json& out, Mode) {
    out[f.name] = wire::call_request_retry_json(v.retry);
  };
  auto get_retry = [](const Field<F>& f, const json& in, F& v) {
    const json* j = detail::present(in, f.name);
    v.retry = wire::decode_retry(j ? *j : json());
  };
  auto read = [](const Field<F>& f, Reader& r, F& v) {
    if (const json* j = r.object(f.name)) v.retry = read_retry(*j, r.at(f.name) + ".", r.errors(), true);
  };
  const Rules id = {.required = true, .required_on_create = true, .empty_is_unset = true};
  Rules did = id;
  did.format = Format::kUuid;
  static const Table<F> table = {
      field<&F::did_id>("didId", did),
      field<&F::contact_id>("contactId", id),
      field<&F::flow_id>("flowId", id),
      custom<F>("retry", put_retry, get_retry, read, {.required = true}).with_schema(kCallRequestRetrySchema),
      field<&F::start_at>("startAt", {.format = Format::kIsoInstant}),
  };
  return table;
}

template <>
const Table<CallRequestResult>& table_of<CallRequestResult>() {
  static const Table<CallRequestResult> table = {
      field<&CallRequestResult::job_id>("jobId").with_alias("id"),
      field<&CallRequestResult::status>("status"),
  };
  return table;
}

template <>
const Table<CallRequest>& table_of<CallRequest>() {
  using R = CallRequest;
  auto put_job_id = [](const Field<R>& f, const R& r, json& out, Mode) { out[f.name] = r.id; };
  static const Table<R> table = {
      field<&R::id>("id").with_alias("jobId"),
      custom<R>("jobId", put_job_id, nullptr)
          .with_schema(R"({"type":"string"})"),  // the same id, by its call-report name
      field<&R::organization_id>("organizationId"),
      flatten<&R::fields>(),
      field<&R::status>("status"),
      field<&R::created_at>("createdAt"),
      field<&R::updated_at>("updatedAt"),
      field<&R::next_attempt_at>("nextAttemptAt"),  // a gomo extension
  };
  return table;
}

template <>
const Table<CallReport>& table_of<CallReport>() {
  static const Table<CallReport> table = {
      field<&CallReport::job_id>("jobId"),
      field<&CallReport::status>("status"),
      field<&CallReport::final_outcome>("finalOutcome"),
      field<&CallReport::next_attempt_at>("nextAttemptAt"),  // a gomo extension
      field<&CallReport::attempts>("attempts"),
  };
  return table;
}

}  // namespace gomo::api::fields

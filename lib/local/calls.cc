// The local platform's execution reports, call requests and call reports, all computed from the
// stored call attempts (which the dialer records with record_call_attempt), and the effective
// status of an execution inside a pause window (the dialer's calendar, schedule/calendar.h).
#include <chrono>
#include <nlohmann/json.hpp>

#include "api/validate.h"
#include "api/validate_programs.h"
#include "api/wire_programs.h"
#include "local/attempt_writer.h"
#include "local/local_operations.h"
#include "local/paging.h"
#include "local/query.h"
#include "schedule/calendar.h"
#include "store/sql.h"
#include "store/workspace.h"

namespace gomo::local {

using nlohmann::json;
using namespace store::sql;  // NOLINT: written in terms of the workspace's SQL helpers

namespace {

// Call attempts and call requests keep hand-written SQL: they do not map 1:1 to their field tables.
// An attempt's call details (a nested object) are columns of its row (kAttemptColumns,
// attempt_writer.h), beside the execution or job it belongs to; a call request's row keeps the phone
// dialled and its retry strategy in the program spelling, where the resource carries the
// call-request one.
api::CallAttempt read_attempt(Stmt& s) {
  api::CallAttempt a;
  a.call_id = s.text(0);
  a.attempt = static_cast<int>(s.integer(1));
  a.contact_id = s.text(2);
  a.call.status = s.text(3);
  a.call.direction = s.text(4);
  a.call.from = s.text(5);
  a.call.to = s.text(6);
  a.call.created_at = s.text(7);
  a.call.dialed_at = s.opt_text(8);
  a.call.answered_at = s.opt_text(9);
  a.call.terminated_at = s.opt_text(10);
  if (!s.is_null(11)) a.call.duration_ms = s.integer(11);
  a.outcome = s.text(12);
  a.outcome_reason = s.text(13);
  a.flow_execution_json = s.opt_text(14);
  a.events_json = s.text(15);
  return a;
}

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

api::Result<api::ExecutionReport> LocalOperations::execution_report(const std::string& id) {
  return guarded(ops_mutex_, [&]() -> api::Result<api::ExecutionReport> {
    refresh_execution(id);
    auto e = load_execution(id);
    if (!e) return api::not_found_error("Execution");
    api::ExecutionReport r;
    r.execution_id = e->id;
    r.program_id = e->program_id;
    r.status = e->status;
    r.effective_status = e->status == "paused" ? "paused_manual" : e->status;
    if (e->status == "running" || e->status == "paused") {
      Stmt w(ops_db_,
             "SELECT x.pause_windows, o.timezone FROM executions x JOIN organizations o ON o.id = x.organization_id "
             "WHERE x.id = ?");
      w.bind(1, id);
      if (w.step()) {
        // The dialer's calendar, so that the report says paused_window exactly when the dialer waits.
        auto windows = api::wire::decode_program(json{{"pauseWindows", json::parse(w.text(0))}}).pause_windows;
        auto calendar = schedule::Calendar::make(windows, w.text(1).empty() ? api::kDefaultTimeZone : w.text(1));
        if (calendar && calendar->paused_at(now_ms())) r.effective_status = "paused_window";
      }
    }
    Stmt c(ops_db_, "SELECT status, COUNT(*) FROM execution_contacts WHERE execution_id = ? GROUP BY status");
    c.bind(1, id);
    auto& m = r.contacts;
    while (c.step()) {
      std::string s = c.text(0);
      int n = static_cast<int>(c.integer(1));
      m.total_contacts += n;
      int* slot = s == "pending"        ? &m.pending
                  : s == "queued"       ? &m.queued
                  : s == "calling"      ? &m.calling
                  : s == "pendingRetry" ? &m.pending_retry
                  : s == "completed"    ? &m.completed
                  : s == "failed"       ? &m.failed
                                        : &m.skipped;
      *slot += n;
    }
    m.reach_rate = m.total_contacts ? 100.0 * m.completed / m.total_contacts : 0;
    Stmt calls(ops_db_,
               "SELECT COUNT(*), COUNT(answered_at), COALESCE(AVG(duration_ms), 0) FROM call_attempts WHERE "
               "execution_id = ?");
    calls.bind(1, id);
    calls.step();
    r.total_calls = static_cast<int>(calls.integer(0));
    r.answered_calls = static_cast<int>(calls.integer(1));
    r.average_duration_ms = static_cast<long long>(calls.real(2) + 0.5);
    r.started_at = e->actual_start_at;
    r.ended_at = e->actual_end_at;
    return r;
  });
}

api::Result<api::ExecutionBreakdown> LocalOperations::execution_breakdown(const std::string& id) {
  return guarded(ops_mutex_, [&]() -> api::Result<api::ExecutionBreakdown> {
    refresh_execution(id);
    if (!load_execution(id)) return api::not_found_error("Execution");
    api::ExecutionBreakdown b;
    b.execution_id = id;
    auto group = [&](const char* sql, std::map<std::string, int>& into) {
      Stmt s(ops_db_, sql);
      s.bind(1, id);
      while (s.step()) into[s.text(0)] = static_cast<int>(s.integer(1));
    };
    group("SELECT outcome, COUNT(*) FROM call_attempts WHERE execution_id = ? GROUP BY outcome", b.outcomes);
    group("SELECT status, COUNT(*) FROM execution_contacts WHERE execution_id = ? GROUP BY status", b.contact_statuses);
    group("SELECT CAST(attempt AS TEXT), COUNT(*) FROM call_attempts WHERE execution_id = ? GROUP BY attempt",
          b.attempts);
    return b;
  });
}

api::Result<api::Page<api::CallAttempt>> LocalOperations::execution_calls(const std::string& id,
                                                                          const api::PageQuery& q) {
  if (auto e = api::validate_page_query(q, {})) return *e;
  return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::CallAttempt>> {
    if (!load_execution(id)) return api::not_found_error("Execution");
    // Oldest first, whatever the query asks: the order the calls were made.
    ListQuery list{std::string("SELECT ") + kAttemptColumns,
                   " FROM call_attempts WHERE execution_id = ?1",
                   {id},
                   SortColumn{"created_at", "rowid", false, false}};
    return ops_pager_->page<api::CallAttempt>(ops_db_, list, q, read_attempt);
  });
}

api::Result<api::CallRequestResult> LocalOperations::request_call(const api::CallRequestFields& f) {
  if (auto e = api::validate_call_request(f)) return *e;
  return guarded(ops_mutex_, [&]() -> api::Result<api::CallRequestResult> {
    std::map<std::string, std::vector<std::string>> errors;
    Stmt did(ops_db_,
             "SELECT 1 FROM dids WHERE id = ? AND status = 'active' AND (organization_id = ? OR is_shared = 1)");
    did.bind(1, f.did_id).bind(2, ops_org_);
    if (!did.step()) errors["didId"].push_back(f.did_id + " is not an active DID available to this organization");
    Stmt contact(ops_db_, "SELECT primary_phone FROM contacts WHERE id = ? AND organization_id = ?");
    contact.bind(1, f.contact_id).bind(2, ops_org_);
    std::string phone;
    if (contact.step()) {
      phone = contact.text(0);
    } else {
      errors["contactId"].push_back("contact " + f.contact_id + " not found in this organization");
    }
    Stmt flow(ops_db_, "SELECT 1 FROM flows WHERE id = ? AND organization_id = ?");
    flow.bind(1, f.flow_id).bind(2, ops_org_);
    if (!flow.step()) errors["flowId"].push_back("flow " + f.flow_id + " not found in this organization");
    if (!errors.empty()) return api::validation_error(std::move(errors));
    std::string id = new_uuid(), now = now_iso();
    Stmt(ops_db_, "INSERT INTO call_requests VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', NULL, ?, ?, NULL)")
        .bind(1, id)
        .bind(2, ops_org_)
        .bind(3, f.did_id)
        .bind(4, f.contact_id)
        .bind(5, phone)
        .bind(6, f.flow_id)
        .bind(7, api::wire::program_retry_json(f.retry).dump())  // stored in gomo's (program) spelling
        .bind(8, f.start_at)
        .bind(9, now)
        .bind(10, now)
        .step();
    return api::CallRequestResult{id, "queued"};
  });
}

api::Result<api::Page<api::CallRequest>> LocalOperations::list_call_requests(const api::CallRequestQuery& q) {
  if (auto e = api::validate_page_query(q.page, {"createdAt"})) return *e;
  return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::CallRequest>> {
    ListQuery list{
        "SELECT id, did_id, contact_id, flow_id, retry_strategy, start_at, status, created_at, updated_at, "
        "next_attempt_at",
        " FROM call_requests WHERE organization_id = ?1 AND (?2 = '' OR contact_id = ?2)",
        {ops_org_, q.contact_id},
        sort_column(q.page, {{"createdAt", "created_at"}}, "")};
    return ops_pager_->page<api::CallRequest>(ops_db_, list, q.page, [&](Stmt& rows) {
      api::CallRequest r;
      r.id = rows.text(0);
      r.organization_id = ops_org_;
      r.fields.did_id = rows.text(1);
      r.fields.contact_id = rows.text(2);
      r.fields.flow_id = rows.text(3);
      r.fields.retry = api::wire::decode_retry(json::parse(rows.text(4)));
      r.fields.start_at = rows.opt_text(5);
      r.status = rows.text(6);
      r.created_at = rows.text(7);
      r.updated_at = rows.text(8);
      r.next_attempt_at = rows.opt_text(9);
      return r;
    });
  });
}

api::Result<api::CallReport> LocalOperations::call_report(const std::string& job_id) {
  return guarded(ops_mutex_, [&]() -> api::Result<api::CallReport> {
    Stmt job(ops_db_,
             "SELECT status, final_outcome, next_attempt_at FROM call_requests WHERE id = ? AND organization_id = ?");
    job.bind(1, job_id).bind(2, ops_org_);
    if (!job.step()) return api::not_found_error("Call report");
    api::CallReport r;
    r.job_id = job_id;
    r.status = job.text(0);
    r.final_outcome = job.opt_text(1);
    r.next_attempt_at = job.opt_text(2);
    Stmt rows(ops_db_, std::string("SELECT ") + kAttemptColumns +
                           " FROM call_attempts WHERE call_request_id = ? ORDER BY attempt, rowid");
    rows.bind(1, job_id);
    while (rows.step()) {
      r.attempts.push_back(read_attempt(rows));
      r.attempts.back().contact_id.reset();  // the job names its contact; attempts need not
    }
    return r;
  });
}

api::Result<api::CallAttempt> LocalOperations::record_call_attempt(const CallAttemptRecord& rec) {
  if (rec.execution_id.has_value() == rec.call_request_id.has_value()) {
    return api::validation_error({{"executionId", {"exactly one of executionId and callRequestId"}}});
  }
  return guarded(ops_mutex_, [&]() { return record_attempt(rec, nullptr); });
}

api::Result<api::CallAttempt> LocalOperations::record_attempt(const CallAttemptRecord& rec,
                                                              std::string* request_status) {
  if (rec.call_request_id) {
    Stmt job(ops_db_, "SELECT 1 FROM call_requests WHERE id = ? AND organization_id = ?");
    job.bind(1, *rec.call_request_id).bind(2, ops_org_);
    if (!job.step()) return api::not_found_error("Call request");
  }
  Transaction tx(ops_db_);
  AttemptWriter writer(ops_db_, ops_org_);
  // The execution first: its 404 must come before anything is written.
  std::optional<std::string> status;
  if (rec.execution_id && !(status = writer.status_of(*rec.execution_id))) return api::not_found_error("Execution");
  api::CallAttempt a = writer.insert(rec.execution_id, rec.call_request_id, rec.contact_id, rec.attempt);
  std::string now = now_iso();
  if (rec.execution_id) {
    const std::string& eid = *rec.execution_id;
    writer.update_contact(eid, rec.contact_id, a.outcome, ContactOutcome{rec.contact_status, std::nullopt}, false);
    writer.add_node_counts(eid, rec.node_counts);
    // Without a dialer of its own, this caller also completes the execution when nobody is left.
    if (writer.apply_auto_pause(eid, *status) == "running" && !anyone_left(eid)) {
      Stmt(ops_db_,
           "UPDATE executions SET status = 'completed', actual_end_at = ?, updated_at = ? WHERE id = ? AND "
           "status = 'running'")
          .bind(1, now)
          .bind(2, now)
          .bind(3, eid)
          .step();
    }
  } else {
    const std::string& s2 = rec.contact_status;
    std::string job = s2 == "completed" ? "completed" : s2 == "failed" ? "failed" : "active";
    // Compare-and-set: a finished request is never reopened (a late or repeated finish). The next
    // attempt's time is kept only while the request stays active.
    std::optional<std::string> next;
    if (job == "active" && rec.next_attempt_at_ms) next = iso_time(*rec.next_attempt_at_ms);
    Stmt(ops_db_,
         "UPDATE call_requests SET status = ?, final_outcome = CASE WHEN ? IN ('completed', 'failed') THEN ? "
         "ELSE final_outcome END, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status IN ('queued', "
         "'active')")
        .bind(1, job)
        .bind(2, job)
        .bind(3, a.outcome)
        .bind(4, next)
        .bind(5, now)
        .bind(6, *rec.call_request_id)
        .step();
    if (request_status) {
      Stmt stored(ops_db_, "SELECT status FROM call_requests WHERE id = ?");
      stored.bind(1, *rec.call_request_id);
      stored.step();
      *request_status = stored.text(0);
    }
  }
  tx.commit();
  return a;
}

bool LocalOperations::anyone_left(const std::string& execution_id) {
  // Four seeks into execution_contacts_due, not a count of the whole execution.
  Stmt s(ops_db_,
         "SELECT 1 FROM execution_contacts WHERE execution_id = ? AND status IN ('pending', 'pendingRetry', "
         "'queued', 'calling') LIMIT 1");
  s.bind(1, execution_id);
  return s.step();
}

}  // namespace gomo::local

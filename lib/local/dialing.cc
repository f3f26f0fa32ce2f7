// The local workspace's dialing side (api/dialing.h): what gomo's own dialer reads and writes to run
// an execution stored in SQLite. Claims and finished attempts are single transactions that seek the
// execution_contacts_due index (execution_id, status, next_attempt_at), so their cost does not grow
// with the execution's size; the contact states are described in local_operations.h.
#include <iterator>
#include <nlohmann/json.hpp>

#include "api/validate_programs.h"
#include "api/wire_programs.h"
#include "local/attempt_writer.h"
#include "local/execution_states.h"
#include "local/local_operations.h"
#include "local/query.h"
#include "store/sql.h"
#include "store/workspace.h"

namespace gomo::local {

using nlohmann::json;
using namespace store::sql;  // NOLINT: written in terms of the workspace's SQL helpers

namespace {

std::optional<std::string> stored_status(sqlite3* db, const std::string& org, const std::string& id) {
  Stmt s(db, "SELECT status FROM executions WHERE id = ? AND organization_id = ?");
  s.bind(1, id).bind(2, org);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

api::ApiError bad_request(const char* field, std::string message) {
  return api::validation_error({{field, {std::move(message)}}});
}

// The contact columns the engine reads as fields (engine/engine.h), by their API names.
constexpr const char* kFieldColumns[][2] = {{"firstName", "first_name"},  {"lastName", "last_name"},
                                            {"fullName", "full_name"},    {"primaryEmail", "primary_email"},
                                            {"address", "address"},       {"city", "city"},
                                            {"state", "state"},           {"zip", "zip"},
                                            {"occupation", "occupation"}, {"preferredChannel", "preferred_channel"},
                                            {"gender", "gender"}};

std::string claim_sql(const char* where_and_order) {
  std::string sql = "SELECT x.rowid, x.contact_id, x.phone, x.attempts, c.custom_attributes";
  for (const auto& f : kFieldColumns) sql += std::string(", c.") + f[1];
  // LEFT JOIN: a contact deleted since launch is still called, at the phone of the snapshot.
  return sql + " FROM execution_contacts x LEFT JOIN contacts c ON c.id = x.contact_id WHERE x.execution_id = ?1 " +
         where_and_order + " LIMIT ?2";
}

// The contact's custom_attributes (column `first`, NULL for a deleted contact), then kFieldColumns,
// as the engine's fields.
void read_fields(Stmt& s, int first, std::map<std::string, std::string>& fields) {
  if (!s.is_null(first)) {
    json attributes = json::parse(s.text(first));  // named: items() must not dangle
    for (const auto& [slug, value] : attributes.items()) {
      if (value.is_null()) continue;
      fields[slug] = value.is_string() ? value.get<std::string>() : value.dump();
    }
  }
  for (size_t i = 0; i < std::size(kFieldColumns); ++i) {
    const int col = first + 1 + static_cast<int>(i);
    if (!s.is_null(col)) fields[kFieldColumns[i][0]] = s.text(col);
  }
}

api::DueContact read_due(Stmt& s) {
  api::DueContact d;
  d.contact_id = s.text(1);
  d.phone = s.text(2);
  d.attempts_before = static_cast<int>(s.integer(3));
  read_fields(s, 4, d.fields);
  return d;
}

// Retries due by ?3 in due-time order, then never-called contacts in audience order: seeks in
// execution_contacts_due, which holds the rowid too, so neither query sorts.
const std::string kRetries =
    claim_sql("AND x.status = 'pendingRetry' AND x.next_attempt_at <= ?3 ORDER BY x.next_attempt_at, x.rowid");
const std::string kFirstCalls = claim_sql("AND x.status = 'pending' AND x.next_attempt_at IS NULL ORDER BY x.rowid");
constexpr const char* kClaimSql = "UPDATE execution_contacts SET status = 'calling', updated_at = ? WHERE rowid = ?";

// The dialer's periodic scans: active executions, and open call requests (LEFT JOINs: a request
// whose flow or DID is gone reads NULL there and is failed; a deleted contact is still called, at
// the phone the request keeps).
const std::string kActiveExecutionsSql = "SELECT id FROM executions WHERE organization_id = ? AND status IN " +
                                         active_statuses_sql() + " ORDER BY created_at, rowid";
const std::string kOpenCallRequestsSql = [] {
  std::string sql =
      "SELECT r.id, r.flow_id, f.graph, d.number, r.contact_id, r.phone, r.retry_strategy, r.start_at, "
      "(SELECT count(*) FROM call_attempts a WHERE a.call_request_id = r.id), r.next_attempt_at, "
      "c.custom_attributes";
  for (const auto& f : kFieldColumns) sql += std::string(", c.") + f[1];
  return sql +
         " FROM call_requests r LEFT JOIN flows f ON f.id = r.flow_id LEFT JOIN dids d ON d.id = r.did_id LEFT JOIN "
         "contacts c ON c.id = r.contact_id WHERE r.organization_id = ? AND r.status IN ('queued', 'active') ORDER BY "
         "r.created_at, r.rowid";
}();

// Records one finished attempt through `writer`; returns the execution's stored status after.
api::Result<std::string> finish_one(AttemptWriter& writer, const api::FinishedAttempt& done) {
  const std::string& s = done.contact_status;
  if (s != "pending" && s != "pendingRetry" && s != "completed" && s != "failed") {
    return bad_request("contactStatus",
                       "contact status \"" + s + "\" after an attempt: expected pending, completed or failed");
  }
  auto status = writer.status_of(done.execution_id);
  if (!status) return api::not_found_error("Execution");
  auto attempts = writer.attempts_of(done.execution_id, done.contact_id);
  if (!attempts) return api::not_found_error("Execution contact");
  api::CallAttempt a = done.attempt;
  a.attempt = *attempts + 1;  // the store's count: a claim released after a crash never counted
  a = writer.insert(done.execution_id, std::nullopt, done.contact_id, std::move(a));
  // Only while claimed: a stop (or a second finish) in between keeps the contact's state.
  writer.update_contact(done.execution_id, done.contact_id, a.outcome, ContactOutcome{s, done.next_attempt_at}, true);
  writer.add_node_counts(done.execution_id, done.node_counts);
  return writer.apply_auto_pause(done.execution_id, *status);
}

}  // namespace

std::vector<std::string> dialing_hot_statements() {
  return {kFirstCalls, kRetries, kClaimSql, AttemptWriter::kUpdateContactSql, AttemptWriter::kAttemptsOfSql};
}

std::vector<std::string> dialing_scan_statements() { return {kActiveExecutionsSql, kOpenCallRequestsSql}; }

api::Result<std::vector<std::string>> LocalOperations::active_executions() {
  return guarded(ops_mutex_, [&]() -> api::Result<std::vector<std::string>> {
    Stmt s(ops_db_, kActiveExecutionsSql);
    s.bind(1, ops_org_);
    std::vector<std::string> ids;
    while (s.step()) ids.push_back(s.text(0));
    return ids;
  });
}

api::Result<api::DialingPlan> LocalOperations::dialing_plan(const std::string& id) {
  return guarded(ops_mutex_, [&]() -> api::Result<api::DialingPlan> {
    Stmt s(ops_db_,
           "SELECT x.program_id, x.flow_id, x.flow_graph, o.timezone, x.scheduled_start_at, x.scheduled_stop_at, "
           "x.retry_strategy, x.pause_windows, x.auto_pause_rules, x.did_pool FROM executions x JOIN organizations o "
           "ON o.id = x.organization_id WHERE x.id = ? AND x.organization_id = ?");
    s.bind(1, id).bind(2, ops_org_);
    if (!s.step()) return api::not_found_error("Execution");
    api::DialingPlan plan;
    plan.execution_id = id;
    plan.organization_id = ops_org_;
    plan.program_id = s.text(0);
    plan.flow_id = s.text(1);
    plan.flow_graph_json = s.text(2);
    plan.time_zone = s.text(3);
    plan.start_at = api::parse_iso_instant_ms(s.text(4));
    if (auto stop = s.opt_text(5)) plan.stop_at = api::parse_iso_instant_ms(*stop);
    api::Program launched = api::wire::decode_program(json{{"retryStrategy", json::parse(s.text(6))},
                                                           {"pauseWindows", json::parse(s.text(7))},
                                                           {"autoPauseRules", json::parse(s.text(8))}});
    plan.retry_strategy = launched.retry_strategy;
    plan.pause_windows = launched.pause_windows;
    plan.auto_pause_rules = launched.auto_pause_rules;
    for (const auto& entry : json::parse(s.text(9))) {
      std::string did = entry.get<std::string>();
      if (!did.empty() && did[0] == '+') {
        plan.caller_numbers.push_back(did);
        continue;
      }
      Stmt number(ops_db_, "SELECT number FROM dids WHERE id = ? AND (organization_id = ? OR is_shared = 1)");
      number.bind(1, did).bind(2, ops_org_);
      if (number.step()) plan.caller_numbers.push_back(number.text(0));
    }
    if (plan.caller_numbers.empty()) {
      Stmt first(ops_db_,
                 "SELECT number FROM dids WHERE status = 'active' AND (organization_id = ? OR is_shared = 1) "
                 "ORDER BY is_shared, created_at, rowid LIMIT 1");
      first.bind(1, ops_org_);
      if (!first.step()) {
        return api::conflict_error("execution " + id + " has no DID to call from: add a DID to the program's didPool");
      }
      plan.caller_numbers.push_back(first.text(0));
    }
    return plan;
  });
}

api::Result<std::string> LocalOperations::execution_status(const std::string& id) {
  return guarded(ops_mutex_, [&]() -> api::Result<std::string> {
    auto status = stored_status(ops_db_, ops_org_, id);
    if (!status) return api::not_found_error("Execution");
    return *status;
  });
}

api::Result<std::string> LocalOperations::set_execution_status(const std::string& id, const std::string& to,
                                                               api::EpochMillis at) {
  if (to != "running" && to != "stopped" && to != "completed") {
    return bad_request("status", "the dialer sets running, stopped or completed, not \"" + to + "\"");
  }
  return guarded(ops_mutex_, [&]() -> api::Result<std::string> {
    // The transaction first (IMMEDIATE: the write lock), so `before` cannot change until commit.
    Transaction tx(ops_db_);
    auto before = stored_status(ops_db_, ops_org_, id);
    if (!before) return api::not_found_error("Execution");
    std::string when = iso_time(at), now = now_iso();
    if (to == "running") {
      Stmt(ops_db_,
           "UPDATE executions SET status = 'running', actual_start_at = ?, updated_at = ? WHERE id = ? AND "
           "status = 'scheduled'")
          .bind(1, when)
          .bind(2, now)
          .bind(3, id)
          .step();
    } else if (to == "stopped") {
      stop_execution(ops_db_, id, when, now);
    } else {
      // In the transaction: nobody can resume a paused execution between this check and the update.
      if (*before == "running" && anyone_left(id)) {
        return api::conflict_error("execution " + id + " still has contacts to call: it cannot complete yet");
      }
      Stmt(ops_db_,
           "UPDATE executions SET status = 'completed', actual_end_at = ?, updated_at = ? WHERE id = ? AND "
           "status = 'running'")
          .bind(1, when)
          .bind(2, now)
          .bind(3, id)
          .step();
    }
    std::string after = *stored_status(ops_db_, ops_org_, id);
    tx.commit();
    return after;
  });
}

api::Result<std::vector<api::DueContact>> LocalOperations::claim_due(const std::string& id, api::EpochMillis now,
                                                                     size_t limit) {
  return guarded(ops_mutex_, [&]() -> api::Result<std::vector<api::DueContact>> {
    // IMMEDIATE: the write lock before the first read, so two claims (threads or processes) never
    // see the same pending row.
    Transaction tx(ops_db_);
    auto status = stored_status(ops_db_, ops_org_, id);
    if (!status) return api::not_found_error("Execution");
    std::vector<api::DueContact> due;
    if (*status != "running" || limit == 0) return due;
    std::vector<long long> rowids;
    auto collect = [&](Stmt& s) {
      while (s.step()) {
        rowids.push_back(s.integer(0));
        due.push_back(read_due(s));
      }
    };
    // Due retries first, then first calls (api/dialing.h): the retries waiting stay those of one
    // retry delay, and a retry is placed when it is due rather than after the whole audience.
    Stmt retries(ops_db_, kRetries);
    retries.bind(1, id).bind(2, static_cast<long long>(limit)).bind(3, iso_time(now));
    collect(retries);
    if (due.size() < limit) {
      Stmt first(ops_db_, kFirstCalls);
      first.bind(1, id).bind(2, static_cast<long long>(limit - due.size()));
      collect(first);
    }
    // Marked after reading: the rows' index entries move as their status changes.
    Stmt claim(ops_db_, kClaimSql);
    std::string stamp = now_iso();
    for (long long rowid : rowids) {
      claim.reset();
      claim.bind(1, stamp).bind(2, rowid).step();
    }
    tx.commit();
    return due;
  });
}

api::Result<std::optional<api::EpochMillis>> LocalOperations::next_due(const std::string& id) {
  return guarded(ops_mutex_, [&]() -> api::Result<std::optional<api::EpochMillis>> {
    Stmt x(ops_db_, "SELECT scheduled_start_at FROM executions WHERE id = ? AND organization_id = ?");
    x.bind(1, id).bind(2, ops_org_);
    if (!x.step()) return api::not_found_error("Execution");
    Stmt first(ops_db_, "SELECT 1 FROM execution_contacts WHERE execution_id = ? AND status = 'pending' LIMIT 1");
    first.bind(1, id);
    if (first.step()) return std::optional<api::EpochMillis>(api::parse_iso_instant_ms(x.text(0)).value_or(0));
    Stmt retry(ops_db_,
               "SELECT next_attempt_at FROM execution_contacts WHERE execution_id = ? AND status = 'pendingRetry' "
               "ORDER BY next_attempt_at LIMIT 1");
    retry.bind(1, id);
    if (!retry.step()) return std::optional<api::EpochMillis>();
    return std::optional<api::EpochMillis>(api::parse_iso_instant_ms(retry.text(0)).value_or(0));
  });
}

api::Result<std::string> LocalOperations::finish_attempt(const api::FinishedAttempt& done) {
  return finish_attempts({done});
}

api::Result<std::string> LocalOperations::finish_attempts(const std::vector<api::FinishedAttempt>& done) {
  if (done.empty()) return bad_request("attempts", "no attempt to record");
  return guarded(ops_mutex_, [&]() -> api::Result<std::string> {
    Transaction tx(ops_db_);
    AttemptWriter writer(ops_db_, ops_org_);
    std::string status;
    for (const auto& one : done) {
      auto after = finish_one(writer, one);
      if (!after) return after.error();  // rolled back: all or nothing
      status = *after;
    }
    tx.commit();
    return status;
  });
}

api::Result<int> LocalOperations::release_claims(const std::string& id) {
  return guarded(ops_mutex_, [&]() -> api::Result<int> {
    if (!stored_status(ops_db_, ops_org_, id)) return api::not_found_error("Execution");
    Stmt s(ops_db_,
           "UPDATE execution_contacts SET status = CASE WHEN next_attempt_at IS NULL THEN 'pending' ELSE "
           "'pendingRetry' END, updated_at = ? WHERE execution_id = ? AND status IN ('queued', 'calling')");
    s.bind(1, now_iso()).bind(2, id).step();
    return s.changes();
  });
}

api::Result<std::vector<api::CallJob>> LocalOperations::open_call_requests() {
  return guarded(ops_mutex_, [&]() -> api::Result<std::vector<api::CallJob>> {
    Stmt s(ops_db_, kOpenCallRequestsSql);
    s.bind(1, ops_org_);
    std::vector<api::CallJob> jobs;
    std::vector<std::pair<std::string, const char*>> orphans;  // request id, final outcome
    while (s.step()) {
      if (s.is_null(2) || s.is_null(3)) {
        orphans.emplace_back(s.text(0), s.is_null(2) ? "flow_deleted" : "did_deleted");
        continue;
      }
      api::CallJob job;
      job.job_id = s.text(0);
      job.organization_id = ops_org_;
      job.flow_id = s.text(1);
      job.flow_graph_json = s.text(2);
      job.caller_number = s.text(3);
      job.contact.contact_id = s.text(4);
      job.contact.phone = s.text(5);
      job.retry = api::wire::decode_retry(json::parse(s.text(6)));
      if (auto at = s.opt_text(7)) job.start_at = api::parse_iso_instant_ms(*at);
      job.contact.attempts_before = static_cast<int>(s.integer(8));
      if (auto next = s.opt_text(9)) job.next_attempt_at = api::parse_iso_instant_ms(*next);
      read_fields(s, 10, job.contact.fields);
      jobs.push_back(std::move(job));
    }
    // A request whose flow or DID was deleted can never be placed: failed, so that it is not read
    // again every scan and `gomo call report` says why. Compare-and-set: a finish in between wins.
    if (!orphans.empty()) {
      Transaction tx(ops_db_);
      Stmt fail(ops_db_,
                "UPDATE call_requests SET status = 'failed', final_outcome = ?, updated_at = ? WHERE id = ? AND "
                "status IN ('queued', 'active')");
      std::string now = now_iso();
      for (const auto& [id, outcome] : orphans) {
        fail.reset();
        fail.bind(1, outcome).bind(2, now).bind(3, id).step();
      }
      tx.commit();
    }
    return jobs;
  });
}

api::Result<std::string> LocalOperations::finish_call_attempt(const std::string& job_id,
                                                              const api::CallAttempt& attempt,
                                                              const std::string& job_status,
                                                              std::optional<api::EpochMillis> next_attempt_at) {
  if (job_status != "active" && job_status != "completed" && job_status != "failed") {
    return bad_request("status", "call request status \"" + job_status + "\": expected active, completed or failed");
  }
  CallAttemptRecord record;
  record.call_request_id = job_id;
  record.contact_id = attempt.contact_id.value_or("");
  record.attempt = attempt;
  record.contact_status = job_status;
  record.next_attempt_at_ms = next_attempt_at;
  return guarded(ops_mutex_, [&]() -> api::Result<std::string> {
    std::string stored;
    auto recorded = record_attempt(record, &stored);
    if (!recorded) return recorded.error();
    return stored;
  });
}

}  // namespace gomo::local

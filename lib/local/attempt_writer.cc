#include "local/attempt_writer.h"

#include <nlohmann/json.hpp>

#include "api/wire_programs.h"

namespace gomo::local {

using nlohmann::json;
using store::sql::Stmt;

// ?4 = 1: the status changes, and next_attempt_at with it (?5, NULL unless a retry is due).
const char* const AttemptWriter::kUpdateContactSql =
    "UPDATE execution_contacts SET attempts = attempts + 1, last_outcome = ?1, updated_at = ?2, "
    "status = CASE WHEN ?4 THEN ?3 ELSE status END, next_attempt_at = CASE WHEN ?4 THEN ?5 ELSE next_attempt_at END "
    "WHERE execution_id = ?6 AND contact_id = ?7";
const char* const AttemptWriter::kAttemptsOfSql =
    "SELECT attempts FROM execution_contacts WHERE execution_id = ? AND contact_id = ?";

AttemptWriter::AttemptWriter(sqlite3* db, std::string organization_id) : db_(db), org_(std::move(organization_id)) {}

Stmt& AttemptWriter::prepared(std::optional<Stmt>& slot, const char* sql) {
  if (slot) {
    slot->reset();
  } else {
    slot.emplace(db_, sql);
  }
  return *slot;
}

api::CallAttempt AttemptWriter::insert(const std::optional<std::string>& execution_id,
                                       const std::optional<std::string>& call_request_id, const std::string& contact_id,
                                       api::CallAttempt a) {
  static const std::string sql = std::string("INSERT INTO call_attempts (organization_id, execution_id, ") +
                                 "call_request_id, " + kAttemptColumns +
                                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  if (a.call_id.empty()) a.call_id = store::sql::new_uuid();
  a.contact_id = contact_id;
  if (a.call.created_at.empty()) a.call.created_at = now_iso();
  Stmt& s = prepared(insert_, sql.c_str());
  s.bind(1, org_).bind(2, execution_id).bind(3, call_request_id).bind(4, a.call_id);
  s.bind(5, a.attempt).bind(6, contact_id).bind(7, a.call.status).bind(8, a.call.direction);
  s.bind(9, a.call.from).bind(10, a.call.to).bind(11, a.call.created_at).bind(12, a.call.dialed_at);
  s.bind(13, a.call.answered_at).bind(14, a.call.terminated_at);
  if (a.call.duration_ms) {
    s.bind(15, *a.call.duration_ms);
  } else {
    s.bind_null(15);
  }
  s.bind(16, a.outcome).bind(17, a.outcome_reason).bind(18, a.flow_execution_json).bind(19, a.events_json);
  s.step();
  return a;
}

bool AttemptWriter::update_contact(const std::string& eid, const std::string& contact_id, const std::string& outcome,
                                   const ContactOutcome& next) {
  Stmt& s = prepared(update_contact_, kUpdateContactSql);
  std::string status = next.status;
  std::optional<std::string> due;
  if (status == "pending" && next.next_attempt_at_ms) status = "pendingRetry";
  if (status == "pendingRetry") due = iso_time(next.next_attempt_at_ms.value_or(0));
  s.bind(1, outcome).bind(2, now_iso()).bind(3, status).bind(4, !status.empty()).bind(5, due);
  s.bind(6, eid).bind(7, contact_id);
  s.step();
  return s.changes() > 0;
}

std::optional<int> AttemptWriter::attempts_of(const std::string& eid, const std::string& contact_id) {
  Stmt& s = prepared(attempts_, kAttemptsOfSql);
  s.bind(1, eid).bind(2, contact_id);
  if (!s.step()) return std::nullopt;
  return static_cast<int>(s.integer(0));
}

void AttemptWriter::add_node_counts(const std::string& eid, const std::map<std::string, int>& counts) {
  for (const auto& [node, n] : counts) {
    Stmt& s = prepared(node_count_,
                       "INSERT INTO execution_node_counts VALUES (?, ?, ?) ON CONFLICT (execution_id, node_id) "
                       "DO UPDATE SET count = count + excluded.count");
    s.bind(1, eid).bind(2, node).bind(3, n);
    s.step();
  }
}

std::optional<std::string> AttemptWriter::status_of(const std::string& eid) {
  Stmt& e =
      prepared(execution_, "SELECT status, auto_pause_rules FROM executions WHERE id = ? AND organization_id = ?");
  e.bind(1, eid).bind(2, org_);
  if (!e.step()) return std::nullopt;
  if (!rules_.count(eid)) {
    rules_[eid] = api::wire::decode_program(json{{"autoPauseRules", json::parse(e.text(1))}}).auto_pause_rules;
  }
  return e.text(0);
}

std::optional<std::string> AttemptWriter::apply_auto_pause(const std::string& eid) {
  auto status = status_of(eid);
  if (status != "running") return status;
  auto rules = rules_.find(eid);
  for (const auto& rule : rules->second) {
    Stmt& count = prepared(count_of_, "SELECT count FROM execution_node_counts WHERE execution_id = ? AND node_id = ?");
    count.bind(1, eid).bind(2, rule.node_id);
    if (!count.step() || count.integer(0) < rule.threshold) continue;
    Stmt& pause = prepared(pause_,
                           "UPDATE executions SET status = 'paused_threshold', updated_at = ? WHERE id = ? AND "
                           "status = 'running'");
    pause.bind(1, now_iso()).bind(2, eid);
    pause.step();
    return "paused_threshold";
  }
  return status;
}

}  // namespace gomo::local

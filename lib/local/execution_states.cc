#include "local/execution_states.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

#include "api/wire_programs.h"
#include "store/sql.h"

namespace gomo::local {

namespace {
constexpr const char* kActiveStatuses[] = {"scheduled", "running", "paused", "paused_threshold", "paused_no_credits"};
}  // namespace

bool is_active_status(const std::string& status) {
  return std::find(std::begin(kActiveStatuses), std::end(kActiveStatuses), status) != std::end(kActiveStatuses);
}

const std::string& active_statuses_sql() {
  static const std::string list = [] {
    std::string sql = "(";
    for (const char* s : kActiveStatuses) sql += std::string(sql.size() > 1 ? ", '" : "'") + s + "'";
    return sql + ")";
  }();
  return list;
}

std::vector<api::AutoPauseRule> rules_of(const std::string& text) {
  using nlohmann::json;
  return api::wire::decode_program(json{{"autoPauseRules", json::parse(text)}}).auto_pause_rules;
}

bool stop_execution(sqlite3* db, const std::string& id, const std::string& end_at, const std::string& now) {
  store::sql::Stmt stop(db,
                        "UPDATE executions SET status = 'stopped', actual_end_at = ?, updated_at = ? WHERE id = ? "
                        "AND status IN " +
                            active_statuses_sql());
  stop.bind(1, end_at).bind(2, now).bind(3, id).step();
  if (stop.changes() == 0) return false;
  store::sql::Stmt(db,
                   "UPDATE execution_contacts SET status = 'skipped', updated_at = ? WHERE execution_id = ? AND "
                   "status IN ('pending', 'pendingRetry', 'queued', 'calling')")
      .bind(1, now)
      .bind(2, id)
      .step();
  return true;
}

}  // namespace gomo::local

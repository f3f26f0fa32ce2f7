#pragma once
// An execution's stored status and rules as programs.cc (the user's transitions and the clock's),
// dialing.cc (the dialer's) and attempt_writer.cc (finished attempts) all read them: one list of the
// active statuses, one reader of the auto-pause rules, one "stop and skip" (internal to lib/local).
#include <string>
#include <vector>

#include "api/programs.h"

struct sqlite3;

namespace gomo::local {

// scheduled, running or one of the paused statuses: the execution may still call someone.
bool is_active_status(const std::string& status);
// The same statuses as an SQL list, "('scheduled', 'running', ...)", for `status IN <list>`.
const std::string& active_statuses_sql();

// The auto-pause rules stored in an executions row (auto_pause_rules, the API's JSON).
// Throws nlohmann::json::exception on text that is not that JSON (guarded() answers 500).
std::vector<api::AutoPauseRule> rules_of(const std::string& auto_pause_rules_json);

// Compare-and-set: moves execution `id` from an active status to stopped (actual_end_at =
// `end_at`) and skips its contacts left (pending, pendingRetry, queued, calling). Returns whether
// it stopped; an execution already ended is left as it is. REQUIRES: a transaction open on `db`.
bool stop_execution(sqlite3* db, const std::string& id, const std::string& end_at, const std::string& now);

}  // namespace gomo::local

// The local platform's programs and executions: create/update with reference checks, launch with
// its preconditions, and the execution status machine (Gomobile docs: Programs, Executions).
#include <algorithm>
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>

#include "api/validate.h"
#include "api/validate_programs.h"
#include "api/wire_programs.h"
#include "local/execution_states.h"
#include "local/local_operations.h"
#include "local/paging.h"
#include "local/query.h"
#include "local/table_sql.h"
#include "store/sql.h"
#include "store/workspace.h"

namespace gomo::local {

using nlohmann::json;
using namespace store::sql;  // NOLINT: written in terms of the workspace's SQL helpers

namespace {

const std::vector<SortSpec> kProgramSorts = {
    {"name", "name"}, {"createdAt", "created_at"}, {"updatedAt", "updated_at"}};

// Programs are stored one field per column (table_sql.h). Executions are not: their counters are
// counted from execution_contacts, and their rows keep the program's retry strategy, pause windows,
// DID pool and flow graph as launched, which the Execution resource does not carry.
const SqlTable<api::Program>& programs_table() {
  static const SqlTable<api::Program> table("programs");
  return table;
}
constexpr const char* kExecutionColumns =
    "id, program_id, organization_id, audience_id, flow_id, status, scheduled_start_at, scheduled_stop_at, "
    "actual_start_at, actual_end_at, auto_pause_rules, created_at, updated_at";

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string rules_text(const std::vector<api::AutoPauseRule>& rules) {
  api::Program p;
  p.auto_pause_rules = rules;
  return api::wire::encode(p).at("autoPauseRules").dump();
}

api::ApiError refusal(int status, const char* code, std::string message) {
  api::ApiError e;
  e.http_status = status;
  e.code = code;
  e.message = std::move(message);
  return e;
}

bool row_exists(sqlite3* db, const char* table, const std::string& id, const std::string& org) {
  Stmt s(db, std::string("SELECT 1 FROM ") + table + " WHERE id = ? AND organization_id = ?");
  s.bind(1, id).bind(2, org);
  return s.step();
}

}  // namespace

std::optional<api::Program> LocalOperations::load_program(const std::string& id) {
  Stmt s(ops_db_, programs_table().select() + " WHERE id = ? AND organization_id = ?");
  s.bind(1, id).bind(2, ops_org_);
  if (!s.step()) return std::nullopt;
  return programs_table().read(s);
}

std::optional<api::Execution> LocalOperations::load_execution(const std::string& id) {
  Stmt s(ops_db_, std::string("SELECT ") + kExecutionColumns + " FROM executions WHERE id = ? AND organization_id = ?");
  s.bind(1, id).bind(2, ops_org_);
  if (!s.step()) return std::nullopt;
  api::Execution e;
  e.id = s.text(0);
  e.program_id = s.text(1);
  e.organization_id = s.text(2);
  e.audience_id = s.text(3);
  e.flow_id = s.text(4);
  e.status = s.text(5);
  e.scheduled_start_at = s.text(6);
  e.scheduled_stop_at = s.opt_text(7);
  e.actual_start_at = s.opt_text(8);
  e.actual_end_at = s.opt_text(9);
  e.auto_pause_rules = rules_of(s.text(10));
  e.created_at = s.text(11);
  e.updated_at = s.text(12);
  // Counters from the contacts' statuses: they always sum to the total.
  Stmt c(ops_db_, "SELECT status, COUNT(*) FROM execution_contacts WHERE execution_id = ? GROUP BY status");
  c.bind(1, id);
  while (c.step()) {
    std::string status = c.text(0);
    int n = static_cast<int>(c.integer(1));
    e.total_contacts += n;
    if (status == "completed") {
      e.contacts_completed += n;
    } else if (status == "failed" || status == "skipped") {
      e.contacts_failed += n;
    } else if (status == "queued" || status == "calling") {
      e.contacts_in_progress += n;
    } else {
      e.contacts_pending += n;  // pending, pendingRetry
    }
  }
  return e;
}

void LocalOperations::refresh_execution(const std::string& id) {
  Stmt s(ops_db_, "SELECT status, scheduled_start_at, scheduled_stop_at FROM executions WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return;
  std::string status = s.text(0);
  auto start = api::parse_iso_instant_ms(s.text(1));
  auto stop_text = s.opt_text(2);
  auto stop = stop_text ? api::parse_iso_instant_ms(*stop_text) : std::nullopt;
  long long now = now_ms();
  std::string stamp = now_iso();
  if (status == "scheduled" && start && *start <= now) {
    Stmt(ops_db_,
         "UPDATE executions SET status = 'running', actual_start_at = scheduled_start_at, updated_at = ? "
         "WHERE id = ?")
        .bind(1, stamp)
        .bind(2, id)
        .step();
    status = "running";
  }
  if (is_active_status(status) && stop && *stop <= now) {
    Transaction tx(ops_db_);
    stop_execution(ops_db_, id, *stop_text, stamp);
    tx.commit();
  }
}

namespace {

// Field errors for references of a program that name nothing of the organisation.
std::map<std::string, std::vector<std::string>> reference_errors(
    sqlite3* db, const std::string& org, const api::ProgramFields& f,
    const std::function<bool(const std::string&)>& did_ok) {
  std::map<std::string, std::vector<std::string>> errors;
  if (f.audience_id && !row_exists(db, "audiences", *f.audience_id, org)) {
    errors["audienceId"].push_back("audience " + *f.audience_id + " not found in this organization");
  }
  if (f.flow_id && !row_exists(db, "flows", *f.flow_id, org)) {
    errors["flowId"].push_back("flow " + *f.flow_id + " not found in this organization");
  }
  if (f.did_pool) {
    for (size_t i = 0; i < f.did_pool->size(); ++i) {
      if (!did_ok((*f.did_pool)[i])) {
        errors["didPool." + std::to_string(i)].push_back((*f.did_pool)[i] +
                                                         " is not an active DID available to this organization");
      }
    }
  }
  return errors;
}

}  // namespace

api::Result<api::Program> LocalOperations::create_program(const api::ProgramFields& f) {
  if (auto e = api::validate_program(f, true)) return *e;
  return guarded(ops_mutex_, [&]() -> api::Result<api::Program> {
    auto errors = reference_errors(ops_db_, ops_org_, f, [&](const std::string& d) { return did_available(d); });
    if (!errors.empty()) return api::validation_error(std::move(errors));
    api::Program p;
    p.id = new_uuid();
    p.organization_id = ops_org_;
    p.name = *f.name;
    p.audience_id = *f.audience_id;
    p.flow_id = *f.flow_id;
    p.start_at = f.start_at;
    p.stop_at = f.stop_at;
    if (f.did_pool) p.did_pool = *f.did_pool;
    if (f.retry_strategy) p.retry_strategy = *f.retry_strategy;
    if (f.pause_windows) p.pause_windows = *f.pause_windows;
    if (f.auto_pause_rules) p.auto_pause_rules = *f.auto_pause_rules;
    p.status = "draft";
    p.created_at = p.updated_at = now_iso();
    programs_table().insert(ops_db_, p);
    return *load_program(p.id);
  });
}

api::Result<api::Program> LocalOperations::get_program(const std::string& id) {
  return guarded(ops_mutex_, [&]() -> api::Result<api::Program> {
    auto p = load_program(id);
    if (!p) return api::not_found_error("Program");
    return *p;
  });
}

api::Result<api::Page<api::Program>> LocalOperations::list_programs(const api::PageQuery& q) {
  if (auto e = api::validate_page_query(q, api_names(kProgramSorts))) return *e;
  return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::Program>> {
    ListQuery list{"SELECT " + programs_table().list(),
                   " FROM programs WHERE organization_id = ?1 AND (?2 = '' OR name LIKE ?3 ESCAPE '\\')",
                   {ops_org_, q.search, like_pattern(q.search)},
                   sort_column(q, kProgramSorts, "")};
    return ops_pager_->page<api::Program>(ops_db_, list, q, [](Stmt& s) { return programs_table().read(s); });
  });
}

api::Result<api::Program> LocalOperations::update_program(const std::string& id, const api::ProgramFields& f) {
  if (auto e = api::validate_program(f, false)) return *e;
  return guarded(ops_mutex_, [&]() -> api::Result<api::Program> {
    auto current = load_program(id);
    if (!current) return api::not_found_error("Program");
    auto errors = reference_errors(ops_db_, ops_org_, f, [&](const std::string& d) { return did_available(d); });
    if (!errors.empty()) return api::validation_error(std::move(errors));
    api::Program p = *current;
    if (f.status && *f.status != p.status) {
      Stmt launched(ops_db_, "SELECT COUNT(*) FROM executions WHERE program_id = ?");
      launched.bind(1, id);
      launched.step();
      std::string earlier = launched.integer(0) > 0 ? "active" : "draft";
      if (*f.status == "archived") {
        p.status = "archived";
      } else if (p.status == "archived" && *f.status == earlier) {
        p.status = earlier;
      } else if (p.status == "archived") {
        return api::conflict_error("an archived program comes back as " + earlier + " (it has " +
                                   (earlier == "active" ? "" : "never ") + "been launched)");
      } else if (*f.status == "active") {
        return api::conflict_error("a program becomes active when it is launched");
      } else {
        return api::conflict_error("a launched program cannot become a draft again");
      }
    }
    if (f.name) p.name = *f.name;
    if (f.audience_id) p.audience_id = *f.audience_id;
    if (f.flow_id) p.flow_id = *f.flow_id;
    if (f.start_at) p.start_at = f.start_at;
    if (f.stop_at) p.stop_at = f.stop_at;
    if (p.start_at && p.stop_at) {
      auto a = api::parse_iso_instant_ms(*p.start_at), b = api::parse_iso_instant_ms(*p.stop_at);
      if (a && b && *b <= *a) return api::validation_error({{"stopAt", {"stopAt must be after startAt"}}});
    }
    if (f.did_pool) p.did_pool = *f.did_pool;
    if (f.retry_strategy) p.retry_strategy = *f.retry_strategy;
    if (f.pause_windows) p.pause_windows = *f.pause_windows;
    if (f.auto_pause_rules) p.auto_pause_rules = *f.auto_pause_rules;
    p.updated_at = now_iso();
    programs_table().update(ops_db_, p);
    return *load_program(id);
  });
}

api::Result<api::Execution> LocalOperations::launch_program(const std::string& program_id) {
  // 1. The preconditions the database answers, each with its own code.
  std::string graph;
  auto checked = guarded(ops_mutex_, [&]() -> api::Result<api::Done> {
    auto p = load_program(program_id);
    if (!p) return api::not_found_error("Program");
    if (p->status == "archived") {
      return refusal(409, api::kProgramArchived, "program " + p->name + " is archived; unarchive it to launch");
    }
    if (!row_exists(ops_db_, "audiences", p->audience_id, ops_org_)) {
      return refusal(400, api::kReferenceNotFound, "the program's audience " + p->audience_id + " no longer exists");
    }
    Stmt members(ops_db_, "SELECT COUNT(*) FROM audience_members WHERE audience_id = ?");
    members.bind(1, p->audience_id);
    members.step();
    if (members.integer(0) == 0) {
      return refusal(400, api::kAudienceEmpty, "the program's audience has no contacts: add contacts, then launch");
    }
    Stmt flow(ops_db_, "SELECT graph FROM flows WHERE id = ? AND organization_id = ?");
    flow.bind(1, p->flow_id).bind(2, ops_org_);
    if (!flow.step()) {
      return refusal(400, api::kReferenceNotFound, "the program's flow " + p->flow_id + " no longer exists");
    }
    graph = flow.text(0);
    if (p->stop_at) {
      auto stop = api::parse_iso_instant_ms(*p->stop_at);
      if (stop && *stop <= now_ms()) {
        return api::validation_error({{"stopAt", {"stopAt " + *p->stop_at + " has passed; update the program"}}});
      }
    }
    return api::Done{};
  });
  if (!checked) return checked.error();
  // 2. The flow must be valid (outside the lock: validate_flow takes it itself).
  auto validation = validate_flow(graph);
  if (!validation) return validation.error();
  if (!validation->valid) {
    api::ApiError e = refusal(400, api::kFlowInvalid, "the program's flow has errors: fix them, then launch");
    for (const auto& problem : validation->errors) {
      e.field_errors[problem.path ? *problem.path : "graph"].push_back(
          (problem.node_id ? "node " + *problem.node_id + ": " : std::string()) + problem.message);
    }
    return e;
  }
  // 3. In one transaction: no other execution active, then the execution and its contact snapshot.
  return guarded(ops_mutex_, [&]() -> api::Result<api::Execution> {
    auto p = load_program(program_id);
    if (!p) return api::not_found_error("Program");
    Stmt others(ops_db_, "SELECT id FROM executions WHERE program_id = ?");
    others.bind(1, program_id);
    std::vector<std::string> ids;
    while (others.step()) ids.push_back(others.text(0));
    for (const auto& other : ids) {
      refresh_execution(other);
      auto e = load_execution(other);
      if (e && is_active_status(e->status)) {
        return refusal(409, api::kExecutionAlreadyRunning,
                       "execution " + other + " of this program is " + e->status + "; cancel it or wait for it to end");
      }
    }
    Transaction tx(ops_db_);
    std::string id = new_uuid(), now = now_iso();
    auto start = p->start_at ? api::parse_iso_instant_ms(*p->start_at) : std::nullopt;
    bool later = start && *start > now_ms();
    json enc = api::wire::encode(*p);
    Stmt(ops_db_, "INSERT INTO executions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, ops_org_)
        .bind(3, program_id)
        .bind(4, p->audience_id)
        .bind(5, p->flow_id)
        .bind(6, later ? "scheduled" : "running")
        .bind(7, later ? *p->start_at : now)
        .bind(8, p->stop_at)
        .bind(9, later ? std::optional<std::string>() : std::optional<std::string>(now))
        .bind(10, enc.at("autoPauseRules").dump())
        .bind(11, enc.at("retryStrategy").dump())
        .bind(12, enc.at("pauseWindows").dump())
        .bind(13, enc.at("didPool").dump())
        .bind(14, graph)
        .bind(15, now)
        .bind(16, now)
        .step();
    // The audience snapshot: later changes to the audience do not change this execution. In the order
    // the contacts were added: the dialer calls never-called contacts in rowid order.
    Stmt(ops_db_,
         "INSERT INTO execution_contacts (execution_id, contact_id, phone, status, attempts, updated_at) "
         "SELECT ?1, c.id, c.primary_phone, 'pending', 0, ?2 FROM audience_members m JOIN contacts c ON c.id = "
         "m.contact_id WHERE m.audience_id = ?3 AND c.organization_id = ?4 ORDER BY m.rowid")
        .bind(1, id)
        .bind(2, now)
        .bind(3, p->audience_id)
        .bind(4, ops_org_)
        .step();
    Stmt(ops_db_, "UPDATE programs SET status = 'active', updated_at = ? WHERE id = ?")
        .bind(1, now)
        .bind(2, program_id)
        .step();
    tx.commit();
    return *load_execution(id);
  });
}

api::Result<api::Page<api::Execution>> LocalOperations::list_executions(const std::string& program_id,
                                                                        const api::PageQuery& q) {
  if (auto e = api::validate_page_query(q, {"createdAt"})) return *e;
  return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::Execution>> {
    if (!load_program(program_id)) return api::not_found_error("Program");
    // The page's ids first: refreshing an execution writes, which must not happen while paging.
    ListQuery list{"SELECT id",
                   " FROM executions WHERE program_id = ?1 AND organization_id = ?2",
                   {program_id, ops_org_},
                   sort_column(q, {{"createdAt", "created_at"}}, "")};
    auto ids = ops_pager_->page<std::string>(ops_db_, list, q, [](Stmt& s) { return s.text(0); });
    api::Page<api::Execution> page;
    page.meta = ids.meta;
    for (const auto& id : ids.data) {
      refresh_execution(id);
      page.data.push_back(*load_execution(id));
    }
    return page;
  });
}

api::Result<api::Execution> LocalOperations::get_execution(const std::string& id) {
  return guarded(ops_mutex_, [&]() -> api::Result<api::Execution> {
    refresh_execution(id);
    auto e = load_execution(id);
    if (!e) return api::not_found_error("Execution");
    return *e;
  });
}

api::Result<api::Execution> LocalOperations::set_status(const std::string& id, const std::string& verb) {
  refresh_execution(id);
  auto e = load_execution(id);
  if (!e) return api::not_found_error("Execution");
  const std::string& s = e->status;
  std::string to;
  if (verb == "pause") {
    if (s != "running") {
      return refusal(409, api::kInvalidTransition,
                     "execution is " + s + "; only a running execution can be paused" +
                         (api::is_paused_status(s) ? " (it is already paused)" : ""));
    }
    to = "paused";
  } else if (verb == "resume") {
    if (!api::is_paused_status(s)) {
      return refusal(409, api::kInvalidTransition, "execution is " + s + "; only a paused execution can be resumed");
    }
    to = "running";
  } else {
    if (!is_active_status(s)) {
      return refusal(409, api::kInvalidTransition, "execution is " + s + " already; it can no longer be cancelled");
    }
    to = "cancelled";
  }
  std::string now = now_iso();
  Stmt(ops_db_,
       "UPDATE executions SET status = ?, updated_at = ?, actual_end_at = CASE WHEN ? = 'cancelled' THEN ? "
       "ELSE actual_end_at END WHERE id = ?")
      .bind(1, to)
      .bind(2, now)
      .bind(3, to)
      .bind(4, now)
      .bind(5, id)
      .step();
  return *load_execution(id);
}

api::Result<api::Execution> LocalOperations::pause_execution(const std::string& id) {
  return guarded(ops_mutex_, [&]() { return set_status(id, "pause"); });
}

api::Result<api::Execution> LocalOperations::resume_execution(
    const std::string& id, const std::optional<std::vector<api::AutoPauseRule>>& rules) {
  if (rules) {
    if (auto e = api::validate_auto_pause_rules(*rules, "autoPauseRules")) return *e;
  }
  return guarded(ops_mutex_, [&]() -> api::Result<api::Execution> {
    refresh_execution(id);
    auto current = load_execution(id);
    if (!current) return api::not_found_error("Execution");
    Transaction tx(ops_db_);
    std::vector<api::AutoPauseRule> active = rules ? *rules : current->auto_pause_rules;
    if (rules) {
      Stmt(ops_db_, "UPDATE executions SET auto_pause_rules = ? WHERE id = ?")
          .bind(1, rules_text(*rules))
          .bind(2, id)
          .step();
    }
    auto resumed = set_status(id, "resume");
    if (!resumed) return resumed.error();
    for (const auto& rule : active) {
      if (rule.reset_on_resume) {
        Stmt(ops_db_, "UPDATE execution_node_counts SET count = 0 WHERE execution_id = ? AND node_id = ?")
            .bind(1, id)
            .bind(2, rule.node_id)
            .step();
        continue;
      }
      Stmt count(ops_db_, "SELECT count FROM execution_node_counts WHERE execution_id = ? AND node_id = ?");
      count.bind(1, id).bind(2, rule.node_id);
      long long n = count.step() ? count.integer(0) : 0;
      if (n >= rule.threshold) {
        return refusal(409, api::kInvalidTransition,
                       "node " + rule.node_id + " already ran " + std::to_string(n) + " times (threshold " +
                           std::to_string(rule.threshold) +
                           "): it would pause again at once; raise the threshold or set resetOnResume");
      }
    }
    tx.commit();
    return *load_execution(id);
  });
}

api::Result<api::Done> LocalOperations::cancel_execution(const std::string& id) {
  return guarded(ops_mutex_, [&]() -> api::Result<api::Done> {
    auto r = set_status(id, "cancel");
    if (!r) return r.error();
    return api::Done{};
  });
}

}  // namespace gomo::local

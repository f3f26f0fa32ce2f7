// How fast the local workspace's dialing side runs (api/dialing.h over SQLite): attempts per second
// through claim_due + finish_attempt, and through claim_due + the batch finish_attempts, on one
// execution of CONTACTS contacts (default 100,000). A driver for measuring, not a test.
// Usage: gomo_dialing_bench [CONTACTS] [LINES (default 30)]; the workspace goes to a temporary folder.
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "api/dialing.h"
#include "local/local_operations.h"
#include "local/workspace.h"

using namespace gomo;  // NOLINT: a driver
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "dialing_bench: %s\n", what.c_str());
  std::exit(1);
}

api::FinishedAttempt attempt_for(const std::string& execution, const api::DueContact& due, long long now) {
  api::FinishedAttempt f;
  f.execution_id = execution;
  f.contact_id = due.contact_id;
  f.attempt.call.status = "completed";
  f.attempt.call.from = "+212800000000";
  f.attempt.call.to = due.phone;
  f.attempt.call.duration_ms = 30000;
  f.attempt.outcome = "completed";
  f.attempt.outcome_reason = "hangup";
  f.contact_status = "completed";
  // One contact in four is busy on its first call and retried a minute later.
  if (due.attempts_before == 0 && due.phone.back() % 4 == 0) {
    f.attempt.outcome = "busy";
    f.contact_status = "pending";
    f.next_attempt_at = now + 60000;
  }
  f.node_counts = {{"bye", 1}};
  return f;
}

// Runs `execution` to the end on a virtual clock; returns attempts made.
long long run(local::LocalOperations& ops, const std::string& execution, size_t lines, bool batch) {
  long long now = 1772355600000, attempts = 0;
  double claim_s = 0, finish_s = 0;
  auto start = Clock::now();
  for (;;) {
    auto t = Clock::now();
    auto due = ops.claim_due(execution, now, lines);
    claim_s += seconds_since(t);
    if (!due) fail(due.error().message);
    if (due->empty()) {
      auto next = ops.next_due(execution);
      if (!next || !*next) break;
      now = std::max<long long>(now + 1, **next);
      continue;
    }
    t = Clock::now();
    std::vector<api::FinishedAttempt> done;
    for (const auto& d : *due) done.push_back(attempt_for(execution, d, now));
    if (batch) {
      if (auto r = ops.finish_attempts(done); !r) fail(r.error().message);
    } else {
      for (const auto& d : done) {
        if (auto r = ops.finish_attempt(d); !r) fail(r.error().message);
      }
    }
    finish_s += seconds_since(t);
    attempts += static_cast<long long>(done.size());
    now += 1000;
  }
  double total = seconds_since(start);
  std::printf("%-22s %8lld attempts in %6.2f s: %8.0f attempts/s (claim %.2f s, finish %.2f s)\n",
              batch ? "claim + finish batch" : "claim + finish one", attempts, total, attempts / total, claim_s,
              finish_s);
  return attempts;
}

}  // namespace

int main(int argc, char** argv) {
  int contacts = argc > 1 ? std::atoi(argv[1]) : 100000;
  size_t lines = argc > 2 ? static_cast<size_t>(std::atoi(argv[2])) : 30;
  auto dir = std::filesystem::temp_directory_path() / ("gomo-dialing-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto ws = local::Workspace::open((dir / "workspace.db").string());
  if (!ws) fail(ws.error().message());
  auto org = (*ws)->create_organization("Bench Org");
  if (!org) fail(org.error().message());
  auto platform = (*ws)->platform_for(org->organization.id);
  auto& ops = dynamic_cast<local::LocalOperations&>(*platform);

  auto t = Clock::now();
  auto audience = ops.create_audience({std::string("Everyone"), std::nullopt});
  if (!audience) fail(audience.error().message);
  for (int i = 0; i < contacts; i += api::kMaxUpsertBatch) {
    std::vector<api::ContactFields> batch;
    for (int k = i; k < std::min(contacts, i + api::kMaxUpsertBatch); ++k) {
      api::ContactFields c;
      c.primary_phone = "+2126" + std::to_string(10000000 + k);
      c.first_name = "Contact" + std::to_string(k);
      batch.push_back(c);
    }
    auto made = ops.upsert_contacts(batch);
    if (!made) fail(made.error().message);
    std::vector<std::string> ids;
    for (const auto& c : made->contacts) ids.push_back(c.id);
    if (auto added = ops.add_audience_contacts(audience->id, ids); !added) fail(added.error().message);
  }
  auto flow = ops.create_flow({std::string("Bye"), std::nullopt,
                               std::string(R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup"}]})")});
  if (!flow) fail(flow.error().message);
  api::ProgramFields fields;
  fields.name = "Bench";
  fields.audience_id = audience->id;
  fields.flow_id = flow->id;
  auto program = ops.create_program(fields);
  if (!program) fail(program.error().message);
  std::printf("setup: %d contacts in %.1f s; workspace %s\n", contacts, seconds_since(t), dir.c_str());

  for (bool batch : {false, true}) {
    t = Clock::now();
    auto execution = ops.launch_program(program->id);
    if (!execution) fail(execution.error().message);
    std::printf("launch: %.2f s\n", seconds_since(t));
    run(ops, execution->id, lines, batch);
    t = Clock::now();
    auto e = ops.get_execution(execution->id);
    if (!e) fail(e.error().message);
    std::printf("get_execution (counters): %.3f s; %d completed of %d\n", seconds_since(t), e->contacts_completed,
                e->total_contacts);
    if (auto r = ops.set_execution_status(execution->id, "completed", 0); !r) fail(r.error().message);
  }
  std::filesystem::remove_all(dir);
  return 0;
}

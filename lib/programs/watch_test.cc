#include "programs/watch.h"

#include <doctest/doctest.h>

#include <thread>

#include "tests/support/running_program.h"

namespace gomo::programs {

TEST_CASE("watch_execution: the first state, each change, and the end; or the timeout") {
  test::RunningProgram running;
  auto& f = running.f;
  const api::Execution* execution = &running.execution;

  auto snapshot = read_snapshot(*f.platform, execution->id);
  REQUIRE(snapshot);
  CHECK(snapshot->execution.status == "running");
  CHECK(snapshot->report.contacts.total_contacts == 1);
  CHECK_FALSE(snapshot->ended);

  // Nothing moves on the local workspace: the watch stops at the timeout, having handed over one state.
  std::vector<std::string> seen;
  WatchOptions quick;
  quick.interval_ms = 20;
  quick.timeout_ms = 150;
  auto timed_out = watch_execution(*f.platform, execution->id, quick,
                                   [&](const Snapshot& s) { seen.push_back(s.execution.status); });
  REQUIRE(timed_out);
  CHECK(*timed_out == WatchEnd::kTimedOut);
  CHECK(seen == std::vector<std::string>{"running"});

  // Changes made meanwhile (another client; the same thread here, between polls) are each seen once.
  seen.clear();
  int polls = 0;
  WatchOptions until_end;
  until_end.interval_ms = 10;
  until_end.timeout_ms = 5000;
  until_end.with_breakdown = true;
  auto ended = watch_execution(*f.platform, execution->id, until_end, [&](const Snapshot& s) {
    CHECK(s.breakdown.has_value());
    seen.push_back(s.execution.status);
    ++polls;
    if (s.execution.status == "running" && polls == 1) REQUIRE(f.platform->pause_execution(execution->id));
    if (s.execution.status == "paused") REQUIRE(f.platform->cancel_execution(execution->id));
  });
  REQUIRE(ended);
  CHECK(*ended == WatchEnd::kEnded);
  CHECK(seen == std::vector<std::string>{"running", "paused", "cancelled"});

  auto missing = read_snapshot(*f.platform, "00000000-0000-4000-8000-000000000000");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().api.http_status == 404);
}

}  // namespace gomo::programs

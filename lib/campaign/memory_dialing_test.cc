// MemoryDialing (the forecast's api::Dialing) against the local workspace's: the same scenario on both
// must claim the same contacts in the same order, so that a forecast describes the launch.
#include "campaign/memory_dialing.h"

#include <doctest/doctest.h>

#include <functional>

#include "tests/support/dialing_campaign.h"

namespace gomo::campaign {
namespace {

using test::kT;

// One implementation under test: its dialing, its execution, contact i's id and its counters as
// {completed, failed, pending, in progress}.
struct Side {
  api::Dialing& dialing;
  std::string execution_id;
  std::function<std::string(int)> contact;
  std::function<std::vector<uint64_t>()> counters;

  std::vector<int> claim(api::EpochMillis now, size_t limit) {
    auto due = dialing.claim_due(execution_id, now, limit);
    REQUIRE_MESSAGE(due, due.error().message);
    std::vector<int> indexes;
    for (const auto& d : *due) {
      int i = 0;
      while (i < 100 && contact(i) != d.contact_id) ++i;  // the scenarios have a handful of contacts
      const std::string unknown = "claimed an unknown contact " + d.contact_id;
      REQUIRE_MESSAGE(i < 100, unknown);
      indexes.push_back(i);
    }
    return indexes;
  }
  api::Result<std::string> finish(int i, const std::string& status, std::optional<api::EpochMillis> retry_at = {}) {
    api::FinishedAttempt f;
    f.execution_id = execution_id;
    f.contact_id = contact(i);
    f.attempt.outcome = f.attempt.call.status = status == "completed" ? "completed" : "busy";
    f.attempt.outcome_reason = "test";
    f.contact_status = status;
    f.next_attempt_at = retry_at;
    return dialing.finish_attempt(f);
  }
};

// The claim order (api/dialing.h): due retries by due time, then first calls in audience order; a
// released claim keeps its place (a first call among the first calls, a retry at its due time).
void claim_order_scenario(Side s) {
  CHECK(s.claim(kT, 3) == std::vector<int>{0, 1, 2});
  REQUIRE(s.finish(0, "pending", kT + 2000));
  REQUIRE(s.finish(1, "pending", kT + 1000));
  REQUIRE(s.finish(2, "completed"));
  CHECK(s.claim(kT + 500, 1) == std::vector<int>{3});  // no retry due yet
  // Both retries due: by due time, before the never-called 4 and 5.
  CHECK(s.claim(kT + 2000, 3) == std::vector<int>{1, 0, 4});
  CHECK(s.counters() == std::vector<uint64_t>{1, 0, 1, 4});
  // A dialer dies: 0, 1, 3 and 4 go back; the retries first, then the first calls in audience order.
  REQUIRE(*s.dialing.release_claims(s.execution_id) == 4);
  CHECK(s.counters() == std::vector<uint64_t>{1, 0, 5, 0});
  CHECK(s.claim(kT + 3000, 6) == std::vector<int>{1, 0, 3, 4, 5});
}

api::DialingPlan memory_plan() {
  api::DialingPlan p;
  p.execution_id = "e1";
  p.caller_numbers = {"+212500000001"};
  return p;
}

TEST_CASE("memory dialing claims in the local platform's order: due retries, then first calls") {
  SUBCASE("local workspace") {
    test::DialingCampaign c(6);
    claim_order_scenario({*c.dialing, c.execution_id,
                          [&](int i) { return i < 6 ? c.contact_ids[i] : std::string(); },
                          [&] {
                            auto e = c.counters();
                            return std::vector<uint64_t>{uint64_t(e.contacts_completed), uint64_t(e.contacts_failed),
                                                         uint64_t(e.contacts_pending),
                                                         uint64_t(e.contacts_in_progress)};
                          }});
  }
  SUBCASE("memory") {
    MemoryDialing m(memory_plan(), 6, "running");
    claim_order_scenario({m, "e1", [](int i) { return "c" + std::to_string(i); }, [&] {
                            const auto& n = m.counters();
                            return std::vector<uint64_t>{n.completed, n.failed, n.pending, n.in_progress};
                          }});
  }
}

}  // namespace
}  // namespace gomo::campaign

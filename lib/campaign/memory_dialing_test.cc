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

// A finish for a contact that is not in progress (finished already, or never claimed) is recorded but
// changes nothing (local/dialing.cc: finish_one); one for a contact the execution does not have is 404.
void unclaimed_finish_scenario(Side s) {
  CHECK(s.claim(kT, 1) == std::vector<int>{0});
  REQUIRE(*s.finish(0, "completed") == "running");
  CHECK(s.counters() == std::vector<uint64_t>{1, 0, 2, 0});
  // Reported again (a repeated request), and a never-claimed contact: both recorded, nothing changes.
  CHECK(*s.finish(0, "pending", kT + 1000) == "running");
  CHECK(*s.finish(2, "failed") == "running");
  CHECK(s.counters() == std::vector<uint64_t>{1, 0, 2, 0});
  api::FinishedAttempt stranger;
  stranger.execution_id = s.execution_id;
  stranger.contact_id = "nobody";
  stranger.contact_status = "completed";
  auto refused = s.dialing.finish_attempt(stranger);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().http_status == 404);
  // No retry was queued for contact 0, and 2 is still to call: first calls 1 and 2.
  CHECK(s.claim(kT + 5000, 5) == std::vector<int>{1, 2});
}

api::DialingPlan memory_plan() {
  api::DialingPlan p;
  p.execution_id = "e1";
  p.caller_numbers = {"+212500000001"};
  return p;
}

// The local side of a scenario over `contacts` new contacts, and the memory side.
template <typename Scenario>
void on_both(int contacts, Scenario scenario) {
  SUBCASE("local workspace") {
    test::DialingCampaign c(contacts);
    scenario(Side{*c.dialing, c.execution_id, [&](int i) { return i < contacts ? c.contact_ids[i] : std::string(); },
                  [&] {
                    auto e = c.counters();
                    return std::vector<uint64_t>{uint64_t(e.contacts_completed), uint64_t(e.contacts_failed),
                                                 uint64_t(e.contacts_pending), uint64_t(e.contacts_in_progress)};
                  }});
  }
  SUBCASE("memory") {
    MemoryDialing m(memory_plan(), contacts, "running");
    scenario(Side{m, "e1", [](int i) { return "c" + std::to_string(i); },
                  [&] {
                    const auto& n = m.counters();
                    return std::vector<uint64_t>{n.completed, n.failed, n.pending, n.in_progress};
                  }});
  }
}

TEST_CASE("memory dialing claims in the local platform's order: due retries, then first calls") {
  on_both(6, claim_order_scenario);
}

TEST_CASE("memory dialing records a finish for a contact not in progress without changing it, as local does") {
  on_both(3, unclaimed_finish_scenario);
}

}  // namespace
}  // namespace gomo::campaign

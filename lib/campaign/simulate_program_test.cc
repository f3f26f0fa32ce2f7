#include "campaign/simulate_program.h"

#include <doctest/doctest.h>

#include <chrono>
#include <numeric>

#include "tests/support/epoch_time.h"
#include "tests/support/test_support.h"

namespace gomo::campaign {
namespace {

using test::kHour;
using test::kMinute;
using test::utc;

// Dial, then hang up: an answered call completes.
const char* kFlow = R"({"startNodeId": "dial", "nodes": [
  {"id": "dial", "type": "dial", "config": {"timeout": 20000}, "outputs": {"onAnswer": "bye", "default": "bye"}},
  {"id": "bye", "type": "hangup"}]})";

std::string audience(int contacts) {
  std::string csv = "Prénom;Téléphone\n";
  for (int i = 0; i < contacts; ++i) csv += "Amina;+2126" + std::to_string(10000000 + i) + "\n";
  return test::write_file(test::scratch_dir(), "audience.csv", csv);
}

api::DialingPlan plan(int lines) {
  api::DialingPlan p;
  p.execution_id = "forecast";
  p.flow_graph_json = kFlow;
  p.time_zone = "UTC";
  p.start_at = utc(2026, 5, 4, 8);  // a Monday
  for (int i = 0; i < lines; ++i) p.caller_numbers.push_back("+21250000000" + std::to_string(i));
  p.retry_strategy.type = "fixed_delay";
  p.retry_strategy.delay_ms = 30 * kMinute;
  p.retry_strategy.max_retries = 1;
  return p;
}

}  // namespace

TEST_CASE("count_audience: the phone column by its header, rows without a phone skipped") {
  const std::string dir = test::scratch_dir();
  auto csv = test::write_file(dir, "a.csv", "name,tel\nAmina,+212600000001\nOmar,\nKarim,+212600000002\n");
  OutcomeMix mix;
  mix.scripts["+212600000002"] = {};
  auto n = count_audience(csv, mix);
  REQUIRE(n);
  CHECK(n->contacts == 2);
  CHECK(n->skipped == 1);
  CHECK(n->scripted == std::map<uint64_t, std::string>{{1, "+212600000002"}});  // contact index 1

  CHECK(count_audience(audience(3), {})->contacts == 3);  // `;` and a French header
  auto empty = count_audience(test::write_file(dir, "e.csv", "phone\n"), {});
  CHECK(!empty);
  CHECK(empty.error().message().rfind(dir + "/e.csv: ", 0) == 0);
  auto missing = count_audience(dir + "/none.csv", {});
  CHECK(missing.error().code() == StatusCode::kNotFound);
}

TEST_CASE("count_audience: the phone column found as contacts upsert finds it; none is an error naming the header") {
  const std::string dir = test::scratch_dir();
  // Neither header is the first column: the old guess (column 0) would have counted the names.
  auto spaced = count_audience(test::write_file(dir, "s.csv", "Name,Phone Number\nAmina,+212600000001\nOmar,\n"), {});
  REQUIRE_MESSAGE(spaced, spaced.error().message());
  CHECK(spaced->contacts == 1);
  CHECK(spaced->skipped == 1);
  auto msisdn = count_audience(test::write_file(dir, "m.csv", "name,msisdn\nAmina,212600000001\nOmar,\n"), {});
  REQUIRE_MESSAGE(msisdn, msisdn.error().message());
  CHECK(msisdn->contacts == 1);

  auto none = count_audience(test::write_file(dir, "n.csv", "name,city\nAmina,Rabat\n"), {});
  REQUIRE(!none);
  CHECK(none.error().code() == StatusCode::kInvalidArgument);
  const std::string& message = none.error().message();
  CHECK(message.rfind(dir + "/n.csv: no phone column", 0) == 0);
  CHECK(message.find("`name`") != std::string::npos);
  CHECK(message.find("city") != std::string::npos);
}

TEST_CASE("simulate_program: the figures add up; pause windows met are spans of the run") {
  api::DialingPlan p = plan(3);
  // Paused 08:30-09:30 on Monday (UTC): the run meets that window once.
  p.pause_windows.days["monday"] = {{{8, 30}, {9, 30}}};
  OutcomeMix mix;
  mix.seed = 5;
  auto f = simulate_program("Test", p, audience(600), mix);
  REQUIRE(f);
  CHECK(f->program_name == "Test");
  CHECK(f->contacts == 600);
  CHECK(f->lines == 3);
  CHECK(f->started_at == utc(2026, 5, 4, 8));
  CHECK(f->completed + f->failed + f->not_reached == 600);
  CHECK(f->not_reached == 0);
  uint64_t contacts = 0, attempts = 0, outcomes = 0;
  for (const auto& [n, c] : f->contacts_by_attempts) contacts += c, attempts += static_cast<uint64_t>(n) * c;
  for (const auto& [o, c] : f->outcomes) outcomes += c;
  CHECK(contacts == 600);
  CHECK(attempts == f->attempts);
  CHECK(outcomes == f->attempts);
  CHECK(std::accumulate(f->completed_by_bucket.begin(), f->completed_by_bucket.end(), uint64_t{0}) == f->completed);
  CHECK(f->line_use.size() == f->completed_by_bucket.size());
  CHECK(f->line_use.size() <= kMaxForecastBuckets);
  REQUIRE(f->ended_at > utc(2026, 5, 4, 9, 30));  // 600 calls on 3 lines outlast the window
  REQUIRE(f->pauses.size() == 1);
  CHECK(f->pauses[0].from == utc(2026, 5, 4, 8, 30));
  CHECK(f->pauses[0].to == utc(2026, 5, 4, 9, 30));
  CHECK(f->paused_share ==
        doctest::Approx(static_cast<double>(kHour) / static_cast<double>(f->ended_at - f->started_at)));
  // No call during the pause: the buckets inside it show idle lines.
  const EpochMillis mid_pause = utc(2026, 5, 4, 9);
  const size_t b = static_cast<size_t>((mid_pause - f->started_at) / f->bucket_ms);
  CHECK(f->line_use[b] == 0.0);
  for (double use : f->line_use) CHECK(use <= 1.0);
}

TEST_CASE("simulate_program: stop_at cuts the run; the contacts never called are contacts_by_attempts[0]") {
  api::DialingPlan p = plan(1);
  p.stop_at = utc(2026, 5, 4, 8, 5);
  auto f = simulate_program("Cut", p, audience(200), OutcomeMix{});
  REQUIRE(f);
  CHECK(f->stopped_by_stop_at);
  CHECK(f->ended_at == *p.stop_at);
  CHECK(f->not_reached > 0);
  CHECK(f->completed + f->failed + f->not_reached == 200);
  REQUIRE(f->contacts_by_attempts.count(0));
  uint64_t contacts = 0;
  for (const auto& [n, c] : f->contacts_by_attempts) contacts += c;
  CHECK(contacts == 200);
}

TEST_CASE("simulate_program: an auto-pause rule ends the run and says which rule, and when") {
  api::DialingPlan p = plan(2);
  p.stop_at = utc(2026, 5, 30, 8);  // far away: not what ends it
  p.auto_pause_rules.push_back({"bye", 5, false});
  auto f = simulate_program("Paused", p, audience(200), OutcomeMix{});
  REQUIRE(f);
  REQUIRE(f->auto_paused);
  CHECK(f->auto_paused->node_id == "bye");
  CHECK(f->auto_paused->threshold == 5);
  CHECK(f->auto_paused->at > f->started_at);
  CHECK(f->auto_paused->at <= f->ended_at);
  CHECK_FALSE(f->stopped_by_stop_at);
  CHECK(f->not_reached > 0);
  CHECK(f->completed + f->failed + f->not_reached == 200);

  auto unpaused = simulate_program("Plain", plan(2), audience(20), OutcomeMix{});
  REQUIRE(unpaused);
  CHECK_FALSE(unpaused->auto_paused);
}

TEST_CASE("simulate_program: the same inputs give the same forecast; an unknown zone is an error") {
  auto a = simulate_program("A", plan(2), audience(100), OutcomeMix{});
  auto b = simulate_program("A", plan(2), audience(100), OutcomeMix{});
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->attempts == b->attempts);
  CHECK(a->outcomes == b->outcomes);
  CHECK(a->line_use == b->line_use);
  CHECK(a->ended_at == b->ended_at);

  api::DialingPlan p = plan(1);
  p.time_zone = "Mars/Olympus";
  auto bad = simulate_program("A", p, audience(1), OutcomeMix{});
  REQUIRE(!bad);
  CHECK(bad.error().message().find("Mars/Olympus") != std::string::npos);
}

}  // namespace gomo::campaign

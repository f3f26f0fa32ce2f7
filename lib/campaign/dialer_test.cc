#include "campaign/dialer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <tuple>

#include "base/time.h"
#include "campaign/memory_dialing.h"
#include "ext/time_zone.h"
#include "tests/support/epoch_time.h"

namespace gomo::campaign {
namespace {

using test::kHour;
using test::kMinute;
using test::utc;

const EpochMillis kT0 = utc(2026, 5, 4, 8);  // a Monday

// Dial; a person hears a menu; 1 -> a thank-you; anything else hangs up.
const char* kFlow = R"({"startNodeId": "dial", "nodes": [
  {"id": "dial", "type": "dial", "config": {"timeout": 20000, "enableAMD": true},
   "outputs": {"onAnswer": "menu", "onVoicemail": "vm", "default": "bye"}},
  {"id": "menu", "type": "dtmf",
   "config": {"variable": "choice", "timeout": 4000, "promptAudioItems": [{"type": "tts", "text": "Press 1"}]},
   "outputs": {"branches": {"1": "yes"}, "default": "bye"}},
  {"id": "yes", "type": "play", "config": {"audioItems": [{"type": "tts", "text": "Thank you"}]},
   "outputs": {"onComplete": "bye"}},
  {"id": "vm", "type": "hangup"},
  {"id": "bye", "type": "hangup"}]})";

api::DialingPlan plan(int lines, const std::string& zone = "UTC") {
  api::DialingPlan p;
  p.execution_id = "e1";
  p.program_id = "p1";
  p.organization_id = "o1";
  p.flow_id = "f1";
  p.flow_graph_json = kFlow;
  p.time_zone = zone;
  p.start_at = kT0;
  for (int i = 0; i < lines; ++i) p.caller_numbers.push_back("+2125000000" + std::to_string(10 + i));
  return p;
}

OutcomeMix mix(double answer, double busy = 0, double no_answer = 0, uint64_t seed = 1) {
  OutcomeMix m;
  m.answer = answer;
  m.busy = busy;
  m.no_answer = no_answer;
  m.voicemail = m.rejected = m.failed = 0;
  m.hang_up = 0;
  m.dtmf["menu"] = {{"1", 100}};
  m.seed = seed;
  return m;
}

// A run, with every attempt as the observer saw it and the checks that hold for any run.
struct Outcome {
  DialerSummary summary;
  std::vector<AttemptEvent> events;
};

Outcome run(MemoryDialing& dialing, const OutcomeMix& callees, DialerOptions options = {},
            EpochMillis clock_start = kT0) {
  VirtualClock clock(clock_start);
  Outcome out;
  auto user_hook = options.on_attempt;
  const size_t lines = dialing.dialing_plan("e1")->caller_numbers.size();
  options.on_attempt = [&](const AttemptEvent& e) {
    out.events.push_back(e);
    CHECK(dialing.counters().add_up());
    if (user_hook) user_hook(e);
  };
  options.max_steps = 50'000'000;
  auto s = run_execution(dialing, "e1", clock, callees, options);
  REQUIRE_MESSAGE(s, s.error().message());
  out.summary = s.value();
  CHECK(dialing.counters().add_up());
  CHECK(out.summary.max_lines_busy <= static_cast<int>(lines));
  // No line carries two calls at once.
  std::map<int, std::vector<std::pair<EpochMillis, EpochMillis>>> by_line;
  for (const auto& e : out.events) by_line[e.line].emplace_back(e.start, e.end);
  for (auto& [line, calls] : by_line) {
    CHECK(line < static_cast<int>(lines));
    std::sort(calls.begin(), calls.end());
    for (size_t i = 1; i < calls.size(); ++i) CHECK(calls[i].first >= calls[i - 1].second);
  }
  return out;
}

TEST_CASE("dialer: everyone answers; all completed over the whole pool") {
  MemoryDialing d(plan(10), 1000);
  auto r = run(d, mix(100));
  CHECK(r.summary.status == "completed");
  CHECK(d.counters().completed == 1000);
  CHECK(r.summary.attempts == 1000);
  CHECK(r.summary.max_lines_busy == 10);
  CHECK(d.actual_start_at() == kT0);
  CHECK(d.actual_end_at() == r.summary.ended_at);
  for (const auto& e : r.events) CHECK(e.outcome == "completed");
}

TEST_CASE("dialer: the attempt in the platform's shape") {
  MemoryDialing d(plan(1), 1);
  d.keep_attempts(true);
  run(d, mix(100));
  REQUIRE(d.attempts().size() == 1);
  const auto& a = d.attempts()[0];
  CHECK(a.contact_status == "completed");
  CHECK(a.attempt.attempt == 1);
  CHECK(a.attempt.call.from == "+212500000010");
  CHECK(a.attempt.call.to == "+212600000000");
  CHECK(a.attempt.call.dialed_at == "2026-05-04T08:00:00.000Z");
  REQUIRE(a.attempt.call.answered_at);
  CHECK(*a.attempt.call.answered_at > "2026-05-04T08:00:01");
  REQUIRE(a.attempt.call.duration_ms);
  CHECK(*a.attempt.call.duration_ms > 2000);
  CHECK(a.attempt.call.terminated_at == iso_time(kT0 + *a.attempt.call.duration_ms));
  REQUIRE(a.attempt.flow_execution_json);
  CHECK(a.attempt.flow_execution_json->find("\"nodeId\":\"yes\"") != std::string::npos);
  CHECK(a.node_counts.at("menu") == 1);
  CHECK(a.node_counts.at("yes") == 1);
}

TEST_CASE("dialer: fixed_delay retries wait after the end; maxRetries then failed") {
  api::DialingPlan p = plan(5);
  p.retry_strategy.type = "fixed_delay";
  p.retry_strategy.delay_ms = 30 * kMinute;
  p.retry_strategy.max_retries = 2;
  MemoryDialing d(p, 100);
  auto r = run(d, mix(0, 100));
  CHECK(r.summary.status == "completed");
  CHECK(d.counters().failed == 100);
  CHECK(r.summary.attempts == 300);
  CHECK(d.contacts_by_attempts().at(3) == 100);
  std::map<std::string, std::vector<AttemptEvent>> by_contact;
  for (const auto& e : r.events) by_contact[e.contact_id].push_back(e);
  for (const auto& [id, list] : by_contact) {
    REQUIRE(list.size() == 3);
    CHECK(list[1].start >= list[0].end + 30 * kMinute);
    CHECK(list[2].start >= list[1].end + 30 * kMinute);
    CHECK(list[2].attempt == 3);
    CHECK(list[0].contact_status == "pending");
    CHECK(list[2].contact_status == "failed");
  }
}

TEST_CASE("dialer: on RealClock(1000) each line is held for its calls' durations in real time") {
  // A lower bound only (a slow machine makes the run longer, never shorter), so it cannot flake.
  constexpr int kLines = 2;
  api::DialingPlan p = plan(kLines);
  p.start_at.reset();
  p.retry_strategy.type = "fixed_delay";
  p.retry_strategy.delay_ms = kMinute;
  p.retry_strategy.max_retries = 1;
  MemoryDialing d(p, 16, "running");
  RealClock clock(1000);
  EpochMillis busy_ms = 0;  // the calls' durations, clock milliseconds
  int retries = 0;
  DialerOptions options;
  options.on_attempt = [&](const AttemptEvent& e) {
    busy_ms += e.end - e.start;
    if (e.attempt > 1) ++retries;
  };
  const auto real_start = std::chrono::steady_clock::now();
  auto s = run_execution(d, "e1", clock, mix(70, 30), options);
  const double real_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - real_start).count();
  REQUIRE_MESSAGE(s, s.error().message());
  CHECK(s->status == "completed");
  CHECK(retries > 0);
  CHECK(busy_ms > 16 * 1000);  // every call rings at least a second
  CHECK(real_ms >= static_cast<double>(busy_ms) / 1000.0 / kLines);
}

TEST_CASE("dialer: scheduled retries at their dates; none left means failed") {
  api::DialingPlan p = plan(50);
  p.retry_strategy.type = "scheduled";
  p.retry_strategy.dates = {"2026-05-04T10:00:00Z", "2026-05-05T09:30:00+01:00"};
  MemoryDialing d(p, 20);
  auto r = run(d, mix(0, 0, 100));
  CHECK(d.counters().failed == 20);
  CHECK(r.summary.attempts == 60);
  for (const auto& e : r.events) {
    if (e.attempt == 1) CHECK(e.start == kT0);
    if (e.attempt == 2) CHECK(e.start == utc(2026, 5, 4, 10));
    if (e.attempt == 3) CHECK(e.start == utc(2026, 5, 5, 8, 30));
  }
}

// Every attempt starts outside the windows, on the zone's wall clock; everyone is called.
void check_windows_respected(const std::string& zone, EpochMillis start) {
  CAPTURE(zone);
  api::DialingPlan p = plan(2, zone);
  p.start_at = start;
  for (const char* day : api::kWeekdays) p.pause_windows.days[day] = {{{20, 0}, {9, 0}}};  // open 09:00-20:00
  p.retry_strategy.type = "fixed_delay";
  p.retry_strategy.delay_ms = 3 * kHour;
  p.retry_strategy.max_retries = 1;
  MemoryDialing d(p, 8000);
  auto r = run(d, mix(60, 20, 20), {}, start);
  CHECK(r.summary.status == "completed");
  CHECK(d.counters().completed + d.counters().failed == 8000);  // nobody skipped
  std::set<int> days;
  for (const auto& e : r.events) {
    auto lt = ext::local_time(zone, ext::SysSeconds(std::chrono::seconds(e.start / 1000)));
    REQUIRE(lt);
    CHECK_MESSAGE(lt->hour >= 9, e.start);
    CHECK_MESSAGE(lt->hour < 20, e.start);
    days.insert(lt->day);
  }
  CHECK(days.size() >= 3);  // the campaign ran across the DST change
}

TEST_CASE("dialer: pause windows across midnight and DST (Europe/Paris, Africa/Casablanca)") {
  check_windows_respected("Europe/Paris", utc(2026, 3, 27, 18));       // last Sunday of March: 29th
  check_windows_respected("Africa/Casablanca", utc(2026, 3, 20, 18));  // Ramadan ends 22 March
  check_windows_respected("Africa/Casablanca", utc(2026, 2, 13, 18));  // Ramadan starts 15 February
}

TEST_CASE("dialer: stopAt stops; the rest stays pending and the counters add up") {
  api::DialingPlan p = plan(1);
  p.stop_at = kT0 + kHour;
  MemoryDialing d(p, 1000, "running");
  auto r = run(d, mix(100));
  CHECK(r.summary.status == "stopped");
  CHECK(d.actual_end_at() == kT0 + kHour);
  CHECK(d.counters().pending > 0);
  CHECK(d.counters().in_progress == 0);
  CHECK(d.counters().completed == r.summary.attempts);
  for (const auto& e : r.events) CHECK(e.start < kT0 + kHour);
}

TEST_CASE("dialer: auto-pause at the threshold, then resume without a reset runs to the end") {
  api::DialingPlan p = plan(3);
  p.auto_pause_rules.push_back({"yes", 5, false});
  MemoryDialing d(p, 40);
  auto first = run(d, mix(100));
  CHECK(first.summary.status == "paused_threshold");
  CHECK(d.counters().completed >= 5);
  CHECK(d.counters().completed <= 7);  // the calls in flight at the threshold finish
  CHECK(d.counters().in_progress == 0);
  REQUIRE(d.control("resume"));
  auto second = run(d, mix(100), {}, first.summary.ended_at);
  CHECK(second.summary.status == "completed");
  CHECK(d.counters().completed == 40);
}

TEST_CASE("dialer: paused then resumed mid-run from elsewhere") {
  MemoryDialing d(plan(2), 500);
  const EpochMillis pause_at = kT0 + 10 * kMinute, resume_at = kT0 + 2 * kHour;
  DialerOptions o;
  o.wait_while_paused = true;
  bool paused = false, resumed = false;
  o.on_tick = [&](EpochMillis now) {
    if (!paused && now >= pause_at) paused = static_cast<bool>(d.control("pause"));
    if (!resumed && now >= resume_at) resumed = static_cast<bool>(d.control("resume"));
  };
  auto r = run(d, mix(100), o);
  CHECK(r.summary.status == "completed");
  CHECK(d.counters().completed == 500);
  int during = 0;
  for (const auto& e : r.events) during += e.start > pause_at + kMinute && e.start < resume_at;
  CHECK(during == 0);
}

TEST_CASE("dialer: cancelled mid-run stops at once; claims in flight go back to pending") {
  MemoryDialing d(plan(4), 500);
  DialerOptions o;
  o.on_tick = [&](EpochMillis now) {
    if (now >= kT0 + 10 * kMinute && d.execution_status("e1").value() == "running") REQUIRE(d.control("cancel"));
  };
  auto r = run(d, mix(100), o);
  CHECK(r.summary.status == "cancelled");
  CHECK(d.counters().in_progress == 0);
  CHECK(d.counters().pending == 500 - d.counters().completed);
  for (const auto& e : r.events) CHECK(e.end <= kT0 + 10 * kMinute + kMinute);
}

TEST_CASE("dialer: a scheduled execution waits for startAt") {
  api::DialingPlan p = plan(1);
  p.start_at = kT0 + kHour;
  MemoryDialing d(p, 3);
  auto r = run(d, mix(100));
  CHECK(d.actual_start_at() == kT0 + kHour);
  REQUIRE(!r.events.empty());
  CHECK(r.events.front().start == kT0 + kHour);
}

TEST_CASE("dialer: the same seed gives the same run; another seed another") {
  api::DialingPlan p = plan(7);
  p.retry_strategy.type = "fixed_delay";
  p.retry_strategy.delay_ms = 10 * kMinute;
  p.retry_strategy.max_retries = 3;
  auto trace = [&](uint64_t seed) {
    MemoryDialing d(p, 300);
    auto r = run(d, mix(50, 25, 25, seed));
    std::vector<std::tuple<std::string, EpochMillis, std::string>> out;
    for (const auto& e : r.events) out.emplace_back(e.contact_id, e.start, e.outcome);
    return out;
  };
  CHECK(trace(3) == trace(3));
  CHECK(trace(3) != trace(4));
}

TEST_CASE("dialer: with the default mix, callees press the keys a menu offers (payment-reminder's shape)") {
  // A menu with branches for 1 and 2, a timeout path and no default (samples/flows/payment-reminder.json):
  // a key it has no way on for would end the call without a hangup, as failed.
  api::DialingPlan p = plan(5);
  p.flow_graph_json = R"({"startNodeId": "dial", "nodes": [
    {"id": "dial", "type": "dial", "outputs": {"onAnswer": "menu"}},
    {"id": "menu", "type": "dtmf", "config": {"variable": "r", "timeout": 10000,
     "singleDigitConfig": {"allowedDigits": ["1", "2"]}},
     "outputs": {"branches": {"1": "bye", "2": "bye"}, "onTimeout": "bye"}},
    {"id": "bye", "type": "hangup"}]})";
  OutcomeMix everyone;  // the default mix, but every call answered by a person who never hangs up
  everyone.voicemail = everyone.busy = everyone.no_answer = everyone.rejected = everyone.failed = 0;
  everyone.hang_up = 0;
  MemoryDialing d(p, 500);
  auto r = run(d, everyone);
  CHECK(r.summary.attempts == 500);
  CHECK(d.counters().completed == 500);
  CHECK(d.counters().failed == 0);
}

TEST_CASE("dialer: a plan it cannot run is refused with the reason") {
  api::DialingPlan p = plan(1);
  p.caller_numbers.clear();
  MemoryDialing no_lines(p, 1);
  VirtualClock clock(kT0);
  auto r = run_execution(no_lines, "e1", clock, mix(100));
  REQUIRE_FALSE(r);
  CHECK(r.error().message().find("DID pool") != std::string::npos);
  p = plan(1, "Mars/Olympus");
  MemoryDialing bad_zone(p, 1);
  auto z = run_execution(bad_zone, "e1", clock, mix(100));
  REQUIRE_FALSE(z);
  CHECK(z.error().message().find("Mars/Olympus") != std::string::npos);
}

}  // namespace
}  // namespace gomo::campaign

// A call request placed by gomo's dialer on the local workspace: its next attempt time is stored, so
// a dialer that stops between attempts and starts again (gomo serve restarted) does not call early.
#include "campaign/call_request.h"

#include <doctest/doctest.h>

#include <vector>

#include "tests/support/dialing_campaign.h"

namespace gomo::campaign {
namespace {

constexpr EpochMillis kMinute = 60'000;

TEST_CASE("call request: a restart between attempts waits for the stored retry time") {
  test::DialingCampaign c(1);
  auto& d = *c.dialing;
  auto flow = c.f.platform->create_flow(
      {std::string("Bye"), std::nullopt,
       std::string(R"({"startNodeId":"dial","nodes":[{"id":"dial","type":"dial","config":{"timeout":20000},)"
                   R"("outputs":{"default":"bye"}},{"id":"bye","type":"hangup","label":"Bye"}]})")});
  REQUIRE(flow);
  api::CallRequestFields fields;
  fields.did_id = "00000000-0000-4000-8000-00000000d1d0";  // the shared DID
  fields.contact_id = c.contact_ids[0];
  fields.flow_id = flow->id;
  fields.retry = api::RetryStrategy{"fixed_delay", 30 * kMinute, 2, {}};
  auto placed = c.f.platform->request_call(fields);
  REQUIRE_MESSAGE(placed, placed.error().message);

  OutcomeMix busy;  // nobody ever answers: every attempt is retried until none is left
  busy.answer = busy.no_answer = busy.voicemail = busy.rejected = busy.failed = busy.hang_up = 0;
  busy.busy = 100;
  std::vector<AttemptEvent> events;
  bool stop = false;
  DialerOptions options;
  options.record_flow_execution = false;
  options.on_attempt = [&](const AttemptEvent& e) {
    events.push_back(e);
    stop = true;  // the dialer stops after each attempt, as a restarted gomo serve would
  };
  options.should_stop = [&] { return stop; };

  auto jobs = d.open_call_requests();
  REQUIRE(jobs);
  REQUIRE(jobs->size() == 1);
  CHECK_FALSE(jobs->at(0).next_attempt_at);
  VirtualClock first_run(test::kT);
  auto r = run_call_request(d, jobs->at(0), first_run, busy, options);
  REQUIRE_MESSAGE(r, r.error().message());
  CHECK(*r == "active");
  REQUIRE(events.size() == 1);
  REQUIRE(events[0].next_attempt_at);
  const EpochMillis due = *events[0].next_attempt_at;
  CHECK(due == events[0].end + 30 * kMinute);

  // Started again a minute later, long before the retry is due: it waits for it, then goes on.
  jobs = d.open_call_requests();
  REQUIRE(jobs->size() == 1);
  CHECK(jobs->at(0).next_attempt_at == due);
  CHECK(jobs->at(0).contact.attempts_before == 1);
  stop = false;
  options.on_attempt = [&](const AttemptEvent& e) { events.push_back(e); };
  VirtualClock second_run(events[0].end + kMinute);
  r = run_call_request(d, jobs->at(0), second_run, busy, options);
  REQUIRE_MESSAGE(r, r.error().message());
  CHECK(*r == "failed");
  REQUIRE(events.size() == 3);
  CHECK(events[1].attempt == 2);
  CHECK(events[1].start == due);
  CHECK(events[2].start == *events[1].next_attempt_at);
  CHECK(d.open_call_requests()->empty());
  auto report = c.f.platform->call_report(placed->job_id);
  REQUIRE(report);
  CHECK(report->attempts.size() == 3);
}

}  // namespace
}  // namespace gomo::campaign

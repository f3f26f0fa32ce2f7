// The workspace's dialing side (api/dialing.h, dialing.cc) on a real workspace file: claims, finished
// attempts, retries and completion with counters that add up after every step; exclusive claims;
// a user's pause or cancel kept; claims released after a crash; other organisations' 404s; and
// query plans that seek an index instead of reading the execution.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <thread>

#include "api/dialing.h"
#include "api/validate_programs.h"
#include "local/attempt_writer.h"
#include "local/local_operations.h"
#include "local/workspace.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "tests/support/dialing_campaign.h"
#include "tests/support/test_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::test {
namespace {

using Campaign = DialingCampaign;

std::vector<std::string> ids_of(const std::vector<api::DueContact>& due) {
  std::vector<std::string> ids;
  for (const auto& d : due) ids.push_back(d.contact_id);
  return ids;
}

TEST_CASE("dialing: a running execution inside a pause window reports paused_window, as the dialer waits") {
  Campaign plain(1);
  CHECK(plain.f.platform->execution_report(plain.execution_id)->effective_status == "running");
  // A range around now (advanced windows are instants), and a weekly window on every day that covers
  // all but the minute before midnight: the report asks the dialer's calendar (schedule::Calendar).
  api::ProgramFields ranged;
  ranged.pause_windows = api::PauseWindows{{}, {api::PauseRange{"2001-01-01T00:00:00Z", "2099-01-01T00:00:00Z"}}};
  Campaign paused(1, ranged);
  auto report = paused.f.platform->execution_report(paused.execution_id);
  REQUIRE_MESSAGE(report, report.error().message);
  CHECK(report->effective_status == "paused_window");
  CHECK(report->status == "running");
  // Ranges that are over leave it running.
  api::ProgramFields past;
  past.pause_windows = api::PauseWindows{{}, {api::PauseRange{"2001-01-01T00:00:00Z", "2001-01-02T00:00:00Z"}}};
  Campaign over(1, past);
  CHECK(over.f.platform->execution_report(over.execution_id)->effective_status == "running");
}

TEST_CASE("dialing: claim, finish, retry and complete, with counters that add up") {
  api::ProgramFields settings;
  settings.retry_strategy = api::RetryStrategy{"fixed_delay", 60000, 1, {}};
  settings.did_pool = std::vector<std::string>{"00000000-0000-4000-8000-00000000d1d0"};
  Campaign c(3, settings);
  auto& d = *c.dialing;

  auto plan = d.dialing_plan(c.execution_id);
  REQUIRE_MESSAGE(plan, plan.error().message);
  CHECK(plan->caller_numbers == std::vector<std::string>{"+212800000000"});  // the shared DID's number
  CHECK(plan->time_zone == "Africa/Casablanca");
  CHECK(plan->retry_strategy == *settings.retry_strategy);
  CHECK(plan->program_id == c.program_id);
  CHECK(plan->start_at);
  CHECK_FALSE(plan->stop_at);
  CHECK(plan->flow_graph_json.find("hangup") != std::string::npos);
  CHECK(d.active_executions()->size() == 1);
  CHECK(*d.execution_status(c.execution_id) == "running");

  // Two lines: the first two contacts in audience order, in progress.
  auto first = d.claim_due(c.execution_id, kT, 2);
  REQUIRE(first);
  CHECK(ids_of(*first) == std::vector<std::string>{c.contact_ids[0], c.contact_ids[1]});
  CHECK((*first)[0].attempts_before == 0);
  CHECK((*first)[0].phone.rfind("+2126", 0) == 0);
  CHECK((*first)[0].fields.at("firstName") == "Contact2");  // created last, added first
  auto e = c.counters();
  CHECK(e.contacts_in_progress == 2);
  CHECK(e.contacts_pending == 1);

  REQUIRE(*d.finish_attempt(c.done(c.contact_ids[0], "completed", "completed")) == "running");
  REQUIRE(*d.finish_attempt(c.done(c.contact_ids[1], "busy", "pending", kT + 60000)) == "running");
  e = c.counters();
  CHECK(e.contacts_completed == 1);
  CHECK(e.contacts_pending == 2);
  CHECK(e.contacts_in_progress == 0);
  CHECK(c.f.platform->execution_report(c.execution_id)->contacts.pending_retry == 1);
  CHECK(*d.next_due(c.execution_id) == plan->start_at);  // the never-called third: due from the start

  // The retry is not due yet: only the third contact.
  auto second = d.claim_due(c.execution_id, kT, 5);
  REQUIRE(second);
  CHECK(ids_of(*second) == std::vector<std::string>{c.contact_ids[2]});
  CHECK(*d.next_due(c.execution_id) == kT + 60000);
  CHECK(d.set_execution_status(c.execution_id, "completed", kT).error().http_status == 409);
  REQUIRE(*d.finish_attempt(c.done(c.contact_ids[2], "no_answer", "failed")) == "running");
  CHECK(c.counters().contacts_failed == 1);

  CHECK(d.claim_due(c.execution_id, kT + 59999, 5)->empty());
  auto retry = d.claim_due(c.execution_id, kT + 60000, 5);
  REQUIRE(retry);
  REQUIRE(retry->size() == 1);
  CHECK((*retry)[0].contact_id == c.contact_ids[1]);
  CHECK((*retry)[0].attempts_before == 1);
  CHECK(c.counters().contacts_in_progress == 1);
  REQUIRE(*d.finish_attempt(c.done(c.contact_ids[1], "completed", "completed")) == "running");
  CHECK_FALSE(*d.next_due(c.execution_id));

  // Completion is the dialer's call.
  CHECK(*d.execution_status(c.execution_id) == "running");
  CHECK(*d.set_execution_status(c.execution_id, "completed", kT + 70000) == "completed");
  e = c.counters();
  CHECK(e.status == "completed");
  CHECK(e.contacts_completed == 2);
  CHECK(e.contacts_failed == 1);
  CHECK(e.actual_end_at == iso_time(kT + 70000));
  CHECK(d.active_executions()->empty());

  // The platform's reports are computed from the finished attempts.
  auto report = c.f.platform->execution_report(c.execution_id);
  REQUIRE(report);
  CHECK(report->total_calls == 4);
  CHECK(report->answered_calls == 2);
  CHECK(report->average_duration_ms == 9000);
  auto breakdown = c.f.platform->execution_breakdown(c.execution_id);
  REQUIRE(breakdown);
  CHECK(breakdown->attempts == std::map<std::string, int>{{"1", 3}, {"2", 1}});
  CHECK(breakdown->outcomes == std::map<std::string, int>{{"busy", 1}, {"completed", 2}, {"no_answer", 1}});
  auto calls = c.f.platform->execution_calls(c.execution_id, {});
  REQUIRE(calls);
  REQUIRE(calls->meta.total == 4);
  CHECK(calls->data[0].contact_id == c.contact_ids[0]);
  CHECK(calls->data[3].attempt == 2);
}

TEST_CASE("dialing: the dialer's transitions only, compare-and-set") {
  api::ProgramFields later;
  later.start_at = "2099-01-01T08:00:00Z";
  later.stop_at = "2099-01-02T08:00:00Z";
  Campaign c(4, later);
  auto& d = *c.dialing;
  CHECK(*d.execution_status(c.execution_id) == "scheduled");
  auto plan = d.dialing_plan(c.execution_id);
  REQUIRE(plan);
  // No DID pool: one line, the organisation's own first DID.
  REQUIRE(plan->caller_numbers.size() == 1);
  CHECK(plan->caller_numbers[0].rfind("+21252", 0) == 0);
  CHECK(plan->start_at == api::parse_iso_instant_ms("2099-01-01T08:00:00Z"));
  CHECK(plan->stop_at == api::parse_iso_instant_ms("2099-01-02T08:00:00Z"));
  CHECK(d.claim_due(c.execution_id, kT, 5)->empty());  // nothing is called before it runs
  CHECK(d.set_execution_status(c.execution_id, "paused", kT).error().http_status == 400);
  CHECK(*d.set_execution_status(c.execution_id, "running", kT) == "running");
  CHECK(c.counters().actual_start_at == iso_time(kT));
  CHECK(*d.set_execution_status(c.execution_id, "running", kT + 1) == "running");  // no change
  CHECK(c.counters().actual_start_at == iso_time(kT));
  REQUIRE(d.claim_due(c.execution_id, kT, 1)->size() == 1);
  // stopAt passed: everyone left, in progress or not, is skipped (counted as failed).
  CHECK(*d.set_execution_status(c.execution_id, "stopped", kT + 5) == "stopped");
  auto e = c.counters();
  CHECK(e.contacts_failed == 4);
  CHECK(c.f.platform->execution_report(c.execution_id)->contacts.skipped == 4);
  CHECK(*d.set_execution_status(c.execution_id, "running", kT + 6) == "stopped");
  CHECK(*d.set_execution_status(c.execution_id, "completed", kT + 6) == "stopped");
}

TEST_CASE("dialing: claims are exclusive, across connections") {
  Campaign c(60);
  // A second connection on the same file (a second process would have one): the exclusion is
  // SQLite's write lock, not the workspace's mutex.
  auto second_workspace = local::Workspace::open(c.f.ws->path());
  REQUIRE(second_workspace);
  auto second_platform = (*second_workspace)->platform_for(c.f.org.organization.id);
  std::vector<std::string> got[2];
  auto drain = [&](api::Dialing* d, std::vector<std::string>& into) {
    for (int round = 0; round < 100; ++round) {  // bounded: 60 contacts, at least one per round
      auto due = d->claim_due(c.execution_id, kT, 3);
      REQUIRE(due);
      if (due->empty()) return;
      for (const auto& one : *due) into.push_back(one.contact_id);
    }
  };
  std::thread other([&] { drain(second_platform->dialing(), got[1]); });
  drain(c.dialing, got[0]);
  other.join();
  std::set<std::string> all(got[0].begin(), got[0].end());
  all.insert(got[1].begin(), got[1].end());
  CHECK(got[0].size() + got[1].size() == 60);
  CHECK(all.size() == 60);
  CHECK(c.counters().contacts_in_progress == 60);
}

TEST_CASE("dialing: a stop between claim and finish keeps the contact skipped; a second finish changes nothing") {
  Campaign c(3);
  auto& d = *c.dialing;
  REQUIRE(d.claim_due(c.execution_id, kT, 1)->size() == 1);
  REQUIRE(*d.finish_attempt(c.done(c.contact_ids[0], "completed", "completed")) == "running");
  // The same attempt reported again (a retried request): the contact stays completed, no retry due.
  REQUIRE(*d.finish_attempt(c.done(c.contact_ids[0], "busy", "pending", kT + 1000)) == "running");
  auto e = c.counters();
  CHECK(e.contacts_completed == 1);
  CHECK(e.contacts_pending == 2);
  CHECK(c.f.platform->execution_report(c.execution_id)->contacts.pending_retry == 0);

  REQUIRE(d.claim_due(c.execution_id, kT, 2)->size() == 2);
  REQUIRE(*d.set_execution_status(c.execution_id, "stopped", kT + 5) == "stopped");
  e = c.counters();
  CHECK(e.contacts_completed == 1);
  CHECK(e.contacts_failed == 2);  // skipped
  // The calls in flight finish after the stop: recorded, but the contacts stay skipped.
  CHECK(*d.finish_attempt(c.done(c.contact_ids[1], "completed", "completed")) == "stopped");
  CHECK(*d.finish_attempt(c.done(c.contact_ids[2], "busy", "pending", kT + 1000)) == "stopped");
  e = c.counters();
  CHECK(e.contacts_completed == 1);
  CHECK(e.contacts_failed == 2);
  CHECK(e.contacts_pending == 0);
  auto report = c.f.platform->execution_report(c.execution_id);
  CHECK(report->contacts.skipped == 2);
  CHECK(report->total_calls == 4);  // every attempt is recorded
  CHECK_FALSE(*d.next_due(c.execution_id));
}

TEST_CASE("dialing: a finished call request stays finished; the stored status is returned") {
  Campaign c(1);
  auto& d = *c.dialing;
  auto flow = c.f.platform->create_flow(
      {std::string("Hello"), std::nullopt,
       std::string(R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})")});
  REQUIRE(flow);
  api::CallRequestFields fields;
  fields.did_id = "00000000-0000-4000-8000-00000000d1d0";  // the shared DID
  fields.contact_id = c.contact_ids[0];
  fields.flow_id = flow->id;
  fields.retry = api::RetryStrategy{"fixed_delay", 60000, 1, {}};
  auto placed = c.f.platform->request_call(fields);
  REQUIRE_MESSAGE(placed, placed.error().message);
  REQUIRE(d.open_call_requests()->size() == 1);
  api::CallAttempt a;
  a.contact_id = c.contact_ids[0];
  a.call.from = "+212800000000";
  a.call.to = "+212600000000";
  a.outcome = "busy";
  CHECK(*d.finish_call_attempt(placed->job_id, a, "active", kT + 60000) == "active");
  CHECK(d.open_call_requests()->at(0).next_attempt_at == kT + 60000);  // stored: a restart waits for it
  a.outcome = "completed";
  CHECK(*d.finish_call_attempt(placed->job_id, a, "completed", std::nullopt) == "completed");
  // A late report of an earlier attempt does not reopen it.
  a.outcome = "busy";
  CHECK(*d.finish_call_attempt(placed->job_id, a, "active", kT + 60000) == "completed");
  CHECK(d.open_call_requests()->empty());
  auto report = c.f.platform->call_report(placed->job_id);
  REQUIRE(report);
  CHECK(report->status == "completed");
  CHECK(report->final_outcome == "completed");
  CHECK(report->attempts.size() == 3);
}

TEST_CASE("dialing: a call request whose flow was deleted is failed, not read again every scan") {
  Campaign c(1);
  auto& d = *c.dialing;
  auto flow = c.f.platform->create_flow(
      {std::string("Gone"), std::nullopt,
       std::string(R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})")});
  REQUIRE(flow);
  api::CallRequestFields fields;
  fields.did_id = "00000000-0000-4000-8000-00000000d1d0";
  fields.contact_id = c.contact_ids[0];
  fields.flow_id = flow->id;
  fields.retry = api::RetryStrategy{"fixed_delay", 60000, 1, {}};
  auto gone = c.f.platform->request_call(fields);
  REQUIRE(gone);
  fields.flow_id = c.f.platform->get_program(c.program_id)->flow_id;
  auto kept = c.f.platform->request_call(fields);
  REQUIRE(kept);
  REQUIRE(c.f.platform->delete_flow(flow->id));
  auto open = d.open_call_requests();
  REQUIRE(open);
  REQUIRE(open->size() == 1);
  CHECK((*open)[0].job_id == kept->job_id);
  auto report = c.f.platform->call_report(gone->job_id);
  REQUIRE(report);
  CHECK(report->status == "failed");
  CHECK(report->final_outcome == "flow_deleted");
  CHECK(d.open_call_requests()->size() == 1);
}

TEST_CASE("dialing: a user's pause or cancel between claim and finish is kept") {
  api::ProgramFields rules;
  rules.auto_pause_rules = std::vector<api::AutoPauseRule>{{"bye", 2, false}};
  Campaign c(4, rules);
  auto& d = *c.dialing;
  REQUIRE(d.claim_due(c.execution_id, kT, 3)->size() == 3);
  REQUIRE(c.f.platform->pause_execution(c.execution_id));
  // Recorded, but the execution stays paused; nothing more is claimed.
  CHECK(*d.finish_attempt(c.done(c.contact_ids[0], "completed", "completed")) == "paused");
  CHECK(d.claim_due(c.execution_id, kT, 3)->empty());
  CHECK(c.counters().contacts_completed == 1);
  REQUIRE(c.f.platform->resume_execution(c.execution_id, std::nullopt));
  // The auto-pause rule's second visit of "bye" pauses it.
  CHECK(*d.finish_attempt(c.done(c.contact_ids[1], "completed", "completed")) == "paused_threshold");
  REQUIRE(c.f.platform->cancel_execution(c.execution_id));
  CHECK(*d.finish_attempt(c.done(c.contact_ids[2], "busy", "failed")) == "cancelled");
  auto e = c.counters();
  CHECK(e.status == "cancelled");
  CHECK(e.contacts_completed == 2);
  CHECK(e.contacts_failed == 1);
  CHECK(e.contacts_pending == 1);
  CHECK(c.f.platform->execution_report(c.execution_id)->total_calls == 3);
  CHECK(*d.set_execution_status(c.execution_id, "completed", kT) == "cancelled");
}

TEST_CASE("dialing: claims left by a crash are released; nothing counts twice") {
  std::string path, org, execution;
  std::vector<std::string> contacts;
  {
    Campaign c(5);
    path = c.f.ws->path();
    org = c.f.org.organization.id;
    execution = c.execution_id;
    contacts = c.contact_ids;
    auto& d = *c.dialing;
    // A retry that was due when claimed, and three first calls; one of them finished.
    REQUIRE(d.claim_due(execution, kT, 1)->size() == 1);
    REQUIRE(d.finish_attempt(c.done(contacts[0], "busy", "pending", kT + 1000)));
    REQUIRE(ids_of(*d.claim_due(execution, kT + 1000, 3)) ==
            std::vector<std::string>{contacts[0], contacts[1], contacts[2]});  // the due retry, then first calls
    REQUIRE(d.finish_attempt(c.done(contacts[1], "completed", "completed")));
    REQUIRE(ids_of(*d.claim_due(execution, kT + 1000, 5)) == std::vector<std::string>{contacts[3], contacts[4]});
    // The dialer dies here: contacts 0, 2, 3 and 4 are left calling.
  }
  auto reopened = local::Workspace::open(path);
  REQUIRE(reopened);
  auto platform = (*reopened)->platform_for(org);
  auto& d = *platform->dialing();
  CHECK(platform->get_execution(execution)->contacts_in_progress == 4);
  CHECK(*d.release_claims(execution) == 4);
  CHECK(*d.release_claims(execution) == 0);
  auto e = platform->get_execution(execution);
  CHECK(e->contacts_in_progress == 0);
  CHECK(e->contacts_pending == 4);
  CHECK(platform->execution_report(execution)->contacts.pending_retry == 1);
  // Called again: the retry, which keeps its count, then first calls in audience order.
  auto again = d.claim_due(execution, kT + 2000, 10);
  REQUIRE(again);
  CHECK(ids_of(*again) == std::vector<std::string>{contacts[0], contacts[2], contacts[3], contacts[4]});
  CHECK(again->front().attempts_before == 1);
  for (const auto& due : *again) {
    api::FinishedAttempt f;
    f.execution_id = execution;
    f.contact_id = due.contact_id;
    f.attempt.outcome = "completed";
    f.contact_status = "completed";
    REQUIRE(d.finish_attempt(f));
  }
  auto breakdown = platform->execution_breakdown(execution);
  REQUIRE(breakdown);
  // Six finished attempts (5 contacts, one of them twice), six counted.
  CHECK(breakdown->attempts == std::map<std::string, int>{{"1", 5}, {"2", 1}});
  CHECK(platform->execution_report(execution)->total_calls == 6);
  CHECK(platform->get_execution(execution)->contacts_completed == 5);
}

TEST_CASE("dialing: another organisation's execution answers 404") {
  Campaign c(2);
  auto made = c.f.ws->create_organization("Other Org");
  REQUIRE(made);
  auto other = c.f.ws->platform_for(made->organization.id);
  auto& d = *other->dialing();
  CHECK(d.active_executions()->empty());
  CHECK(d.dialing_plan(c.execution_id).error().http_status == 404);
  CHECK(d.execution_status(c.execution_id).error().http_status == 404);
  CHECK(d.set_execution_status(c.execution_id, "stopped", kT).error().http_status == 404);
  CHECK(d.claim_due(c.execution_id, kT, 1).error().http_status == 404);
  CHECK(d.next_due(c.execution_id).error().http_status == 404);
  CHECK(d.release_claims(c.execution_id).error().http_status == 404);
  CHECK(d.finish_attempt(c.done(c.contact_ids[0], "completed", "completed")).error().http_status == 404);
  // And nothing was claimed, finished or stopped for the owner.
  auto e = c.counters();
  CHECK(e.status == "running");
  CHECK(e.contacts_pending == 2);
  // A contact not in the execution, or a status the dialer does not set, is refused too.
  CHECK(c.dialing->finish_attempt(c.done("nobody", "completed", "completed")).error().http_status == 404);
  CHECK(c.dialing->finish_attempt(c.done(c.contact_ids[0], "completed", "calling")).error().http_status == 400);
}

TEST_CASE("dialing: a batch of finished attempts is one transaction") {
  Campaign c(3);
  auto& ops = dynamic_cast<local::LocalOperations&>(*c.f.platform);
  REQUIRE(c.dialing->claim_due(c.execution_id, kT, 3)->size() == 3);
  // One bad attempt: none of the batch is recorded.
  auto bad =
      ops.finish_attempts({c.done(c.contact_ids[0], "completed", "completed"), c.done("nobody", "busy", "failed")});
  CHECK(bad.error().http_status == 404);
  CHECK(c.counters().contacts_in_progress == 3);
  auto good = ops.finish_attempts({c.done(c.contact_ids[0], "completed", "completed"),
                                   c.done(c.contact_ids[1], "busy", "failed"),
                                   c.done(c.contact_ids[2], "busy", "pending", kT + 10)});
  REQUIRE_MESSAGE(good, good.error().message);
  CHECK(*good == "running");
  auto e = c.counters();
  CHECK(e.contacts_completed == 1);
  CHECK(e.contacts_failed == 1);
  CHECK(e.contacts_pending == 1);
  CHECK(c.f.platform->execution_report(c.execution_id)->total_calls == 3);
}

TEST_CASE("dialing: claim and finish seek an index, whatever the execution's size") {
  WorkspaceFixture f;
  auto db = store::Workspace::open(f.ws->path());
  REQUIRE(db);
  for (const std::string& sql : local::dialing_hot_statements()) {
    store::sql::Stmt plan((*db)->connection(), "EXPLAIN QUERY PLAN " + sql);
    std::string details;
    while (plan.step()) details += plan.text(3) + "; ";
    INFO(sql);
    INFO(details);
    CHECK(details.find("execution_contacts") != std::string::npos);
    // A SCAN reads the whole table or index; a temp B-tree sorts the rows found.
    CHECK(details.find("SCAN") == std::string::npos);
    CHECK(details.find("TEMP B-TREE") == std::string::npos);
  }
  // The periodic scans seek by (organization_id, status); a handful of rows may be sorted.
  for (const std::string& sql : local::dialing_scan_statements()) {
    store::sql::Stmt plan((*db)->connection(), "EXPLAIN QUERY PLAN " + sql);
    std::string details;
    while (plan.step()) details += plan.text(3) + "; ";
    INFO(sql);
    INFO(details);
    CHECK(details.find("_by_org_status") != std::string::npos);
    CHECK(details.find("SCAN") == std::string::npos);
  }
}

}  // namespace
}  // namespace gomo::test

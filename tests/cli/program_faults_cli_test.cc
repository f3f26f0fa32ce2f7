// The campaign commands through the binary against a real `gomo serve --drop-connections 0.3
// --fail-rate 0.2` (a child process on 127.0.0.1): each command is run again, as a script or cron job
// would, while it exits 5 (network or outcome unknown), and must then exit 0 (a launch may instead meet
// its own lost launch: exit 3 naming it); what the workspace holds afterwards shows each change applied
// once: one execution for the launch, the wanted status after every pause, resume and cancel, one call
// request per `gomo call`; `execution status|report` and `call report` read it back through the same
// faults. (Exact request counts, with the server in this process:
// lib/remote/remote_faults_programs_test.cc.)
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "local/workspace.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

using nlohmann::json;

bool faults_has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A workspace with one organisation, two contacts in the audience "Debtors", the flow "Bye" and the
// program "Reminders" over them.
struct CampaignWorkspace {
  std::string dir = scratch_dir();
  std::string path = dir + "/ws.db";
  std::string key, program_id, contact_phone = "+212612345670";

  CampaignWorkspace() {
    auto opened = local::Workspace::open(path);
    REQUIRE(opened);
    ws = std::move(*opened);
    auto org = ws->create_organization("Flaky Org");
    REQUIRE(org);
    key = org->api_key;
    organization_id = org->organization.id;
    auto p = platform();
    auto audience = p->create_audience({std::string("Debtors"), std::nullopt});
    REQUIRE(audience);
    std::vector<std::string> ids;
    for (const char* phone : {"+212612345670", "+212612345671"}) {
      api::ContactFields c;
      c.primary_phone = phone;
      auto created = p->create_contact(c);
      REQUIRE(created);
      ids.push_back(created->id);
    }
    REQUIRE(p->add_audience_contacts(audience->id, ids));
    auto flow =
        p->create_flow({std::string("Bye"), std::nullopt,
                        std::string(R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})")});
    REQUIRE(flow);
    api::ProgramFields f;
    f.name = "Reminders";
    f.audience_id = audience->id;
    f.flow_id = flow->id;
    auto program = p->create_program(f);
    REQUIRE(program);
    program_id = program->id;
  }

  // What the workspace itself holds, read beside the server (SQLite, WAL) and without its faults.
  std::unique_ptr<api::Platform> platform() { return ws->platform_for(organization_id); }

  std::unique_ptr<local::Workspace> ws;
  std::string organization_id;
};

}  // namespace

TEST_CASE("cli: program faults: launch, pause, resume, cancel and call against a dropping, failing gomo serve") {
  CampaignWorkspace w;
  // --clock none: no dialer, so the execution stays as these commands leave it.
  ServeProcess server({"--workspace", w.path, "--drop-connections", "0.3", "--fail-rate", "0.2", "--seed", "14", "-v",
                       "--clock", "none"});
  REQUIRE(server.started());
  const std::vector<std::string> env = {"XDG_CONFIG_HOME=" + w.dir + "/xdg",
                                        "HOME=" + w.dir + "/home",
                                        "GOMO_CONFIG=",
                                        "GOMO_API_KEY=" + w.key,
                                        "GOMO_PROFILE=",
                                        "GOMO_BASE_URL=" + server.base_url(),
                                        "GOMOBILE_API_KEY=",
                                        "GOMOBILE_API_URL=",
                                        "GOMOBILE_API_BASE_URL=",
                                        "GOMO_TIMEOUT="};
  int reruns = 0;  // runs that exited 5 and were run again
  // Runs `args` until it exits anything but 5, at most 8 times; `accept(result)` may end the loop early.
  auto until_done = [&](const std::vector<std::string>& args) {
    RunResult r;
    for (int run = 0; run < 8; ++run) {
      r = run_gomo(args, "", env, w.dir, 120);
      if (r.exit_code != 5) break;
      INFO("exit 5, run again: " << r.err);
      CHECK_MESSAGE(faults_has(r.err, "gomo: "), r.err);
      ++reruns;
    }
    return r;
  };
  auto p = w.platform();
  auto status_of = [&](const std::string& id) {
    auto e = p->get_execution(id);
    REQUIRE(e);
    return e->status;
  };

  // A launch whose outcome stayed unknown (exit 5) and was applied is refused when run again, naming the
  // execution: no second launch, and a script sees why.
  auto launched = until_done({"program", "launch", "Reminders", "-q"});
  if (launched.exit_code == 3) CHECK(faults_has(launched.err, "EXECUTION_ALREADY_RUNNING"));
  else REQUIRE_MESSAGE(launched.exit_code == 0, launched.err);
  auto executions = p->list_executions(w.program_id, {});
  REQUIRE(executions);
  REQUIRE(executions->meta.total == 1);  // launched once
  const std::string id = executions->data.at(0).id;
  if (launched.exit_code == 0) CHECK(launched.out == id + "\n");
  CHECK(status_of(id) == "running");

  // Cron's commands: pausing a paused execution and resuming a running one succeed with a note, so a
  // re-run after a lost answer ends in exit 0 too.
  for (int round = 0; round < 3; ++round) {
    auto paused = until_done({"program", "pause", "Reminders"});
    CHECK_MESSAGE(paused.exit_code == 0, paused.err);
    CHECK(status_of(id) == "paused");
    auto resumed = until_done({"execution", "resume", id});
    CHECK_MESSAGE(resumed.exit_code == 0, resumed.err);
    CHECK(status_of(id) == "running");
  }
  auto listed = until_done({"execution", "list", "Reminders", "-o", "json"});
  REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
  CHECK(json::parse(listed.out).size() == 1);
  auto cancelled = until_done({"program", "cancel", "Reminders", "--yes", "--if-active"});
  CHECK_MESSAGE(cancelled.exit_code == 0, cancelled.err);
  CHECK(status_of(id) == "cancelled");
  auto status = until_done({"execution", "status", id, "-o", "json"});
  REQUIRE_MESSAGE(status.exit_code == 0, status.err);
  CHECK(json::parse(status.out).at("status") == "cancelled");
  auto breakdown = until_done({"execution", "report", id, "--breakdown", "-o", "json"});
  REQUIRE_MESSAGE(breakdown.exit_code == 0, breakdown.err);
  CHECK(json::parse(breakdown.out).at("contactStatuses").at("pending") == 2);

  // Three one-off calls: three call requests, whatever was lost on the way.
  std::string job;
  for (int call = 0; call < 3; ++call) {
    auto queued = until_done({"call", w.contact_phone, "--flow", "Bye", "-q"});
    CHECK_MESSAGE(queued.exit_code == 0, queued.err);
    job = queued.out.substr(0, queued.out.find('\n'));
  }
  auto report = until_done({"call", "report", job, "-o", "json"});
  CHECK_MESSAGE(report.exit_code == 0, report.err);
  CHECK(faults_has(report.out, "\"queued\""));
  auto calls = until_done({"call", "list", "--contact", w.contact_phone, "-q"});
  REQUIRE_MESSAGE(calls.exit_code == 0, calls.err);
  size_t lines = 0;
  for (char c : calls.out) lines += c == '\n';
  CHECK(lines == 3);
  api::CallRequestQuery all;
  all.page.limit = 100;
  auto stored = p->list_call_requests(all);
  REQUIRE(stored);
  CHECK(stored->meta.total == 3);

  // The dice did hit the changes: answers of POST, PATCH or DELETE requests were lost, others got 503.
  std::string log;
  CHECK(server.stop(&log) == 0);
  size_t dropped_changes = 0, unavailable = 0;
  for (size_t at = 0, end; (end = log.find('\n', at)) != std::string::npos; at = end + 1) {
    const std::string line = log.substr(at, end - at);
    const bool change = line.rfind("POST ", 0) == 0 || line.rfind("PATCH ", 0) == 0 || line.rfind("DELETE ", 0) == 0;
    dropped_changes += change && faults_has(line, " (dropped) ");
    unavailable += faults_has(line, " 503 ");
  }
  CHECK_MESSAGE(dropped_changes >= 3, log);
  CHECK(unavailable >= 3);
  MESSAGE("lost answers of changes: " << dropped_changes << ", 503s: " << unavailable
                                      << ", runs repeated after exit 5: " << reruns);
}

}  // namespace gomo::test

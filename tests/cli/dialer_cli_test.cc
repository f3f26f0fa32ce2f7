// gomo's dialer through the binary: `gomo serve --clock x100` runs a launched execution, is killed
// with SIGKILL mid-run, and a new `gomo serve` on the same workspace finishes it without losing or
// double-counting a call (the claims the dead one left are released and placed again).
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "local/workspace.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "tests/support/child_process.h"
#include "tests/support/test_support.h"

namespace gomo::test {

using nlohmann::json;

namespace {

// `gomo serve ARGS` in the background, stdin and stdout on /dev/null, its stderr appended to
// `err_path` (a second server on the same workspace adds to the first one's log).
pid_t dialer_spawn_serve(const std::vector<std::string>& args, const std::string& err_path) {
  std::vector<std::string> all = {"serve", "--listen", "127.0.0.1:0"};
  all.insert(all.end(), args.begin(), args.end());
  ChildFiles files;
  files.err = ChildStream::append(err_path);
  return spawn_gomo(all, {}, files);
}

// A scratch local workspace for `gomo call` tests, without the user's config, and a flow "Bye" (a
// dial that rings, then hang up) in bye.yaml beside it.
struct CallWorkspace {
  std::string dir = scratch_dir(), path = dir + "/ws.db";
  std::vector<std::string> env = {"XDG_CONFIG_HOME=" + dir + "/xdg",
                                  "HOME=" + dir + "/home",
                                  "GOMO_CONFIG=",
                                  "GOMO_API_KEY=",
                                  "GOMO_PROFILE=",
                                  "GOMO_BASE_URL="};
  CallWorkspace() {
    write_file(dir, "bye.yaml",
               "name: Bye\ngraph:\n  startNodeId: dial\n  nodes:\n"
               "    - {id: dial, type: dial, label: Dial, config: {timeout: 30000}, outputs: {default: bye}}\n"
               "    - {id: bye, type: hangup, label: Bye}\n");
  }
  test::RunResult gomo(std::vector<std::string> args) const {
    args.insert(args.end(), {"--workspace", path});
    return run_gomo(args, "", env, dir);
  }
};

}  // namespace

TEST_CASE("cli: serve killed with SIGKILL mid-run resumes the execution on restart; no call lost or counted twice") {
  const std::string dir = scratch_dir(), path = dir + "/ws.db";
  // Each call rings (1-14 s of the clock) and a third of the callees are busy, so retries wait on the
  // clock too: about 200 attempts on one line, ~1,300 s of the clock, ~13 s real at x100. The run's
  // length then comes from the clock, not from SQLite's speed, so the kill lands mid-run even in the
  // sanitizer build, whose status polls are slow.
  constexpr int kContacts = 150;
  {
    auto ws = local::Workspace::open(path);
    REQUIRE(ws);
    auto org = (*ws)->create_organization("Acme");
    REQUIRE(org);
    auto p = (*ws)->platform_for(org->organization.id);
    auto audience = p->create_audience({std::string("Debtors"), std::nullopt});
    REQUIRE(audience);
    std::vector<std::string> ids;
    for (int i = 0; i < kContacts; ++i) {
      api::ContactFields c;
      c.primary_phone = "+2126120" + std::to_string(10000 + i);
      auto created = p->create_contact(c);
      REQUIRE(created);
      ids.push_back(created->id);
    }
    REQUIRE(p->add_audience_contacts(audience->id, ids));
    // A flow that starts with a dial node rings (as samples/flows/payment-reminder.json does).
    auto flow = p->create_flow(
        {std::string("Bye"), std::nullopt,
         std::string(
             R"({"startNodeId":"dial","nodes":[)"
             R"({"id":"dial","type":"dial","config":{"timeout":20000},"outputs":{"onAnswer":"bye","default":"bye"}},)"
             R"({"id":"bye","type":"hangup","label":"Bye"}]})")});
    REQUIRE(flow);
    api::ProgramFields f;
    f.name = "March";
    f.audience_id = audience->id;
    f.flow_id = flow->id;
    f.did_pool = std::vector<std::string>{"+212800000000"};
    api::RetryStrategy retry;
    retry.type = "fixed_delay";
    retry.delay_ms = 60000;
    retry.max_retries = 2;
    f.retry_strategy = retry;
    REQUIRE(p->create_program(f));
  }
  const std::vector<std::string> env = {"XDG_CONFIG_HOME=" + dir + "/xdg",
                                        "HOME=" + dir + "/home",
                                        "GOMO_CONFIG=",
                                        "GOMO_API_KEY=",
                                        "GOMO_PROFILE=",
                                        "GOMO_BASE_URL="};
  auto gomo = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"--workspace", path});
    return run_gomo(args, "", env, dir);
  };
  auto launched = gomo({"program", "launch", "March", "-q"});
  REQUIRE_MESSAGE(launched.exit_code == 0, launched.err);
  const std::string id = launched.out.substr(0, 36);
  auto status = [&]() {
    auto r = gomo({"execution", "status", id, "-o", "json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return json::parse(r.out);
  };

  // Callees who answer or are busy: the busy ones are retried (fixed delay, a minute of the clock).
  const std::string mix = write_file(dir, "callees.mix.yaml",
                                     "answer: 70\nbusy: 30\nvoicemail: 0\nnoAnswer: 0\nrejected: 0\nfailed: 0\n"
                                     "hangUp: 0\nseed: 3\n");
  const std::vector<std::string> serve_args = {"--workspace", path, "--clock", "x100", "--mix", mix};

  // The first server: killed once some calls are recorded, before the end.
  const std::string log = dir + "/serve.err";
  pid_t first = dialer_spawn_serve(serve_args, log);
  json seen;
  for (int i = 0; i < 400; ++i) {  // at most 20 s
    seen = status();
    if (seen.at("report").at("totalCalls").get<int>() >= 20) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  REQUIRE_MESSAGE(seen.at("report").at("totalCalls").get<int>() >= 20, read_file(log));
  kill(first, SIGKILL);
  wait_exit(first, 10);
  auto killed = status();
  CHECK_MESSAGE(killed.at("status") == "running", "the run ended before the kill; make it longer");

  // The second: finishes it (bounded), then stops cleanly on SIGTERM.
  pid_t second = dialer_spawn_serve(serve_args, log);
  json end;
  for (int i = 0; i < 1200; ++i) {  // at most 60 s
    end = status();
    if (end.at("status") != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(stop_child(second, 10) == 0);
  REQUIRE_MESSAGE(end.at("status") == "completed", read_file(log));

  // The counters add up, and nobody is left in progress.
  const int completed = end.at("contactsCompleted"), failed = end.at("contactsFailed");
  CHECK(completed + failed == kContacts);
  CHECK(end.at("contactsPending") == 0);
  CHECK(end.at("contactsInProgress") == 0);

  // Each contact's call reports are attempts 1..n with distinct call ids, and n is the attempts the
  // store counted for it; the report's calls are all of them.
  auto calls = gomo({"execution", "report", id, "--calls", "-o", "csv"});
  REQUIRE(calls.exit_code == 0);
  std::map<std::string, std::set<int>> attempts_of;  // contact -> attempt numbers seen
  std::set<std::string> call_ids;
  std::istringstream lines(calls.out);
  std::string line;
  std::getline(lines, line);  // the header
  int rows = 0;
  while (std::getline(lines, line)) {
    std::istringstream cells(line);
    std::string call_id, attempt, contact;
    std::getline(cells, call_id, ',');
    std::getline(cells, attempt, ',');
    std::getline(cells, contact, ',');
    ++rows;
    call_ids.insert(call_id);
    const bool first_time = attempts_of[contact].insert(std::stoi(attempt)).second;
    CHECK_MESSAGE(first_time, line);
  }
  CHECK(rows == end.at("report").at("totalCalls").get<int>());
  CHECK(static_cast<int>(call_ids.size()) == rows);
  CHECK(static_cast<int>(attempts_of.size()) == kContacts);
  auto store = store::Workspace::open_existing(path);
  REQUIRE(store);
  store::sql::Stmt stored((*store)->connection(),
                          "SELECT contact_id, attempts, status FROM execution_contacts WHERE execution_id = ?");
  stored.bind(1, id);
  int checked = 0, retried = 0;
  while (stored.step()) {
    const auto& seen_attempts = attempts_of[stored.text(0)];
    const int n = static_cast<int>(stored.integer(1));
    CHECK(n >= 1);
    CHECK(n <= 3);
    CHECK(static_cast<int>(seen_attempts.size()) == n);
    CHECK((!seen_attempts.empty() && *seen_attempts.begin() == 1 && *seen_attempts.rbegin() == n));
    CHECK((stored.text(2) == "completed" || stored.text(2) == "failed"));
    if (n > 1) ++retried;
    ++checked;
  }
  CHECK(checked == kContacts);
  CHECK(retried > 0);  // the busy callees were called again
}

TEST_CASE("cli: gomo serve's dialer places the call requests gomo call queued on the local workspace") {
  const CallWorkspace ws;
  const std::string &dir = ws.dir, &path = ws.path;
  auto gomo = [&](const std::vector<std::string>& args) { return ws.gomo(args); };
  write_file(dir, "busy.yaml", "answer: busy\n");
  write_file(dir, "mix.yaml",
             "answer: 100\nvoicemail: 0\nbusy: 0\nnoAnswer: 0\nrejected: 0\nfailed: 0\n"
             "scripts:\n  \"+212612345671\": busy.yaml\n");
  REQUIRE(gomo({"flow", "push", dir + "/bye.yaml"}).exit_code == 0);
  REQUIRE(gomo({"contacts", "create", "--phone", "+212612345670"}).exit_code == 0);
  REQUIRE(gomo({"contacts", "create", "--phone", "+212612345671"}).exit_code == 0);
  auto answered = gomo({"call", "+212612345670", "--flow", "Bye", "-q"});
  REQUIRE_MESSAGE(answered.exit_code == 0, answered.err);
  auto busy = gomo({"call", "+212612345671", "--flow", "Bye", "--retry", "fixed_delay:1m:2", "-q"});
  REQUIRE_MESSAGE(busy.exit_code == 0, busy.err);
  const std::string answered_job = answered.out.substr(0, 36), busy_job = busy.out.substr(0, 36);

  const std::string log = dir + "/serve.err";
  pid_t server = dialer_spawn_serve({"--workspace", path, "--clock", "x1000", "--mix", dir + "/mix.yaml", "-v"}, log);
  auto report = [&](const std::string& job) {
    auto r = gomo({"call", "report", job, "-o", "json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return json::parse(r.out);
  };
  json first, second;
  for (int i = 0; i < 400; ++i) {  // at most 20 s
    first = report(answered_job);
    second = report(busy_job);
    if (first.at("status") != "queued" && first.at("status") != "active" && second.at("status") != "queued" &&
        second.at("status") != "active")
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(stop_child(server, 10) == 0);  // SIGTERM: a clean stop
  CHECK_MESSAGE(first.at("status") == "completed", read_file(log));
  CHECK(first.at("attempts").size() == 1);
  CHECK_MESSAGE(second.at("status") == "failed", read_file(log));
  REQUIRE(second.at("attempts").size() == 3);  // the first call and two retries, all busy
  for (int i = 0; i < 3; ++i) {
    CHECK(second.at("attempts")[i].at("attempt") == i + 1);
    CHECK(second.at("attempts")[i].at("outcome") == "busy");
  }
  CHECK(read_file(log).find("call request " + busy_job + ": attempt 3 busy -> failed") != std::string::npos);
}

TEST_CASE("cli: call report and call list show when a call request's next attempt is due") {
  const CallWorkspace ws;
  const std::string &dir = ws.dir, &path = ws.path;
  auto gomo = [&](const std::vector<std::string>& args) { return ws.gomo(args); };
  write_file(dir, "mix.yaml", "answer: 0\nvoicemail: 0\nbusy: 100\nnoAnswer: 0\nrejected: 0\nfailed: 0\n");
  REQUIRE(gomo({"flow", "push", dir + "/bye.yaml"}).exit_code == 0);
  REQUIRE(gomo({"contacts", "create", "--phone", "+212612345671"}).exit_code == 0);
  // A day between attempts: even at x1000 the retry is 86 s away, long after the checks below.
  auto busy = gomo({"call", "+212612345671", "--flow", "Bye", "--retry", "fixed_delay:24h:1", "-q"});
  REQUIRE_MESSAGE(busy.exit_code == 0, busy.err);
  const std::string job = busy.out.substr(0, 36);
  auto before = gomo({"call", "report", job, "-o", "json"});
  REQUIRE(before.exit_code == 0);
  CHECK(json::parse(before.out).at("nextAttemptAt").is_null());  // nothing is due before the first attempt

  const std::string log = dir + "/serve.err";
  pid_t server = dialer_spawn_serve({"--workspace", path, "--clock", "x1000", "--mix", dir + "/mix.yaml"}, log);
  json report;
  for (int i = 0; i < 400; ++i) {  // at most 20 s
    auto r = gomo({"call", "report", job, "-o", "json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    report = json::parse(r.out);
    if (!report.at("attempts").empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  auto text = gomo({"call", "report", job});
  auto listed = gomo({"call", "list", "-o", "json"});
  auto table = gomo({"call", "list"});
  CHECK(stop_child(server, 10) == 0);  // SIGTERM: a clean stop
  INFO(read_file(log));
  REQUIRE(report.at("attempts").size() == 1);
  CHECK(report.at("attempts")[0].at("outcome") == "busy");
  CHECK(report.at("status") == "active");
  // ISO 8601 UTC with milliseconds, a day after the busy attempt ended (on the server's clock).
  REQUIRE(report.at("nextAttemptAt").is_string());
  const std::string next = report.at("nextAttemptAt");
  CHECK(next.size() == 24);
  CHECK(next.back() == 'Z');
  const std::string ended = report.at("attempts")[0].at("call").value("terminatedAt", "");
  CHECK(next > ended);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("\nnext attempt: " + next + "\n") != std::string::npos);
  REQUIRE(listed.exit_code == 0);
  auto requests = json::parse(listed.out);
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].at("nextAttemptAt") == next);
  CHECK(table.out.rfind("ID\tSTATUS\tCONTACT\tFLOW\tDID\tSTART\tCREATED\tNEXT ATTEMPT\n", 0) == 0);
  CHECK(table.out.find("\t" + next + "\n") != std::string::npos);
}

}  // namespace gomo::test

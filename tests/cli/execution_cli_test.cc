// `gomo program launch|pause|resume|cancel` and `gomo execution ...` through the binary, against the
// local workspace and against `gomo serve` on 127.0.0.1: launch preconditions with their codes,
// idempotent transitions for cron, exit codes, report formats, and a piped `status --watch` that
// prints one line per change made by other processes.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "local/workspace.h"
#include "serve/router.h"
#include "tests/support/child_process.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {

using nlohmann::json;

namespace {

const char* const kGoodGraph = R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})";
const char* const kBadGraph =
    R"({"startNodeId":"hello","nodes":[{"id":"hello","type":"play","label":"Hello","config":{"audioItems":[{"type":"tts","text":"hi"}]},"outputs":{"onEnd":"bye"}},{"id":"bye","type":"hangup","label":"Bye"}]})";

// A workspace with one organisation and three programs: "March" (two contacts, a valid flow),
// "Broken" (an invalid flow) and "Nobody" (an empty audience).
struct ProgramsWorkspace {
  std::string dir = scratch_dir();
  std::string path = dir + "/ws.db";
  std::string key;

  ProgramsWorkspace() {
    auto ws = local::Workspace::open(path);
    REQUIRE(ws);
    auto org = (*ws)->create_organization("Acme");
    REQUIRE(org);
    key = org->api_key;
    auto p = (*ws)->platform_for(org->organization.id);
    auto reminders = p->create_audience({std::string("Reminders"), std::nullopt});
    auto empty = p->create_audience({std::string("Empty"), std::nullopt});
    REQUIRE(reminders);
    REQUIRE(empty);
    std::vector<std::string> ids;
    for (const char* phone : {"+212612345670", "+212612345671"}) {
      api::ContactFields c;
      c.primary_phone = phone;
      auto created = p->create_contact(c);
      REQUIRE(created);
      ids.push_back(created->id);
    }
    REQUIRE(p->add_audience_contacts(reminders->id, ids));
    auto good = p->create_flow({std::string("Bye"), std::nullopt, std::string(kGoodGraph)});
    auto bad = p->create_flow({std::string("Bad"), std::nullopt, std::string(kBadGraph)});
    REQUIRE(good);
    REQUIRE(bad);
    for (auto [name, audience, flow] :
         {std::tuple{"March", reminders->id, good->id}, std::tuple{"Broken", reminders->id, bad->id},
          std::tuple{"Nobody", empty->id, good->id}}) {
      api::ProgramFields f;
      f.name = name;
      f.audience_id = audience;
      f.flow_id = flow;
      REQUIRE(p->create_program(f));
    }
  }

  // No config file or key of the user's; keyless commands see the one organisation.
  std::vector<std::string> env(const std::string& api_key = "") const {
    return {"XDG_CONFIG_HOME=" + dir + "/xdg",
            "HOME=" + dir + "/home",
            "GOMO_CONFIG=",
            "GOMO_API_KEY=" + api_key,
            "GOMO_PROFILE=",
            "GOMO_BASE_URL=",
            "GOMOBILE_API_KEY=",
            "GOMOBILE_API_URL=",
            "GOMOBILE_API_BASE_URL="};
  }
  RunResult run(std::vector<std::string> args, const std::string& input = "") const {
    args.push_back("--workspace");
    args.push_back(path);
    return run_gomo(args, input, env(), dir);
  }
};

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Waits (up to 10 s) until `path` holds `what` at least `n` times.
bool wait_for(const std::string& path, const std::string& what, size_t n = 1) {
  for (int i = 0; i < 500; ++i) {
    if (count_of(read_file(path), what) >= n) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

}  // namespace

TEST_CASE("cli: program launch checks each precondition first, with its own code; -q prints the id alone") {
  ProgramsWorkspace w;
  auto launched = w.run({"program", "launch", "March", "-q"});
  REQUIRE_MESSAGE(launched.exit_code == 0, launched.err);
  const std::string id = launched.out.substr(0, launched.out.size() - 1);
  CHECK(launched.out == id + "\n");
  CHECK(id.size() == 36);
  CHECK(launched.err.empty());

  auto again = w.run({"program", "launch", "March"});
  CHECK(again.exit_code == 3);
  CHECK(again.out.empty());
  CHECK(again.err.find("EXECUTION_ALREADY_RUNNING: program \"March\" already has execution " + id + " (running)") !=
        std::string::npos);

  auto broken = w.run({"program", "launch", "Broken"});
  CHECK(broken.exit_code == 3);
  CHECK(broken.err.find("flow/Bad:") == 0);  // gomo's validator's findings, positioned in the graph
  CHECK(broken.err.find("[unknown-output]") != std::string::npos);
  CHECK(broken.err.find("FLOW_INVALID: flow \"Bad\" of program \"Broken\" has 1 error") != std::string::npos);

  auto nobody = w.run({"program", "launch", "Nobody"});
  CHECK(nobody.exit_code == 3);
  CHECK(nobody.err.find("AUDIENCE_EMPTY") != std::string::npos);

  auto unknown = w.run({"program", "launch", "April"});
  CHECK(unknown.exit_code == 3);
  CHECK(unknown.err.find("program \"April\" not found") != std::string::npos);

  auto list = w.run({"execution", "list", "March", "-o", "json"});
  REQUIRE(list.exit_code == 0);
  auto executions = json::parse(list.out);
  REQUIRE(executions.size() == 1);
  CHECK(executions[0].at("id") == id);
  CHECK(executions[0].at("status") == "running");
}

TEST_CASE(
    "cli: pause, resume and cancel are idempotent for cron; impossible transitions say which statuses allow them") {
  ProgramsWorkspace w;
  auto launched = w.run({"program", "launch", "March", "-q"});
  REQUIRE(launched.exit_code == 0);
  const std::string id = launched.out.substr(0, 36);

  auto paused = w.run({"program", "pause", "March"});
  CHECK(paused.exit_code == 0);
  CHECK(paused.err.find("paused execution " + id + " of program \"March\", now paused \xE2\x86\x92 local workspace") !=
        std::string::npos);
  auto paused_again = w.run({"execution", "pause", id});
  CHECK(paused_again.exit_code == 0);
  CHECK(paused_again.err.find("is already paused (paused); nothing to do") != std::string::npos);

  // Rules are checked before anything is sent, with their position.
  std::string bad_rules = write_file(w.dir, "bad.yaml", "- nodeId: bye\n  threshold: 0\n");
  auto refused = w.run({"execution", "resume", id, "--auto-pause-rules", bad_rules});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("bad.yaml:2:14: threshold must be an integer >= 1, got 0") != std::string::npos);
  std::string typo = write_file(w.dir, "typo.yaml", "- nodeId: by\n  threshold: 5\n");
  auto unknown_node = w.run({"execution", "resume", id, "--auto-pause-rules", typo});
  CHECK(unknown_node.exit_code == 2);
  CHECK(unknown_node.err.find("rule 1: node by is not in flow \"Bye\"") != std::string::npos);
  CHECK(unknown_node.err.find("did you mean bye?") != std::string::npos);
  std::string rules = write_file(w.dir, "rules.yaml", "- nodeId: bye\n  threshold: 5\n  resetOnResume: true\n");
  auto resumed = w.run({"execution", "resume", id, "--auto-pause-rules", rules, "-o", "json"});
  REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.err);
  CHECK(json::parse(resumed.out).at("autoPauseRules") ==
        json::parse(R"([{"nodeId":"bye","threshold":5,"resetOnResume":true}])"));
  CHECK(w.run({"program", "resume", "March"}).exit_code == 0);  // already running: a note

  // cancel asks; without a terminal it refuses rather than wait for an answer.
  auto unconfirmed = w.run({"execution", "cancel", id}, "y\n");
  CHECK(unconfirmed.exit_code == 2);
  CHECK(unconfirmed.err.find("add --yes") != std::string::npos);
  CHECK(w.run({"program", "cancel", "March", "--yes"}).exit_code == 0);

  auto twice = w.run({"execution", "cancel", id, "--yes"});
  CHECK(twice.exit_code == 3);
  CHECK(twice.err.find("INVALID_STATUS_TRANSITION: execution " + id +
                       " is cancelled (it has ended); cancel needs an execution that is scheduled, running, paused") !=
        std::string::npos);
  CHECK(w.run({"execution", "cancel", id, "--yes", "--if-active"}).exit_code == 0);
  auto none = w.run({"program", "pause", "March"});
  CHECK(none.exit_code == 3);
  CHECK(none.err.find("program \"March\" has no scheduled, running or paused execution; --if-active") !=
        std::string::npos);
  auto cron = w.run({"program", "pause", "March", "--if-active"});
  CHECK(cron.exit_code == 0);
  CHECK(cron.err.find("nothing to pause") != std::string::npos);

  // Launched again (the last one ended): on the local workspace --wait runs gomo's dialer on a virtual
  // clock until the execution ends (exit 0: completed); elsewhere --mix and --seed are usage errors.
  auto wait = w.run({"program", "launch", "March", "--wait", "--seed", "3", "--interval", "50ms", "-q"});
  CHECK_MESSAGE(wait.exit_code == 0, wait.err);
  CHECK(wait.out.size() == 37);  // the id alone
  auto done = w.run({"execution", "status", wait.out.substr(0, 36), "-o", "json"});
  REQUIRE(done.exit_code == 0);
  auto finished = json::parse(done.out);
  CHECK(finished.at("status") == "completed");
  CHECK(finished.at("contactsCompleted").get<int>() + finished.at("contactsFailed").get<int>() == 2);
  auto mix = run_gomo({"program", "launch", "March", "--seed", "3", "--base-url", "http://127.0.0.1:9/api"}, "",
                      w.env(w.key), w.dir);
  CHECK(mix.exit_code == 2);
  CHECK(mix.err.find("places its calls itself") != std::string::npos);

  auto unknown = w.run({"execution", "status", "00000000-0000-4000-8000-000000000000"});
  CHECK(unknown.exit_code == 3);
  CHECK(unknown.err.find("execution 00000000-0000-4000-8000-000000000000 not found") != std::string::npos);
  CHECK(w.run({"execution", "pause", "nope"}).exit_code == 3);
}

TEST_CASE("cli: execution status and report: counters, formats, csv") {
  ProgramsWorkspace w;
  auto launched = w.run({"program", "launch", "March", "-q"});
  REQUIRE(launched.exit_code == 0);
  const std::string id = launched.out.substr(0, 36);
  auto status = w.run({"execution", "status", id});
  REQUIRE(status.exit_code == 0);
  CHECK(status.out.find("contacts     2 = 0 completed + 0 failed + 2 pending + 0 in progress\n") != std::string::npos);
  CHECK(status.out.find("reach rate   0.0%\n") != std::string::npos);
  auto data = w.run({"execution", "status", id, "-o", "json"});
  REQUIRE(data.exit_code == 0);
  auto j = json::parse(data.out);
  CHECK(j.at("effectiveStatus") == "running");
  CHECK(j.at("totalContacts") == 2);

  auto csv = w.run({"execution", "report", id, "-o", "csv"});
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.find("executionId,programId,status,effectiveStatus,totalContacts,pending,") == 0);
  CHECK(count_of(csv.out, "\n") == 2);
  auto breakdown = w.run({"execution", "report", id, "--breakdown", "-o", "json"});
  REQUIRE(breakdown.exit_code == 0);
  CHECK(json::parse(breakdown.out).at("contactStatuses").at("pending") == 2);
  auto calls = w.run({"execution", "report", id, "--calls", "-o", "csv"});
  REQUIRE(calls.exit_code == 0);
  CHECK(calls.out ==
        "callId,attempt,contactId,to,from,outcome,outcomeReason,createdAt,answeredAt,terminatedAt,durationMs\n");
  CHECK(w.run({"execution", "report", id, "--calls", "--breakdown"}).exit_code == 2);
  CHECK(w.run({"execution", "report", id, "-o", "xml"}).exit_code == 2);
  CHECK(w.run({"execution", "report", "00000000-0000-4000-8000-000000000000"}).exit_code == 3);

  // Nothing moves on the local workspace yet: --timeout ends the watch, exit 1.
  auto watch = w.run({"execution", "status", id, "--watch", "--interval", "50ms", "--timeout", "300ms"});
  CHECK(watch.exit_code == 1);
  CHECK(count_of(watch.out, "\n") == 1);
  CHECK(watch.err.find("still running") != std::string::npos);
}

TEST_CASE("cli: execution status --watch over gomo serve prints a line per change made by other processes") {
  ProgramsWorkspace w;
  ServeProcess server({"--workspace", w.path, "--clock", "none"});  // only the changes made here
  REQUIRE(server.started());
  auto env = w.env(w.key);
  auto remote = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"--base-url", server.base_url()});
    return run_gomo(args, "", env, w.dir);
  };
  auto launched = remote({"program", "launch", "March", "-q"});
  REQUIRE_MESSAGE(launched.exit_code == 0, launched.err);
  const std::string id = launched.out.substr(0, 36);
  CHECK(remote({"program", "launch", "March"}).exit_code == 3);  // the same preconditions over HTTP

  const std::string out = w.dir + "/watch.out";
  ChildFiles files;  // stdout to a file: a pipe would hide what the watch printed so far
  files.out = ChildStream::truncate(out);
  pid_t watch = spawn_gomo(
      {"execution", "status", id, "--watch", "--interval", "50ms", "--timeout", "60s", "--base-url", server.base_url()},
      env, files);
  REQUIRE(wait_for(out, " running "));
  CHECK(remote({"execution", "pause", id}).exit_code == 0);
  REQUIRE(wait_for(out, " paused"));
  CHECK(remote({"program", "resume", "March"}).exit_code == 0);
  REQUIRE(wait_for(out, " running ", 2));
  CHECK(remote({"program", "cancel", "March", "--yes"}).exit_code == 0);
  CHECK(wait_exit(watch, 20) == 0);  // the watch ends with the execution

  std::string lines = read_file(out);
  CHECK_MESSAGE(count_of(lines, "\n") == 4, lines);
  CHECK(count_of(lines, " running completed=0 failed=0 pending=2 in_progress=0 total=2 reach=0.0% calls=0\n") == 2);
  CHECK(count_of(lines, " paused/paused_manual ") == 1);
  CHECK(count_of(lines, " cancelled ") == 1);
  CHECK(lines.rfind(" cancelled ") > lines.rfind(" running "));
}

TEST_CASE("cli: launch, pause, resume and cancel whose answers are lost: applied once, and success") {
  ProgramsWorkspace w;
  auto ws = local::Workspace::open(w.path);
  REQUIRE(ws);
  serve::Router router(**ws);
  std::mutex mutex;
  std::map<std::string, int> seen;  // "launch", "pause", "resume", "cancel" -> requests
  // The first of each changing request is applied and its answer lost (the connection drops).
  ScriptedServer server([&](const ext::ServerRequest& req, int) {
    std::string kind;
    if (req.method == "POST" && req.path.find("/launch") != std::string::npos) kind = "launch";
    if (req.method == "PATCH") kind = req.path.substr(req.path.rfind('/') + 1);
    if (req.method == "DELETE") kind = "cancel";
    auto reply = ScriptedServer::route(router, req);
    if (!kind.empty()) {
      std::lock_guard<std::mutex> lock(mutex);
      reply.drop = ++seen[kind] == 1;
    }
    return reply;
  });
  auto env = w.env(w.key);
  auto remote = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"--base-url", server.base_url()});
    return run_gomo(args, "", env, w.dir);
  };
  auto launched = remote({"program", "launch", "March", "-q"});
  REQUIRE_MESSAGE(launched.exit_code == 0, launched.err);
  const std::string id = launched.out.substr(0, 36);
  auto paused = remote({"execution", "pause", id});
  CHECK_MESSAGE(paused.exit_code == 0, paused.err);
  auto resumed = remote({"program", "resume", "March"});
  CHECK_MESSAGE(resumed.exit_code == 0, resumed.err);
  auto cancelled = remote({"execution", "cancel", id, "--yes"});
  CHECK_MESSAGE(cancelled.exit_code == 0, cancelled.err);
  std::lock_guard<std::mutex> lock(mutex);
  CHECK(seen["launch"] == 1);  // never sent twice: the client found the execution instead
  CHECK(seen["pause"] == 2);   // sent again after the lost answer: the 409 that follows means done
  CHECK(seen["resume"] == 2);
  CHECK(seen["cancel"] >= 1);  // a dropped 204 may still reach the client: once or twice
  auto list = w.run({"execution", "list", "March", "-o", "json"});
  REQUIRE(list.exit_code == 0);
  auto executions = json::parse(list.out);
  REQUIRE(executions.size() == 1);  // one launch
  CHECK(executions[0].at("status") == "cancelled");
}

}  // namespace gomo::test

// `gomo call`, `gomo call report` and `gomo call list` through the binary, on the local workspace and
// through `gomo serve` over loopback: names resolved, the job id printed (-q, -o json), bad flag values
// refused before anything is sent (exit 2), unknown things exit 3. `--provider mobtexting` against a
// loopback server standing in for mobtexting, which checks the request's shape.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <mutex>
#include <nlohmann/json.hpp>

#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

using nlohmann::json;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* const kFlow =
    "name: Reminder\n"
    "graph:\n"
    "  startNodeId: bye\n"
    "  nodes:\n"
    "    - id: bye\n"
    "      type: hangup\n"
    "      label: Bye\n";

}  // namespace

TEST_CASE("cli: gomo call, call report and call list, local workspace and gomo serve alike") {
  const std::string dir = scratch_dir();
  auto init = run_gomo({"serve", "--init", "--org-name", "Call Org"}, "", {}, dir);
  REQUIRE(init.exit_code == 0);
  const std::string key = init.out.substr(0, init.out.find('\n'));
  const std::vector<std::string> local_env = {"GOMO_API_KEY="};
  auto local = [&](const std::vector<std::string>& args) { return run_gomo(args, "", local_env, dir); };

  write_file(dir, "reminder.yaml", kFlow);
  REQUIRE(local({"flow", "push", "reminder.yaml"}).exit_code == 0);
  REQUIRE(local({"contacts", "create", "--phone", "+212612345678"}).exit_code == 0);

  // Bad flag values: refused before anything is sent.
  auto bad_retry = local({"call", "0612345678", "--flow", "Reminder", "--retry", "fixed_delay:30m:20"});
  CHECK(bad_retry.exit_code == 2);
  CHECK(has(bad_retry.err, "gomo: --retry fixed_delay:30m:20: at most 10 retries, not 20"));
  auto past = local({"call", "0612345678", "--flow", "Reminder", "--at", "2020-01-01T09:00:00Z"});
  CHECK(past.exit_code == 2);
  CHECK(has(past.err, "that time is past"));
  auto garbled = local({"call", "0612345678", "--flow", "Reminder", "--at", "tomorrow"});
  CHECK(garbled.exit_code == 2);
  CHECK(has(garbled.err, "--at tomorrow: expected an ISO 8601 time with a timezone"));
  auto vars = local({"call", "0612345678", "--flow", "Reminder", "--var", "otp=1"});
  CHECK(vars.exit_code == 2);
  CHECK(has(vars.err, "--provider mobtexting"));
  CHECK(local({"call", "--flow", "Reminder"}).exit_code == 2);
  CHECK(local({"call", "0612345678"}).exit_code == 2);
  auto no_contact = local({"call", "+212600000099", "--flow", "Reminder"});
  CHECK(no_contact.exit_code == 3);
  CHECK(has(no_contact.err, "gomo contacts create --phone +212600000099"));
  auto no_flow = local({"call", "0612345678", "--flow", "Remind"});
  CHECK(no_flow.exit_code == 3);
  CHECK(has(no_flow.err, "Flow \"Remind\" not found"));
  auto no_did = local({"call", "0612345678", "--flow", "Reminder", "--did", "+1555"});
  CHECK(no_did.exit_code == 2);
  CHECK(has(no_did.err, "+212800000000"));

  // A call: the job id alone on stdout, the summary on stderr.
  auto queued = local({"call", "0612345678", "--flow", "Reminder", "--retry", "fixed_delay:15m:2", "--at", "+1h",
                       "--did", "+212800000000"});
  REQUIRE_MESSAGE(queued.exit_code == 0, queued.err);
  const std::string job = queued.out.substr(0, queued.out.find('\n'));
  CHECK(queued.out == job + "\n");
  CHECK(job.size() == 36);
  CHECK(has(queued.err, "queued call " + job + " to +212612345678, flow \"Reminder\", from +212800000000 at "));
  CHECK(has(queued.err, "→ local workspace"));
  auto quiet = local({"call", "+212612345678", "--flow", "Reminder", "-q"});
  REQUIRE(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
  CHECK(quiet.out.size() == 37);

  auto report = local({"call", "report", job});
  REQUIRE_MESSAGE(report.exit_code == 0, report.err);
  CHECK(report.out == "job " + job + "  status queued  outcome -\nno attempt yet\n");
  auto report_json = local({"call", "report", job, "-o", "json"});
  REQUIRE(report_json.exit_code == 0);
  CHECK(json::parse(report_json.out)["status"] == "queued");
  auto missing = local({"call", "report", "00000000-0000-4000-8000-000000000000"});
  CHECK(missing.exit_code == 3);
  CHECK(has(missing.err, "no call request with job id 00000000-0000-4000-8000-000000000000"));

  auto listed = local({"call", "list", "--contact", "0612345678", "-o", "json"});
  REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
  auto requests = json::parse(listed.out);
  REQUIRE(requests.size() == 2);
  CHECK(requests[1]["id"] == job);  // newest first
  CHECK(requests[1]["retry"]["type"] == "fixed-delay");
  CHECK(requests[1]["retry"]["delay"] == 15 * 60000);
  auto table = local({"call", "list"});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.rfind("ID\tSTATUS\tCONTACT\tFLOW\tDID\tSTART\tCREATED\tNEXT ATTEMPT\n", 0) == 0);

  // The same through gomo serve, with -o json (no dialer: the requests stay queued).
  ServeProcess server({"--workspace", dir + "/.gomo/workspace.db", "--clock", "none"});
  REQUIRE(server.started());
  auto remote = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"--base-url", server.base_url()});
    return run_gomo(args, "", {"GOMO_API_KEY=" + key}, dir);
  };
  auto over_http = remote({"call", "0612345678", "--flow", "Reminder", "-o", "json"});
  REQUIRE_MESSAGE(over_http.exit_code == 0, over_http.err);
  auto placed = json::parse(over_http.out);
  CHECK(placed["status"] == "queued");
  CHECK(placed["phone"] == "+212612345678");
  CHECK(placed["flowName"] == "Reminder");
  CHECK(placed["retry"] == json::parse(R"({"type":"none"})"));
  CHECK(has(over_http.err, "→ " + server.base_url()));
  auto remote_report = remote({"call", "report", placed["jobId"].get<std::string>(), "-o", "yaml"});
  REQUIRE(remote_report.exit_code == 0);
  CHECK(has(remote_report.out, "status: queued"));
  auto remote_list = remote({"call", "list", "-q"});
  REQUIRE(remote_list.exit_code == 0);
  CHECK(std::count(remote_list.out.begin(), remote_list.out.end(), '\n') == 3);
  CHECK(server.stop() == 0);
}

TEST_CASE("cli: gomo call --provider mobtexting sends mobtexting's request from a mobtexting profile") {
  std::mutex mutex;
  std::vector<ext::ServerRequest> seen;
  ScriptedServer server([&](const ext::ServerRequest& r, int) {
    std::lock_guard<std::mutex> lock(mutex);
    seen.push_back(r);
    ext::ServerReply reply;
    if (r.authorization != "Bearer mt_key_0123456789abcdef") {
      reply.status = 401;
      reply.body = R"({"status":401,"message":"Unauthenticated."})";
      return reply;
    }
    reply.body = R"({"status":200,"message":"1 numbers accepted for delivery.","data":[{"id":"70fa87e0:1",)"
                 R"("mobile":"918867135000","charges":"0.5000","submitted_at":"2019-08-16 15:09:51"}]})";
    return reply;
  });
  const std::string dir = scratch_dir();
  const std::string config = write_file(dir, "config.yaml",
                                        "profiles:\n"
                                        "  mt:\n"
                                        "    provider: mobtexting\n"
                                        "    baseUrl: " +
                                            server.base_url() +
                                            "/v2/\n"
                                            "    apiKey: mt_key_0123456789abcdef\n"
                                            "    bridge: '918068280000'\n");
  ::chmod(config.c_str(), 0600);
  const std::vector<std::string> env = {"GOMO_CONFIG=" + config, "GOMO_PROFILE=", "GOMO_MOBTEXTING_API_KEY="};
  auto mt = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"call", "+918867135000", "--provider", "mobtexting"});
    return run_gomo(args, "", env, dir);
  };

  auto sent = mt({"--flow", "24", "--var", "Name=Asha", "--var", "otp=123456", "--retry", "fixed_delay:15:3"});
  REQUIRE_MESSAGE(sent.exit_code == 0, sent.err);
  CHECK(sent.out == "70fa87e0:1\n");
  CHECK(has(sent.err, "note: mobtexting retries every 15 minutes and decides how many times itself"));
  CHECK(has(sent.err, "mobtexting accepted call 70fa87e0:1 to +918867135000 from bridge 918068280000 → mobtexting " +
                          server.base_url() + "/v2/ (profile mt)"));
  CHECK_FALSE(has(sent.err, "mt_key_0123456789abcdef"));
  {
    std::lock_guard<std::mutex> lock(mutex);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].method == "POST");
    CHECK(seen[0].path == "/api/v2/outgoing/send");
    CHECK(json::parse(seen[0].body) ==
          json::parse(R"({"bridge":"918068280000","to":"918867135000","flow_id":"24",)"
                      R"("interval":15,"variables[Name]":"Asha","variables[otp]":"123456"})"));
  }
  auto as_json = mt({"--audio", "https://example.com/a.mp3", "--did", "+918068289999", "-o", "json", "-q"});
  REQUIRE_MESSAGE(as_json.exit_code == 0, as_json.err);
  CHECK(as_json.err.empty());
  CHECK(as_json.out == "70fa87e0:1\n");  // -q: the id alone
  auto record = mt({"--flow", "24", "-o", "json"});
  REQUIRE(record.exit_code == 0);
  CHECK(json::parse(record.out)["accepted"][0]["mobile"] == "918867135000");
  {
    std::lock_guard<std::mutex> lock(mutex);
    REQUIRE(seen.size() == 3);
    auto body = json::parse(seen[1].body);
    CHECK(body["audio"] == "https://example.com/a.mp3");
    CHECK(body["bridge"] == "918068289999");
    CHECK_FALSE(body.contains("flow_id"));
  }

  // Refused before sending: what mobtexting cannot do.
  CHECK(mt({"--flow", "24", "--at", "+10m"}).exit_code == 2);
  CHECK(mt({"--flow", "24", "--retry", "fixed_delay:10:1"}).exit_code == 2);
  CHECK(mt({}).exit_code == 2);  // neither --flow nor --audio
  auto wrong_key = run_gomo({"call", "+918867135000", "--provider", "mobtexting", "--flow", "24"}, "",
                            {"GOMO_CONFIG=" + config, "GOMO_PROFILE=", "GOMO_MOBTEXTING_API_KEY=wrong"}, dir);
  CHECK(wrong_key.exit_code == 4);
  CHECK(has(wrong_key.err, "mobtexting answered 401: Unauthenticated."));
  auto gomobile_command = run_gomo({"contacts", "list", "--profile", "mt"}, "", env, dir);
  CHECK(gomobile_command.exit_code == 2);
  CHECK(has(gomobile_command.err, "profile `mt` is a mobtexting profile"));
  std::lock_guard<std::mutex> lock(mutex);
  CHECK(seen.size() == 4);  // the three refusals sent nothing; the wrong key was sent once
}

}  // namespace gomo::test

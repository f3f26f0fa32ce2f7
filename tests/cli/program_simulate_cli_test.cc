// End-to-end: gomo program simulate (the forecast) through the real binary, on small inputs.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

using gomo::test::run_gomo;
using gomo::test::source_path;
using gomo::test::write_file;

namespace {

// A two-line program over 40 contacts, retried once after 30 minutes, from Monday 2026-04-06 09:00
// (Casablanca, +01:00 after Ramadan), paused on Mondays 12:00-14:00; its flow is a file beside it.
struct SimulateFiles {
  std::string dir, program, audience;
};

SimulateFiles simulate_files(const std::string& stop_at = "") {
  SimulateFiles f;
  f.dir = gomo::test::scratch_dir();
  write_file(f.dir, "flow.json", gomo::test::read_file(source_path("samples/flows/payment-reminder.json")));
  std::string program = R"(name: Test reminders
flow: flow.json
audience: Debtors
dids: ["+212800000000", "+212800000001"]
retry: {type: fixed_delay, delayMinutes: 30, maxRetries: 1}
pauseWindows:
  monday: [{startAt: "12:00", endAt: "14:00"}]
startAt: "2026-04-06T09:00:00+01:00"
timezone: Africa/Casablanca
)";
  if (!stop_at.empty()) program += "stopAt: \"" + stop_at + "\"\n";
  f.program = write_file(f.dir, "test.program.yaml", program);
  std::string csv = "phone,firstName\n";
  for (int i = 0; i < 40; ++i) csv += "+2126" + std::to_string(10000000 + i) + ",Amina\n";
  f.audience = write_file(f.dir, "audience.csv", csv);
  return f;
}

nlohmann::json simulate_json(const SimulateFiles& f, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"program", "simulate", f.program, "--audience", f.audience, "-o", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = run_gomo(args);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("cli: program simulate -o json: the figures add up and repeat for a seed") {
  auto f = simulate_files();
  auto j = simulate_json(f, {"--seed", "3"});
  CHECK(j["program"] == "Test reminders");
  CHECK(j["timeZone"] == "Africa/Casablanca");
  CHECK(j["contacts"] == 40);
  CHECK(j["lines"] == 2);
  CHECK(j["startedAt"] == "2026-04-06T08:00:00.000Z");
  CHECK(j["stopAt"].is_null());
  CHECK(j["stoppedByStopAt"] == false);
  CHECK(j["notReached"] == 0);
  CHECK(j["completed"].get<int>() + j["failed"].get<int>() == 40);
  uint64_t by_attempts = 0, attempts = 0, outcomes = 0;
  for (const auto& [k, n] : j["contactsByAttempts"].items()) {
    by_attempts += n.get<uint64_t>();
    attempts += std::stoul(k) * n.get<uint64_t>();
  }
  for (const auto& [k, n] : j["outcomes"].items()) outcomes += n.get<uint64_t>();
  CHECK(by_attempts == 40);
  CHECK(attempts == j["attempts"].get<uint64_t>());
  CHECK(outcomes == j["attempts"].get<uint64_t>());
  CHECK(j["lineUse"].size() == j["completedByBucket"].size());
  uint64_t completed = 0;
  for (const auto& n : j["completedByBucket"]) completed += n.get<uint64_t>();
  CHECK(completed == j["completed"].get<uint64_t>());
  // Exact figures of this seed (the dialer, the engine and the mix are deterministic). The default mix's
  // callees press keys the menu offers, so `failed` calls are the mix's own (hang-ups, errors).
  CHECK(j["completed"] == 33);
  CHECK(j["failed"] == 7);
  CHECK(j["attempts"] == 50);
  CHECK(j["contactsByAttempts"] == nlohmann::json{{"1", 30}, {"2", 10}});
  CHECK(j["outcomes"] ==
        nlohmann::json{{"busy", 5}, {"completed", 33}, {"failed", 2}, {"no_answer", 5}, {"voicemail", 5}});
  CHECK(j["durationSeconds"] == 2090);
  CHECK(j["bucketSeconds"] == 60);
  CHECK(j["lineUse"][0] == 1.0);

  auto again = simulate_json(f, {"--seed", "3"});
  j.erase("wallSeconds");
  again.erase("wallSeconds");
  CHECK(j == again);
}

TEST_CASE("cli: program simulate prints a text summary; --plot writes an SVG chart") {
  auto f = simulate_files();
  const std::string svg = f.dir + "/forecast.svg";
  auto r = run_gomo({"program", "simulate", f.program, "--audience", f.audience, "--seed", "3", "--plot", svg});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("Test reminders (times in Africa/Casablanca)") != std::string::npos);
  CHECK(r.out.find("contacts     40 on 2 lines") != std::string::npos);
  CHECK(r.out.find("starts       Mon 2026-04-06 09:00") != std::string::npos);
  CHECK(r.err.find("chart written to " + svg) != std::string::npos);
  const std::string chart = gomo::test::read_file(svg);
  CHECK(chart.rfind("<?xml", 0) == 0);
  CHECK(chart.find("<svg") != std::string::npos);
  CHECK(chart.find("Test reminders") != std::string::npos);
  CHECK(chart.find("</svg>") != std::string::npos);
}

TEST_CASE("cli: program simulate: stopAt cuts the run and the rest are not reached") {
  auto f = simulate_files("2026-04-06T09:03:00+01:00");
  auto j = simulate_json(f);
  CHECK(j["stoppedByStopAt"] == true);
  CHECK(j["endedAt"] == "2026-04-06T08:03:00.000Z");
  CHECK(j["notReached"].get<int>() > 0);
  CHECK(j["completed"].get<int>() + j["failed"].get<int>() + j["notReached"].get<int>() == 40);
  CHECK(j["contactsByAttempts"]["0"].get<int>() > 0);
}

TEST_CASE("cli: program simulate: a flow named by name needs --flow; yaml output") {
  auto f = simulate_files();
  const std::string named =
      write_file(f.dir, "named.program.yaml",
                 "name: Named\nflow: Payment Reminder\naudience: Debtors\ndids: [\"+212800000000\"]\n"
                 "startAt: \"2026-04-06T09:00:00+01:00\"\n");
  auto r = run_gomo({"program", "simulate", named, "--audience", f.audience});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("named.program.yaml:2:7: the program names the flow \"Payment Reminder\"") != std::string::npos);
  CHECK(r.err.find("--flow FILE") != std::string::npos);
  CHECK(r.err.find("--remote") != std::string::npos);
  r = run_gomo({"program", "simulate", named, "--audience", f.audience, "--flow",
                source_path("samples/flows/payment-reminder.json"), "-o", "yaml", "--time-zone", "Europe/Paris"});
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("timeZone: Europe/Paris") != std::string::npos);
  CHECK(r.out.find("contacts: 40") != std::string::npos);
}

TEST_CASE("cli: program simulate errors: bad mix (file:line:col), missing or empty audience, missing program") {
  auto f = simulate_files();
  const std::string mix = write_file(f.dir, "mix.yaml", "answer: 60\nanswr: 10\n");
  auto r = run_gomo({"program", "simulate", f.program, "--audience", f.audience, "--mix", mix});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(mix + ":2:1:") != std::string::npos);
  CHECK(r.err.find("did you mean answer?") != std::string::npos);
  CHECK(r.out.empty());

  r = run_gomo({"program", "simulate", f.program, "--audience", f.dir + "/nothing.csv"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("nothing.csv: cannot read the audience file") != std::string::npos);

  const std::string empty = write_file(f.dir, "empty.csv", "phone,firstName\n");
  r = run_gomo({"program", "simulate", f.program, "--audience", empty});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("empty.csv: ") != std::string::npos);

  const std::string no_phones = write_file(f.dir, "no-phones.csv", "phone,firstName\n,Amina\n,Omar\n");
  r = run_gomo({"program", "simulate", f.program, "--audience", no_phones});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no contact to call") != std::string::npos);

  r = run_gomo({"program", "simulate", f.dir + "/none.program.yaml", "--audience", f.audience});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("none.program.yaml: cannot read the program file") != std::string::npos);

  const std::string flowless = write_file(f.dir, "flowless.program.yaml", "name: No flow\ndids: [\"+212800000000\"]\n");
  r = run_gomo({"program", "simulate", flowless, "--audience", f.audience});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("flowless.program.yaml:1:1: missing required field") != std::string::npos);  // the schema

  r = run_gomo({"program", "simulate", f.program});  // --audience is required
  CHECK(r.exit_code == 2);
}

TEST_CASE("cli: program simulate --remote reads the flow the program names from the target") {
  auto f = simulate_files();
  const std::vector<std::string> env = {"GOMO_API_KEY="};
  REQUIRE(run_gomo({"serve", "--init", "--org-name", "Forecast Org"}, "", env, f.dir).exit_code == 0);
  write_file(f.dir, "reminder.json", gomo::test::read_file(source_path("samples/flows/payment-reminder.json")));
  REQUIRE(run_gomo({"flow", "push", "reminder.json"}, "", env, f.dir).exit_code == 0);
  const std::string named = write_file(f.dir, "named.program.yaml",
                                       "name: Named\nflow: Payment Reminder\naudience: Debtors\n"
                                       "dids: [\"+212800000000\", \"+212800000001\"]\n"
                                       "retry: {type: fixed_delay, delayMinutes: 30, maxRetries: 1}\n"
                                       "pauseWindows:\n  monday: [{startAt: \"12:00\", endAt: \"14:00\"}]\n"
                                       "startAt: \"2026-04-06T09:00:00+01:00\"\n");
  auto r = run_gomo({"program", "simulate", named, "--audience", f.audience, "--remote", "-o", "json", "--seed", "3"},
                    "", env, f.dir);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  // The same flow as the file beside the other program: the same forecast.
  auto from_file = simulate_json(f, {"--seed", "3"});
  CHECK(j["attempts"] == from_file["attempts"]);
  CHECK(j["completed"] == from_file["completed"]);

  write_file(f.dir, "other.program.yaml",
             "name: Other\nflow: No Such Flow\naudience: Debtors\ndids: [\"+212800000000\"]\n");
  r = run_gomo({"program", "simulate", "other.program.yaml", "--audience", f.audience, "--remote"}, "", env, f.dir);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("no flow with the id or name \"No Such Flow\"") != std::string::npos);
}

TEST_CASE("cli: program simulate honours program validate's rule selection (.gomo.yaml, --ignore)") {
  auto f = simulate_files();
  const std::string program =
      write_file(f.dir, "odd-did.program.yaml",
                 "name: Odd DID\nflow: flow.json\naudience: Debtors\ndids: [\"+212800000000\", \"line-2\"]\n"
                 "startAt: \"2026-04-06T09:00:00+01:00\"\n");
  // No selection: the did-shape error refuses the file.
  auto r = run_gomo({"program", "simulate", program, "--audience", f.audience, "--no-config"}, "", {}, f.dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("odd-did.program.yaml:4:25: DID `line-2` is neither") != std::string::npos);
  CHECK(r.err.find("[did-shape]") != std::string::npos);
  // The config's program: section lets it through, as program validate and apply do.
  write_file(f.dir, ".gomo.yaml", "program:\n  ignore: [did-shape]\n");
  r = run_gomo({"program", "simulate", program, "--audience", f.audience, "-o", "json"}, "", {}, f.dir);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("\"lines\": 2") != std::string::npos);
  r = run_gomo({"program", "simulate", program, "--audience", f.audience, "--no-config", "--ignore", "did-shape"}, "",
               {}, f.dir);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  // strict in the config: a warning refuses it too.
  write_file(f.dir, ".gomo.yaml", "program:\n  strict: true\n  severity: {did-shape: warning}\n");
  r = run_gomo({"program", "simulate", program, "--audience", f.audience}, "", {}, f.dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("[did-shape]") != std::string::npos);
  r = run_gomo({"program", "simulate", program, "--audience", f.audience, "--ignore", "no-such-rule"}, "", {}, f.dir);
  CHECK(r.exit_code == 2);
}

TEST_CASE("cli: program simulate: a bad --plot path is told before the forecast, which is not printed") {
  auto f = simulate_files();
  auto r = run_gomo(
      {"program", "simulate", f.program, "--audience", f.audience, "--plot", f.dir + "/no-such-folder/chart.svg"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("no-such-folder/chart.svg: cannot write the chart (--plot); check the folder exists") !=
        std::string::npos);
  // A run that fails leaves no empty chart behind.
  const std::string chart = f.dir + "/chart.svg";
  r = run_gomo({"program", "simulate", f.program, "--audience", f.dir + "/nothing.csv", "--plot", chart});
  CHECK(r.exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(chart));
}

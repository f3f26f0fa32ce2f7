// `gomo program validate|apply|list|get|archive` through the binary, against the local workspace and
// against a real `gomo serve`.
#include <doctest/doctest.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

const char* const kProgramFlow =
    "name: Reminder\ngraph:\n  startNodeId: bye\n  nodes:\n"
    "    - {id: bye, type: hangup, label: Bye, config: {reason: done, hangupType: normal}}\n";

const char* const kProgram = R"(name: March
flow: Reminder
audience: Debtors
dids: ['+212800000000']
retry: {type: fixed_delay, delayMinutes: 30, maxRetries: 3}
pauseWindows:
  monday: [{startAt: '12:00', endAt: '14:00'}]
timezone: Africa/Casablanca
)";

bool program_has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct ProgramProject {
  std::string dir = scratch_dir();
  std::string key;
  std::vector<std::string> env;
  ProgramProject() {
    env = {"XDG_CONFIG_HOME=" + dir + "/config",
           "HOME=" + dir,
           "GOMO_PROFILE=",
           "GOMO_API_KEY=",
           "GOMO_BASE_URL=",
           "GOMOBILE_API_KEY=",
           "GOMOBILE_API_URL=",
           "GOMOBILE_API_BASE_URL="};
    auto init = run_gomo({"serve", "--init"}, "", env, dir);
    REQUIRE(init.exit_code == 0);
    key = init.out.substr(0, init.out.find('\n'));
  }
  RunResult gomo(std::vector<std::string> args, const std::vector<std::string>& target = {}) {
    args.insert(args.end(), target.begin(), target.end());
    return run_gomo(args, "", env, dir);
  }
};

void program_cycle(ProgramProject& p, const std::vector<std::string>& target) {
  write_file(p.dir, "reminder.yaml", kProgramFlow);
  write_file(p.dir, "march.yaml", kProgram);
  REQUIRE(p.gomo({"flow", "push", "reminder.yaml"}, target).exit_code == 0);

  // The audience is missing: an unknown-audience finding, positioned, and nothing sent.
  auto missing = p.gomo({"program", "apply", "-f", "march.yaml"}, target);
  CHECK(missing.exit_code == 1);
  CHECK(program_has(missing.err, "march.yaml:3:11: error: no audience `Debtors`"));
  CHECK(program_has(missing.err, "[unknown-audience]"));
  auto remote = p.gomo({"program", "validate", "--remote", "march.yaml"}, target);
  CHECK(remote.exit_code == 1);
  CHECK(program_has(remote.out, "[unknown-audience]"));
  REQUIRE(p.gomo({"audiences", "create", "--name", "Debtors"}, target).exit_code == 0);
  CHECK(p.gomo({"program", "validate", "--remote", "march.yaml"}, target).exit_code == 0);

  // An auto-pause rule on a node the flow does not have: found with the target's flow only.
  write_file(p.dir, "paused.yaml", std::string(kProgram) + "autoPauseRules: [{nodeId: by, threshold: 5}]\n");
  CHECK(p.gomo({"program", "validate", "paused.yaml"}, target).exit_code == 0);
  auto node = p.gomo({"program", "validate", "--remote", "paused.yaml"}, target);
  CHECK(node.exit_code == 1);
  CHECK(program_has(node.out, "paused.yaml:9:27: error: node `by` is not in flow `Reminder`"));
  CHECK(program_has(node.out, "did you mean bye? [unknown-node]"));
  CHECK(p.gomo({"program", "apply", "-f", "paused.yaml"}, target).exit_code == 1);

  // Dry run: the diff, nothing sent; then created; then unchanged.
  auto dry = p.gomo({"program", "apply", "-f", "march.yaml", "--dry-run"}, target);
  CHECK(dry.exit_code == 0);
  CHECK(program_has(dry.out, "+ program \"March\""));
  CHECK(program_has(dry.out, "retryStrategy:"));
  CHECK(program_has(dry.err, "would create program \"March\""));
  CHECK(p.gomo({"program", "get", "March"}, target).exit_code == 3);
  auto created = p.gomo({"program", "apply", "-f", "march.yaml"}, target);
  CHECK(created.exit_code == 0);
  CHECK(program_has(created.err, "created program"));
  auto again = p.gomo({"program", "apply", "-f", "march.yaml", "-o", "json"}, target);
  CHECK(again.exit_code == 0);
  CHECK(nlohmann::json::parse(again.out)["status"] == "unchanged");

  // One field changed: only it is shown and sent.
  std::string changed = kProgram;
  changed.replace(changed.find("delayMinutes: 30"), 16, "delayMinutes: 45");
  write_file(p.dir, "march.yaml", changed);
  auto plan = p.gomo({"program", "apply", "-f", "march.yaml", "--dry-run", "-o", "json"}, target);
  CHECK(plan.exit_code == 0);
  auto planned = nlohmann::json::parse(plan.out);
  CHECK(planned["status"] == "would-update");
  REQUIRE(planned["changes"].size() == 1);
  CHECK(planned["changes"][0]["field"] == "retryStrategy");
  CHECK(planned["changes"][0]["before"]["delayMinutes"] == 30);
  CHECK(planned["changes"][0]["after"]["delayMinutes"] == 45);
  CHECK(p.gomo({"program", "apply", "-f", "march.yaml"}, target).exit_code == 0);

  // list, get by name and id, archive twice.
  auto list = p.gomo({"program", "list", "-o", "json"}, target);
  REQUIRE(list.exit_code == 0);
  auto programs = nlohmann::json::parse(list.out);
  REQUIRE(programs.size() == 1);
  const std::string id = programs[0]["id"];
  auto got = p.gomo({"program", "get", id, "-o", "json"}, target);
  CHECK(got.exit_code == 0);
  CHECK(nlohmann::json::parse(got.out)["retryStrategy"]["delayMinutes"] == 45);
  CHECK(p.gomo({"program", "get", "-q", "March"}, target).out == id + "\n");
  auto archived = p.gomo({"program", "archive", "March"}, target);
  CHECK(archived.exit_code == 0);
  CHECK(program_has(archived.err, "archived program " + id));
  auto twice = p.gomo({"program", "archive", id}, target);
  CHECK(twice.exit_code == 0);
  CHECK(program_has(twice.err, "already archived"));
  auto unknown = p.gomo({"program", "archive", "April"}, target);
  CHECK(unknown.exit_code == 3);
  CHECK(program_has(unknown.err, "\"April\""));
}

}  // namespace

TEST_CASE("cli: program validate, offline: positioned findings, formats and exit codes") {
  ProgramProject p;
  write_file(p.dir, "bad.yaml",
             "name: March\nflow: Reminder\naudience: Debtors\ntimezone: Africa/Casablanka\n"
             "startAt: '2026-03-02T09:00:00Z'\nstopAt: '2026-03-01T09:00:00Z'\ndids: ['0612345678']\n");
  auto text = p.gomo({"program", "validate", "bad.yaml"});
  CHECK(text.exit_code == 1);
  CHECK(program_has(text.out, "bad.yaml:4:11: error: unknown time zone `Africa/Casablanka`"));
  CHECK(program_has(text.out, "[stop-before-start]"));
  CHECK(program_has(text.out, "[did-shape]"));
  auto json = p.gomo({"program", "validate", "--format", "json", "bad.yaml"});
  CHECK(json.exit_code == 1);
  auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["diagnostics"].size() == 3);
  auto sarif = p.gomo({"program", "validate", "--format", "sarif", "bad.yaml"});
  CHECK(program_has(sarif.out, "\"ruleId\": \"unknown-timezone\""));

  // --ignore as flow validate's: repeatable or comma-separated, ids checked with a guess.
  auto ignored = p.gomo({"program", "validate", "--ignore", "unknown-timezone,did-shape", "bad.yaml"});
  CHECK(ignored.exit_code == 1);
  CHECK_FALSE(program_has(ignored.out, "[unknown-timezone]"));
  CHECK_FALSE(program_has(ignored.out, "[did-shape]"));
  CHECK(program_has(ignored.out, "[stop-before-start]"));
  CHECK(p.gomo({"program", "validate", "--ignore", "unknown-timezone", "--ignore", "did-shape", "--ignore",
                "stop-before-start", "bad.yaml"})
            .exit_code == 0);
  auto typo = p.gomo({"program", "validate", "--ignore", "did-shap", "bad.yaml"});
  CHECK(typo.exit_code == 2);
  CHECK(program_has(typo.err, "--ignore: unknown rule `did-shap`; did you mean did-shape?"));

  // .gomo.yaml's program section: ignore and severity as flow validate's `validate:` section; --no-config.
  write_file(p.dir, ".gomo.yaml",
             "program:\n  ignore: [unknown-timezone]\n  severity: {did-shape: warning, stop-before-start: off}\n");
  auto configured = p.gomo({"program", "validate", "bad.yaml"});
  CHECK(configured.exit_code == 0);
  CHECK(program_has(configured.out, "warning:"));
  CHECK(program_has(configured.out, "[did-shape]"));
  CHECK_FALSE(program_has(configured.out, "[unknown-timezone]"));
  CHECK(p.gomo({"program", "validate", "--strict", "bad.yaml"}).exit_code == 1);
  CHECK(p.gomo({"program", "validate", "--no-config", "bad.yaml"}).exit_code == 1);
  write_file(p.dir, ".gomo.yaml", "program:\n  ignore: [unknown-nod]\n");
  auto bad_config = p.gomo({"program", "validate", "bad.yaml"});
  CHECK(bad_config.exit_code == 2);
  CHECK(program_has(bad_config.err, "unknown rule `unknown-nod`; did you mean unknown-node?"));
  std::remove((p.dir + "/.gomo.yaml").c_str());

  CHECK(p.gomo({"program", "validate", GOMO_SOURCE_DIR "/samples/programs/march-reminders.program.yaml"}).exit_code ==
        0);
  write_file(p.dir, "broken.yaml", "name: [\n");
  CHECK(p.gomo({"program", "validate", "broken.yaml"}).exit_code == 2);
  CHECK(p.gomo({"program", "validate", "missing.yaml"}).exit_code == 2);
}

TEST_CASE("cli: program apply, list, get and archive against the local workspace") {
  ProgramProject p;
  program_cycle(p, {});
}

TEST_CASE("cli: program apply, list, get and archive against gomo serve") {
  ProgramProject p;
  ServeProcess server({"--workspace", p.dir + "/.gomo/workspace.db"});
  REQUIRE(server.started());
  p.env.push_back("GOMO_API_KEY=" + p.key);
  program_cycle(p, {"--base-url", server.base_url()});
}

TEST_CASE("cli: program apply takes program validate's rule selection: --ignore, --strict, .gomo.yaml") {
  ProgramProject p;
  write_file(p.dir, "reminder.yaml", kProgramFlow);
  REQUIRE(p.gomo({"flow", "push", "reminder.yaml"}).exit_code == 0);
  REQUIRE(p.gomo({"audiences", "create", "--name", "Debtors"}).exit_code == 0);
  write_file(p.dir, "paused.yaml", std::string(kProgram) + "autoPauseRules: [{nodeId: by, threshold: 5}]\n");
  auto blocked = p.gomo({"program", "apply", "-f", "paused.yaml", "--dry-run"});
  CHECK(blocked.exit_code == 1);
  CHECK(program_has(blocked.err, "[unknown-node]"));
  auto typo = p.gomo({"program", "apply", "-f", "paused.yaml", "--ignore", "unknown-nod"});
  CHECK(typo.exit_code == 2);
  CHECK(program_has(typo.err, "did you mean unknown-node?"));

  // The config's program: section re-grades the rule: applied, unless strict; --no-config: an error again.
  write_file(p.dir, ".gomo.yaml", "program:\n  severity: {unknown-node: warning}\n");
  auto strict = p.gomo({"program", "apply", "-f", "paused.yaml", "--strict"});
  CHECK(strict.exit_code == 1);
  CHECK(program_has(strict.err, "warning: node `by` is not in flow `Reminder`"));
  CHECK(program_has(strict.err, "paused.yaml: 1 warning with strict checking"));
  CHECK(p.gomo({"program", "apply", "-f", "paused.yaml", "--dry-run", "--no-config"}).exit_code == 1);
  auto dry = p.gomo({"program", "apply", "-f", "paused.yaml", "--dry-run"});
  CHECK(dry.exit_code == 0);
  CHECK(program_has(dry.err, "would create program \"March\""));
  std::remove((p.dir + "/.gomo.yaml").c_str());

  auto ignored = p.gomo({"program", "apply", "-f", "paused.yaml", "--ignore", "unknown-node"});
  CHECK_MESSAGE(ignored.exit_code == 0, ignored.err);
  CHECK(program_has(ignored.err, "created program"));
}

}  // namespace gomo::test

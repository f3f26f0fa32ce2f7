// `gomo flow push|pull|diff` and `flow validate --remote` through the binary, against the local
// workspace and against a real `gomo serve`.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "remote/remote_platform.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

using nlohmann::json;

const char* const kFlow = R"(# Says hello, then hangs up.
name: Greeting
description: Says hello
graph:
  startNodeId: dial
  nodes:
    - id: dial
      type: dial
      label: Dial
      config: {timeout: 30000, enableAMD: false}
      outputs: {onAnswer: hello, default: bye}
    - id: hello
      type: play
      label: Hello
      config:
        audioItems: [{type: audioFile, audioId: welcome}]
      outputs: {onComplete: bye, onError: bye}
    - id: bye
      type: hangup
      label: Bye
      config: {reason: done, hangupType: normal}
)";

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A scratch project with a workspace of one organisation; commands run there, with no config file
// or key from the environment.
struct Project {
  std::string dir = scratch_dir();
  std::string key;
  std::vector<std::string> env;
  Project() {
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
  std::string write(const std::string& name, const std::string& text) { return write_file(dir, name, text); }
};

// The push/pull/diff cycle; `target` selects the platform (empty: the local workspace).
void sync_cycle(Project& p, const std::vector<std::string>& target, const std::string& summary) {
  p.write("greeting.yaml", kFlow);

  // Missing on the platform: a difference; a dry run sends nothing.
  auto missing = p.gomo({"flow", "diff", "greeting.yaml"}, target);
  CHECK(missing.exit_code == 1);
  CHECK(has(missing.out, "--- platform: no flow named \"Greeting\"\n+++ greeting.yaml\n"));
  CHECK(has(missing.out, "+name: Greeting\n"));
  CHECK(has(missing.err, "1 of 1 flows differ from " + summary));
  auto dry = p.gomo({"flow", "push", "--dry-run", "greeting.yaml"}, target);
  CHECK(dry.exit_code == 0);
  CHECK(has(dry.out, "+name: Greeting\n"));
  CHECK(has(dry.err, "would create flow \"Greeting\" \xE2\x86\x92 " + summary));
  CHECK(p.gomo({"flow", "diff", "greeting.yaml"}, target).exit_code == 1);

  // Create, then nothing to send.
  auto created = p.gomo({"flow", "push", "greeting.yaml"}, target);
  REQUIRE(created.exit_code == 0);
  CHECK(created.out.empty());
  CHECK(has(created.err, "created flow "));
  CHECK(has(created.err, " \"Greeting\" \xE2\x86\x92 " + summary + "\n"));
  std::string id = created.err.substr(created.err.find("created flow ") + 13, 36);
  auto again = p.gomo({"flow", "push", "greeting.yaml"}, target);
  CHECK(again.exit_code == 0);
  CHECK(has(again.err, "unchanged flow " + id + " \"Greeting\" (nothing sent)"));
  auto same = p.gomo({"flow", "diff", "greeting.yaml"}, target);
  CHECK(same.exit_code == 0);
  CHECK(same.out.empty());

  // Pull by name and by id: canonical YAML (the comment is not part of the flow); round trip.
  auto pulled = p.gomo({"flow", "pull", "Greeting"}, target);
  REQUIRE(pulled.exit_code == 0);
  CHECK(pulled.out.rfind(
            "name: Greeting\ndescription: Says hello\ngraph:\n  startNodeId: dial\n  nodes:\n    - id: dial\n", 0) ==
        0);
  CHECK_FALSE(has(pulled.out, "#"));
  CHECK(p.gomo({"flow", "pull", id}, target).out == pulled.out);
  CHECK(p.gomo({"flow", "pull", "-f", "pulled.yaml", "Greeting"}, target).exit_code == 0);
  CHECK(read_file(p.dir + "/pulled.yaml") == pulled.out);
  auto kept = p.gomo({"flow", "pull", "-f", "pulled.yaml", "Greeting"}, target);
  CHECK(kept.exit_code == 2);
  CHECK(has(kept.err, "pulled.yaml exists; not overwritten (--force"));
  CHECK(p.gomo({"flow", "pull", "-f", "pulled.yaml", "--force", id}, target).exit_code == 0);
  CHECK(p.gomo({"flow", "pull", "--output-dir", "flows", "Greeting"}, target).exit_code == 0);
  CHECK(read_file(p.dir + "/flows/greeting.yaml") == pulled.out);
  auto round = p.gomo({"flow", "push", "pulled.yaml"}, target);
  CHECK(round.exit_code == 0);
  CHECK(has(round.err, "unchanged flow " + id));
  CHECK(p.gomo({"flow", "fmt", "--check", "pulled.yaml"}).exit_code == 0);  // pull writes what fmt writes
  auto none = p.gomo({"flow", "pull", "No such flow"}, target);
  CHECK(none.exit_code == 3);
  CHECK(has(none.err, "no flow with the id or name \"No such flow\""));

  // A change: the diff, a dry run (-o json), the update.
  p.write("greeting.yaml", replaced(kFlow, "audioId: welcome}", "audioId: welcome-v2}"));
  auto changed = p.gomo({"flow", "diff", "greeting.yaml"}, target);
  CHECK(changed.exit_code == 1);
  CHECK(has(changed.out, "--- platform: Greeting (" + id + ")\n+++ greeting.yaml\n"));
  CHECK(has(changed.out, "-            audioId: welcome\n+            audioId: welcome-v2\n"));
  auto planned = p.gomo({"flow", "push", "--dry-run", "-o", "json", "greeting.yaml"}, target);
  CHECK(planned.exit_code == 0);
  auto plan = json::parse(planned.out);
  REQUIRE(plan.size() == 1);
  CHECK(plan[0]["status"] == "would-update");
  CHECK(plan[0]["id"] == id);
  CHECK(has(plan[0]["diff"].get<std::string>(), "+            audioId: welcome-v2"));
  auto updated = p.gomo({"flow", "push", "-o", "json", "greeting.yaml"}, target);
  CHECK(updated.exit_code == 0);
  CHECK(json::parse(updated.out)[0]["status"] == "updated");
  CHECK(has(updated.err, "updated flow " + id + " \"Greeting\""));
  CHECK(p.gomo({"flow", "diff", "greeting.yaml"}, target).exit_code == 0);

  // A flow with errors is refused (exit 1) and not sent, unless forced.
  p.write("broken.yaml", replaced(replaced(kFlow, "Greeting", "Broken"), "onComplete: bye", "onEnd: bye"));
  auto refused = p.gomo({"flow", "push", "broken.yaml"}, target);
  CHECK(refused.exit_code == 1);
  CHECK(has(refused.err, "broken.yaml:17:"));
  CHECK(has(refused.err, "[unknown-output]"));
  CHECK(has(refused.err, "not pushed (fix them, or push anyway with --force)"));
  CHECK(p.gomo({"flow", "pull", "Broken"}, target).exit_code == 3);
  CHECK(p.gomo({"flow", "push", "--force", "broken.yaml"}, target).exit_code == 0);

  // validate --remote: the platform's findings, placed in the file, count as errors. Locally
  // ignored, the unknown output is still the platform's finding.
  auto local_only = p.gomo({"flow", "validate", "broken.yaml", "--ignore", "unknown-output"});
  CHECK(local_only.exit_code == 0);
  auto remote = p.gomo({"flow", "validate", "broken.yaml", "--remote", "--ignore", "unknown-output"}, target);
  CHECK(remote.exit_code == 1);
  CHECK(has(remote.out, "broken.yaml:17:"));
  CHECK(has(remote.out, "error: platform: "));
  CHECK(has(remote.out, "(unknown-output) [remote-validation]"));
  auto clean = p.gomo({"flow", "validate", "--remote", "greeting.yaml"}, target);
  CHECK(clean.exit_code == 0);
  CHECK_FALSE(has(clean.out, "remote-validation"));
  auto ignored =
      p.gomo({"flow", "validate", "broken.yaml", "--remote", "--ignore", "unknown-output,remote-validation"}, target);
  CHECK(ignored.exit_code == 0);
}

}  // namespace

TEST_CASE("cli: flow push, pull, diff and validate --remote against the local workspace") {
  Project p;
  sync_cycle(p, {}, "local workspace .gomo/workspace.db");

  // A bare graph needs --name; --name names only a bare graph; usage errors exit 2.
  p.write("bare.yaml", "startNodeId: bye\nnodes:\n  - {id: bye, type: hangup, label: Bye}\n");
  auto unnamed = p.gomo({"flow", "push", "bare.yaml"});
  CHECK(unnamed.exit_code == 2);
  CHECK(has(unnamed.err, "--name"));
  auto named = p.gomo({"flow", "push", "--name", "Short", "bare.yaml"});
  CHECK(named.exit_code == 0);
  CHECK(has(named.err, "\"Short\""));
  CHECK(p.gomo({"flow", "push", "--name", "X", "bare.yaml", "greeting.yaml"}).exit_code == 2);
  CHECK(p.gomo({"flow", "diff", "missing.yaml"}).exit_code == 2);

  // --id names the platform flow to update; an unknown one is the platform's 404.
  auto unknown = p.gomo({"flow", "push", "--id", "00000000-0000-4000-8000-000000000000", "greeting.yaml"});
  CHECK(unknown.exit_code == 3);
  CHECK(has(unknown.err, "404"));
}

TEST_CASE("cli: flow push, pull, diff and validate --remote against gomo serve") {
  Project p;
  ServeProcess server({"--workspace", p.dir + "/.gomo/workspace.db"});
  REQUIRE(server.started());
  p.env.push_back("GOMO_API_KEY=" + p.key);
  sync_cycle(p, {"--base-url", server.base_url()}, server.base_url());

  // Ambiguous names: two flows called Greeting on the platform.
  auto remote = remote::RemotePlatform::create(test_client_options(server.base_url(), p.key));
  REQUIRE(remote);
  auto twin = (*remote)->create_flow({std::string("Greeting"), std::nullopt,
                                      std::string(R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup"}]})")});
  REQUIRE(twin);
  auto ambiguous = p.gomo({"flow", "push", "greeting.yaml", "--base-url", server.base_url()});
  CHECK(ambiguous.exit_code == 2);
  CHECK(has(ambiguous.err, "2 platform flows are named \"Greeting\""));
  CHECK(has(ambiguous.err, twin->id));
  CHECK(has(ambiguous.err, "say which with --id"));
  CHECK(p.gomo({"flow", "pull", "Greeting", "--base-url", server.base_url()}).exit_code == 2);
  auto picked = p.gomo({"flow", "push", "--id", twin->id, "greeting.yaml", "--base-url", server.base_url()});
  CHECK(picked.exit_code == 0);
  CHECK(has(picked.err, "updated flow " + twin->id));

  // --catalog-from PROFILE: the account's attributes and audio files are the catalogs.
  REQUIRE((*remote)->create_custom_attribute({"Balance", std::nullopt, "number"}));
  REQUIRE(p.gomo({"config", "set", "baseUrl", server.base_url(), "--profile", "acct"}).exit_code == 0);
  REQUIRE(run_gomo({"config", "set", "apiKey", "-", "--profile", "acct"}, p.key + "\n", p.env, p.dir).exit_code == 0);
  std::string uses = replaced(kFlow, "audioId: welcome}]",
                              "audioId: welcome}, {type: number, value: {source: customAttribute, "
                              "attributeName: balance}, mode: full, language: fr}]");
  p.write("uses.yaml", uses);
  CHECK(p.gomo({"flow", "validate", "uses.yaml"}).exit_code == 0);
  auto catalogs = p.gomo({"flow", "validate", "--catalog-from", "acct", "uses.yaml"});
  CHECK(catalogs.exit_code == 1);
  CHECK(has(catalogs.out, "[unknown-audio]"));  // the account has no audio file "welcome"
  CHECK_FALSE(has(catalogs.out, "[unknown-attribute]"));
  p.write("uses.yaml", replaced(uses, "attributeName: balance", "attributeName: balanse"));
  auto misspelt = p.gomo({"flow", "validate", "--catalog-from", "acct", "uses.yaml"});
  CHECK(misspelt.exit_code == 1);
  CHECK(has(misspelt.out, "[unknown-attribute]"));
  CHECK(has(misspelt.out, "balance"));
  CHECK(p.gomo({"flow", "validate", "--catalog-from", "nosuch", "uses.yaml"}).exit_code == 2);

  // No key: 4; nothing listening: 5.
  auto denied = run_gomo({"flow", "diff", "greeting.yaml", "--base-url", server.base_url()}, "",
                         {"GOMO_API_KEY=gomo_wrong", "XDG_CONFIG_HOME=" + p.dir + "/config"}, p.dir);
  CHECK(denied.exit_code == 4);
  auto down = p.gomo({"flow", "push", "greeting.yaml", "--base-url", "http://127.0.0.1:1/api"});
  CHECK(down.exit_code == 5);
}

}  // namespace gomo::test

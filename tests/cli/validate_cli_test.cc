// End-to-end: the real gomo binary, its exit codes and outputs.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

using gomo::test::run_gomo;
using gomo::test::source_path;

TEST_CASE("cli: --version and help exit 0") {
  auto v = run_gomo({"--version"});
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("gomo 0.") == 0);
  auto h = run_gomo({"help", "exit-codes"});
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("2  usage error") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2, not CLI11's 100+") {
  auto r = run_gomo({"flow", "validate"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("paths is required") != std::string::npos);
  CHECK(run_gomo({"flow", "validate", "--format", "xml", "x.yaml"}).exit_code == 2);
  CHECK(run_gomo({"nosuchcommand"}).exit_code == 2);
}

TEST_CASE("cli: only the named subcommand is built, and anything else gets the whole tree") {
  // `gomo flow validate` builds flow validate alone (start-up); help for the group and a misspelt
  // subcommand must still see every flow command.
  auto group = run_gomo({"flow", "--help"});
  CHECK(group.exit_code == 0);
  for (const char* sub : {"validate", "fmt", "convert", "graph", "run", "test", "simulate", "push", "pull", "diff"})
    CHECK_MESSAGE(group.out.find(std::string("  ") + sub) != std::string::npos, sub);
  auto one = run_gomo({"flow", "fmt", "--help"});
  CHECK(one.exit_code == 0);
  CHECK(one.out.find("--check") != std::string::npos);
  auto typo = run_gomo({"flow", "validat", source_path("samples/flows/simple-greeting.yaml")});
  CHECK(typo.exit_code == 2);
  auto global_first =
      run_gomo({"-o", "json", "flow", "validate", "--no-config", source_path("samples/flows/payment-reminder.json")});
  CHECK(global_first.exit_code == 0);
  CHECK(global_first.out.find("\"files\"") != std::string::npos);
}

TEST_CASE("cli: a repeatable option takes one value: the path after --ignore is a path") {
  auto r = run_gomo({"flow", "validate", "--no-config", "--ignore", "unknown-output",
                     source_path("samples/flows/simple-greeting.yaml"), "--ignore", "missing-label"});
  CHECK(r.err.find("paths is required") == std::string::npos);
  CHECK(r.out.find("[unknown-output]") == std::string::npos);
  CHECK(r.out.find("simple-greeting.yaml") != std::string::npos);  // its other findings are still shown
}

TEST_CASE("cli: validate exit codes 0, 1, 2") {
  CHECK(run_gomo({"flow", "validate", "--no-config", source_path("samples/flows/payment-reminder.json")}).exit_code ==
        0);
  auto bad = run_gomo({"flow", "validate", "--no-config", source_path("samples/flows/simple-greeting.yaml")});
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("simple-greeting.yaml:26:9: error: unknown output `onEnd` for a play node") != std::string::npos);
  CHECK(run_gomo({"flow", "validate", "--no-config", "/nonexistent.yaml"}).exit_code == 2);
  auto syntax = run_gomo({"flow", "validate", "--no-config", "-"}, "{\"a\": 1,}");
  CHECK(syntax.exit_code == 2);
  CHECK(syntax.out.find("<stdin>:1:9: error: trailing comma") != std::string::npos);
}

TEST_CASE("cli: -o json prints the diagnostics document") {
  auto r =
      run_gomo({"flow", "validate", "--no-config", "-o", "json", source_path("samples/flows/simple-greeting.yaml")});
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["version"] == 1);
  bool found = false;
  for (const auto& d : j["diagnostics"])
    if (d["rule"] == "unknown-output") {
      found = true;
      CHECK(d["line"] == 26);
      CHECK(d["col"] == 9);
      CHECK(d["pointer"] == "/graph/nodes/1/outputs/onEnd");
      CHECK(d["fix"]["replacement"] == "onComplete");
    }
  CHECK(found);
}

TEST_CASE("cli: exclude in .gomo.yaml is relative to the config's folder, under . and absolute paths alike") {
  std::string dir = gomo::test::scratch_dir();
  gomo::test::write_file(dir, ".git/HEAD", "");  // the config search stops here
  gomo::test::write_file(dir, ".gomo.yaml", "validate:\n  exclude: [\"drafts/*\"]\n");
  gomo::test::write_file(dir, "flows/a.yaml", "startNodeId: a\nnodes:\n  - {id: a, type: hangup, label: End}\n");
  gomo::test::write_file(dir, "flows/a.test.yaml", "flow: a.yaml\ncases: []\n");
  gomo::test::write_file(dir, "drafts/b01.yaml", "startNodeId: [\n");
  for (const std::string& path : {std::string("."), dir, std::string("flows/..")}) {
    CAPTURE(path);
    auto r = run_gomo({"flow", "validate", path}, "", {}, dir);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("no problems found in 1 file") != std::string::npos);
  }
  // Only excluded files in a directory: nothing to check is an error, and says why.
  auto drafts = run_gomo({"flow", "validate", "drafts"}, "", {}, dir);
  CHECK(drafts.exit_code == 2);
  CHECK(
      drafts.err.find(
          "drafts: no flow files (*.yaml, *.yml, *.json) to check in this directory (1 excluded by `exclude` in the project config)") !=
      std::string::npos);
  // ...but only when nothing else is checked.
  auto both = run_gomo({"flow", "validate", "drafts", "flows"}, "", {}, dir);
  CHECK(both.exit_code == 0);
  CHECK(both.err.find("gomo: warning: drafts: no flow files") != std::string::npos);
  // A file named on the command line is checked anyway, unless --force-exclude.
  CHECK(run_gomo({"flow", "validate", "drafts/b01.yaml"}, "", {}, dir).exit_code == 2);
  auto forced = run_gomo({"flow", "validate", "--force-exclude", "drafts/b01.yaml", "flows/a.yaml"}, "", {}, dir);
  CHECK(forced.exit_code == 0);
  // flow fmt walks the same way: the draft (not even valid YAML) and the flow test are left alone.
  auto fmt = run_gomo({"flow", "fmt", "--check", "."}, "", {}, dir);
  CHECK(fmt.exit_code == 1);  // flows/a.yaml's flow-style node would be rewritten in block style
  CHECK(fmt.out == "./flows/a.yaml\n");
  CHECK(fmt.err.find("1 file would be reformatted") != std::string::npos);
}

TEST_CASE("cli: flow tests (*.test.yaml) are not flows: walking samples/ skips them") {
  auto r = run_gomo({"flow", "validate", "--no-config", "-o", "json", "samples/"}, "", {}, source_path(""));
  auto j = nlohmann::json::parse(r.out);
  for (const auto& f : j["files"]) CHECK(f["file"].get<std::string>().find(".test.") == std::string::npos);
  CHECK(j["files"].size() >= 7);
}

TEST_CASE("cli: a huge line is never echoed whole: 1 MB of NUL bytes on stdin") {
  auto r = run_gomo({"flow", "validate", "--no-config", "-"}, std::string(1 << 20, '\0'));
  CHECK(r.exit_code == 2);
  CHECK(r.out.size() < 2000);
  CHECK(r.out.find('\0') == std::string::npos);
  CHECK(r.out.find("\\x00\\x00") != std::string::npos);
}

TEST_CASE("cli: info findings are counted, not printed, unless --verbose") {
  const std::string flow = source_path("tests/golden/missing-label.yaml");
  auto r = run_gomo({"flow", "validate", "--no-config", flow}, "", {"GITHUB_ACTIONS="});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("[missing-label]") == std::string::npos);
  CHECK(r.err.find("1 info in 1 file (1 checked); 1 info not shown (--verbose or --format json shows them)") !=
        std::string::npos);
  auto v = run_gomo({"flow", "validate", "--no-config", "--verbose", flow}, "", {"GITHUB_ACTIONS="});
  CHECK(v.out.find("[missing-label]") != std::string::npos);
  CHECK(v.err.find("not shown") == std::string::npos);
  auto j = run_gomo({"flow", "validate", "--no-config", "-o", "json", flow});
  CHECK(j.out.find("missing-label") != std::string::npos);
  CHECK(j.err.find("not shown") == std::string::npos);
}

#if !defined(__SANITIZE_ADDRESS__)  // ASan reserves terabytes of address space: no ulimit -v under it
TEST_CASE("cli: running out of memory on one file costs the other files nothing (parallel jobs)") {
  std::string dir = gomo::test::scratch_dir();
  std::string huge = "{\"startNodeId\": \"a\", \"nodes\": [";
  for (int i = 0; i < 15000000; ++i) huge += "1,";
  huge += "1]}";
  std::string big = gomo::test::write_file(dir, "huge.json", huge);
  huge.clear();
  huge.shrink_to_fit();
  const std::string good = source_path("samples/flows/payment-reminder.json");
  const std::string bad = source_path("samples/flows/simple-greeting.yaml");
  // 400 MB of address space: the 30 MB file's tree needs several times that.
  std::string cmd = "ulimit -v 400000; exec '" + std::string(GOMO_BINARY) +
                    "' flow validate --no-config -j 2 -o json '" + good + "' '" + big + "' '" + bad + "' > '" + dir +
                    "/out.json' 2> '" + dir + "/err.txt'";
  int status = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  auto j = nlohmann::json::parse(gomo::test::read_file(dir + "/out.json"));
  REQUIRE(j["files"].size() == 3);
  CHECK(j["files"][1]["valid"] == false);
  bool big_error = false, greeting_error = false;
  for (const auto& d : j["diagnostics"]) {
    big_error = big_error || (d["file"] == big && d["severity"] == "error");
    greeting_error = greeting_error || (d["file"] == bad && d["rule"] == "unknown-output");
  }
  CHECK(big_error);
  CHECK(greeting_error);
  CHECK(j["summary"]["exitCode"] == 2);
}
#endif

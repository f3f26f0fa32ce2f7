// End-to-end: the real gomo binary, its exit codes and outputs.
#include <doctest/doctest.h>

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
  auto global_first = run_gomo({"-o", "json", "flow", "validate", "--no-config", source_path("samples/flows/payment-reminder.json")});
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
  CHECK(run_gomo({"flow", "validate", "--no-config", source_path("samples/flows/payment-reminder.json")}).exit_code == 0);
  auto bad = run_gomo({"flow", "validate", "--no-config", source_path("samples/flows/simple-greeting.yaml")});
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("simple-greeting.yaml:26:9: error: unknown output `onEnd` for a play node") != std::string::npos);
  CHECK(run_gomo({"flow", "validate", "--no-config", "/nonexistent.yaml"}).exit_code == 2);
  auto syntax = run_gomo({"flow", "validate", "--no-config", "-"}, "{\"a\": 1,}");
  CHECK(syntax.exit_code == 2);
  CHECK(syntax.out.find("<stdin>:1:9: error: trailing comma") != std::string::npos);
}

TEST_CASE("cli: -o json prints the diagnostics document") {
  auto r = run_gomo({"flow", "validate", "--no-config", "-o", "json", source_path("samples/flows/simple-greeting.yaml")});
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

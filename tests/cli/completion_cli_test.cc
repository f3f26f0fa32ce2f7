// End-to-end: `gomo completion` and the committed scripts under completions/ (the scripts are tried in
// their real shells by tests/completions/*_test.sh, registered in tests/CMakeLists.txt).
#include <doctest/doctest.h>

#include <sstream>

#include "tests/support/test_support.h"

using gomo::test::read_file;
using gomo::test::run_gomo;
using gomo::test::source_path;

TEST_CASE("cli: committed completion scripts match `gomo completion` byte for byte") {
  const std::pair<const char*, const char*> scripts[] = {
      {"bash", "completions/gomo.bash"}, {"zsh", "completions/_gomo"}, {"fish", "completions/gomo.fish"}};
  for (const auto& [shell, file] : scripts) {
    auto r = run_gomo({"completion", shell});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_MESSAGE(r.out == read_file(source_path(file)),
                  std::string(file) << " is stale: the command definitions changed. Run scripts/gen-completions.sh");
  }
}

TEST_CASE("cli: completion scripts cover every command gomo --help lists") {
  auto help = run_gomo({"--help"});
  REQUIRE(help.exit_code == 0);
  auto fish = run_gomo({"completion", "fish"});
  auto bash = run_gomo({"completion", "bash"});
  auto zsh = run_gomo({"completion", "zsh"});
  REQUIRE(fish.exit_code == 0);
  // The lines after "Commands:" up to the blank line: "  NAME   description".
  std::istringstream lines(help.out.substr(help.out.find("Commands:")));
  std::string line;
  std::getline(lines, line);
  int commands = 0;
  while (std::getline(lines, line) && !line.empty()) {
    std::string name = line.substr(2, line.find(' ', 2) - 2);
    ++commands;
    CAPTURE(name);
    CHECK(fish.out.find("-n '__gomo_at \"gomo\"' -a '" + name + "'") != std::string::npos);
    CHECK(bash.out.find("    \"gomo " + name + "\")\n") != std::string::npos);
    CHECK(zsh.out.find("        (" + name + ") _gomo_" + name) != std::string::npos);
  }
  CHECK(commands >= 3);  // flow, help, completion at least
}

TEST_CASE("cli: completion offers the validate formats and global flags") {
  auto bash = run_gomo({"completion", "bash"});
  REQUIRE(bash.exit_code == 0);
  CHECK(bash.out.find(
            "\"gomo flow validate|-f\"|\"gomo flow validate|--format\") _gomo_words 'text json github sarif junit'") !=
        std::string::npos);
  CHECK(bash.out.find("*\"|--color\") _gomo_words 'auto always never'") != std::string::npos);
  CHECK(bash.out.find("\"gomo help|#0\") _gomo_words 'exit-codes rules config formats") != std::string::npos);
}

TEST_CASE("cli: completion needs a known shell (exit 2)") {
  auto r = run_gomo({"completion", "powershell"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(run_gomo({"completion"}).exit_code == 2);
}

// The CI integration files users copy: .pre-commit-hooks.yaml (its file filter, run the way pre-commit
// runs it) and .github/gomo-problem-matcher.json (its regular expressions against gomo's real text
// output). GitHub's runner reads the matcher with .NET's ECMAScript regular expressions and pre-commit
// filters with Python's re.search; std::regex in ECMAScript mode, searched, stands in for both here.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "document/document.h"
#include "tests/support/json_schema.h"
#include "tests/support/test_support.h"

using namespace gomo;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json read_yaml(const std::string& relative) {
  const std::string path = test::source_path(relative);
  auto doc = document::read_document(path, test::read_file(path));
  REQUIRE(doc->parsed);
  return test::to_json(doc->root);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The hook's filter as pre-commit applies it: `files` found in the path and `exclude` not.
struct HookFilter {
  std::regex files, exclude;
  bool passes(const std::string& path) const {
    return std::regex_search(path, files) && !std::regex_search(path, exclude);
  }
};

json the_hook() {
  const json hooks = read_yaml(".pre-commit-hooks.yaml");
  REQUIRE(hooks.is_array());
  REQUIRE(hooks.size() == 1);
  return hooks[0];
}

HookFilter filter_of(const json& hook) {
  return {std::regex(hook["files"].get<std::string>(), std::regex::ECMAScript),
          std::regex(hook["exclude"].get<std::string>(), std::regex::ECMAScript)};
}

// One problem matcher of .github/gomo-problem-matcher.json.
struct Matcher {
  std::string owner, default_severity;
  std::regex re;
  json pattern;
};

std::vector<Matcher> the_matchers() {
  const json doc = json::parse(test::read_file(test::source_path(".github/gomo-problem-matcher.json")));
  std::vector<Matcher> out;
  for (const auto& m : doc.at("problemMatcher")) {
    REQUIRE(m.at("pattern").size() == 1);  // single-line matchers
    const json& p = m["pattern"][0];
    out.push_back({m.at("owner").get<std::string>(), m.value("severity", ""),
                   std::regex(p.at("regexp").get<std::string>(), std::regex::ECMAScript), p});
  }
  return out;
}

std::string group(const std::smatch& m, const json& pattern, const char* name) {
  if (!pattern.contains(name)) return "";
  return m[pattern[name].get<size_t>()].str();
}

// What GitHub would annotate for one line of output: file, line, column, severity, code, message.
using Annotation = std::tuple<std::string, int, int, std::string, std::string, std::string>;

// The annotations the matchers make of `out`, checking that at most one matcher takes each line and
// that every line taken is a diagnostic line (not an excerpt, caret, note or summary).
std::vector<Annotation> annotate(const std::vector<Matcher>& matchers, const std::string& out) {
  std::vector<Annotation> found;
  for (const auto& line : split_lines(out)) {
    int taken = 0;
    for (const auto& matcher : matchers) {
      std::smatch m;
      if (!std::regex_search(line, m, matcher.re)) continue;
      ++taken;
      std::string severity = group(m, matcher.pattern, "severity");
      if (severity.empty()) severity = matcher.default_severity;
      found.emplace_back(group(m, matcher.pattern, "file"), std::stoi(group(m, matcher.pattern, "line")),
                         std::stoi(group(m, matcher.pattern, "column")), severity, group(m, matcher.pattern, "code"),
                         group(m, matcher.pattern, "message"));
    }
    INFO("line: ", line);
    CHECK(taken <= 1);
    if (!line.empty() && line[0] == ' ') CHECK(taken == 0);  // excerpts, carets and notes
  }
  return found;
}

}  // namespace

TEST_CASE("cli: .pre-commit-hooks.yaml runs gomo flow validate on flow files, many per process") {
  const json hook = the_hook();
  CHECK(hook["id"] == "gomo-validate");
  CHECK(hook["entry"] == "gomo flow validate");
  CHECK(hook["language"] == "system");
  CHECK(hook["pass_filenames"] == true);
  CHECK(hook["require_serial"] == true);  // one process for all the files: gomo parallelises itself

  const HookFilter filter = filter_of(hook);
  for (const char* path : {"flows/a.yaml", "b.json", "flows/menu.yml", "campaigns/2024/reminder.json"}) {
    INFO(path);
    CHECK(filter.passes(path));
  }
  for (const char* path :
       {"x.test.yaml", "flows/menu.test.yaml", "flows/menu.test.yml", "README.md", "flows/a.yaml.bak",
        ".pre-commit-config.yaml", ".pre-commit-hooks.yaml", ".gomo.yaml", ".github/workflows/ci.yml", "package.json",
        "tests/tools/package-lock.json", "action.yml", ".gitlab-ci.yml", "programs/march.program.yaml",
        "march.program.json", "mixes/callees.mix.yaml", "callees.mix.json"}) {
    INFO(path);
    CHECK_FALSE(filter.passes(path));
  }
}

TEST_CASE("cli: the pre-commit hook on this repository's samples passes the flows and no flow tests") {
  const HookFilter filter = filter_of(the_hook());
  const fs::path root = test::source_path("");
  std::vector<std::string> passed;
  for (const auto& e : fs::recursive_directory_iterator(root / "samples")) {
    if (!e.is_regular_file()) continue;
    const std::string rel = fs::relative(e.path(), root).generic_string();
    if (filter.passes(rel)) passed.push_back(rel);
  }
  std::sort(passed.begin(), passed.end());
  std::vector<std::string> flows;
  for (const char* dir : {"samples/flows", "samples/shapes"}) {
    for (const auto& e : fs::directory_iterator(root / dir)) {
      const std::string ext = e.path().extension().string();
      if (ext == ".yaml" || ext == ".json") flows.push_back(fs::relative(e.path(), root).generic_string());
    }
  }
  std::sort(flows.begin(), flows.end());
  CHECK(passed == flows);
  CHECK(flows.size() >= 7);

  // As pre-commit runs it: the entry's words, then the file names, from the repository's root.
  std::vector<std::string> args = {"flow", "validate", "--no-config"};
  args.insert(args.end(), passed.begin(), passed.end());
  auto r = test::run_gomo(args, "", {"GITHUB_ACTIONS="}, root.string());
  CHECK(r.exit_code == 1);  // the broken samples, on purpose
  CHECK(r.out.find("samples/flows/broken-showcase.yaml:") != std::string::npos);
  CHECK(r.out.find("samples/tests/") == std::string::npos);  // no flow test was read as a flow
  CHECK(r.err.find("(7 checked)") != std::string::npos);
}

TEST_CASE("cli: the problem matcher annotates every diagnostic line of gomo's text output and nothing else") {
  const std::vector<Matcher> matchers = the_matchers();
  REQUIRE(matchers.size() == 2);
  CHECK(matchers[0].owner == "gomo");
  for (const char* g : {"file", "line", "column", "severity", "message", "code"}) {
    INFO(g);
    CHECK(matchers[0].pattern.contains(g));
  }
  CHECK(matchers[1].default_severity == "notice");  // GitHub has no "info": gomo's infos become notices

  // A flow whose faulty line looks like a diagnostic itself: its excerpt must not be annotated.
  const std::string dir = test::scratch_dir();
  test::write_file(dir, "tricky.yaml", R"(name: Tricky
graph:
  startNodeId: hello
  nodes:
    - id: hello
      type: play
      config:
        audioItems:
          - type: audioFile
            audioId: "x.yaml:1:2: error: not a finding [fake-rule]"
      outputs:
        onEnd: bye  # x.yaml:3:4: warning: not a finding either [fake-rule]
    - id: bye
      type: hangup
)");
  test::write_file(dir, "broken.json", "{\"name\": \"x\",");
  const fs::path root = test::source_path("");
  const std::string tricky = (fs::path(dir) / "tricky.yaml").string();
  const std::string broken = (fs::path(dir) / "broken.json").string();
  const std::vector<std::string> inputs = {"samples/flows/broken-showcase.yaml", "samples/flows/simple-greeting.yaml",
                                           "samples/flows/payment-reminder.json", tricky, broken};

  std::vector<std::string> args = {"flow", "validate", "--no-config", "--target", "gomobile"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  std::vector<std::string> text_args = args, json_args = args;
  text_args.insert(text_args.end(), {"-f", "text", "--verbose"});  // --verbose: infos are printed too
  json_args.insert(json_args.end(), {"-f", "json"});
  auto text = test::run_gomo(text_args, "", {"GITHUB_ACTIONS=", "NO_COLOR=1"}, root.string());
  auto js = test::run_gomo(json_args, "", {"GITHUB_ACTIONS="}, root.string());
  CHECK(text.exit_code == 2);  // broken.json does not parse
  REQUIRE(js.exit_code == text.exit_code);

  // What gomo found, from its JSON output, as GitHub should show it.
  std::multiset<Annotation> expected;
  std::set<std::string> severities;
  const json report = json::parse(js.out);
  for (const auto& d : report.at("diagnostics")) {
    std::string severity = d["severity"];
    severities.insert(severity);
    if (severity == "info") severity = "notice";
    expected.emplace(d["file"], d["line"], d["col"], severity, d["rule"], d["message"]);
  }
  CHECK(severities == std::set<std::string>{"error", "warning", "info"});
  REQUIRE(expected.size() >= 25);

  const std::vector<Annotation> found = annotate(matchers, text.out);
  CHECK(std::multiset<Annotation>(found.begin(), found.end()) == expected);
  // The syntax error is annotated too.
  bool syntax = false;
  for (const auto& a : found) syntax = syntax || (std::get<0>(a) == broken && std::get<4>(a) == "syntax");
  CHECK(syntax);
  // The summary on stderr is not a diagnostic either.
  CHECK(annotate(matchers, text.err).empty());
}

TEST_CASE("cli: action.yml builds gomo with the repository's scripts and runs its validate step for real") {
  const json action = read_yaml("action.yml");
  CHECK(action["runs"]["using"] == "composite");
  const json& steps = action["runs"]["steps"];
  std::string build, validate;
  bool cache = false, upload = false;
  for (const auto& step : steps) {
    const std::string uses = step.value("uses", ""), run = step.value("run", "");
    cache = cache || uses.rfind("actions/cache@", 0) == 0;
    upload = upload || uses.rfind("github/codeql-action/upload-sarif@", 0) == 0;
    if (run.find("scripts/build.sh") != std::string::npos) build = run;
    if (run.find("gomo flow validate") != std::string::npos) validate = run;
  }
  CHECK(cache);
  CHECK(upload);
  // The build step installs with scripts/setup.sh and builds gomo alone, as README command 1 does.
  CHECK(build.find("scripts/setup.sh") != std::string::npos);
  CHECK(build.find("-DGOMO_TESTS=OFF") != std::string::npos);
  REQUIRE(!validate.empty());

  // The validate step's script, as the runner runs it (bash, gomo on the PATH, inputs in the environment).
  const std::string dir = test::scratch_dir();
  const std::string script = test::write_file(dir, "validate.sh", validate);
  const std::string sarif = (fs::path(dir) / "gomo.sarif").string();
  const std::string out = (fs::path(dir) / "out.txt").string();
  const std::string command = "cd '" + test::source_path("") + "' && PATH='" +
                              fs::path(GOMO_BINARY).parent_path().string() + "':\"$PATH\" GITHUB_ACTIONS=true " +
                              "GOMO_PATHS='samples/flows/simple-greeting.yaml samples/flows/payment-reminder.json' " +
                              "GOMO_ARGS='--no-config --strict' GOMO_SARIF='" + sarif + "' timeout 60 bash -e '" +
                              script + "' >'" + out + "' 2>&1";
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);  // findings fail the step
  const std::string printed = test::read_file(out);
  CHECK(printed.find("::error file=samples/flows/simple-greeting.yaml,line=26,") != std::string::npos);
  CHECK(printed.find("::warning file=samples/flows/payment-reminder.json,") != std::string::npos);
  const json report = json::parse(test::read_file(sarif));
  CHECK(report["version"] == "2.1.0");
  CHECK(report["runs"][0]["results"].size() >= 4);
}

// Golden tests: every flow in tests/golden/ (and the showcase sample) validated and printed as text,
// compared with the .out file beside it. GOMO_UPDATE_GOLDEN=1 rewrites the .out files.
// An input may ask for flags with a `# args: --target gomobile --audio-catalog F --attributes F`
// comment line (paths relative to the source tree).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checks/registry.h"
#include "report/text.h"
#include "tests/support/test_support.h"

using namespace gomo;
namespace fs = std::filesystem;

namespace {

struct Golden {
  std::string input;  // relative to the source tree, as printed in the output
  std::string out;    // relative to the source tree
};

std::vector<Golden> all_goldens() {
  std::vector<Golden> out;
  for (const auto& entry : fs::directory_iterator(test::source_path("tests/golden"))) {
    std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml" && ext != ".json")) continue;
    std::string name = entry.path().filename().string();
    out.push_back({"tests/golden/" + name, "tests/golden/" + entry.path().stem().string() + ".out"});
  }
  std::sort(out.begin(), out.end(), [](const Golden& a, const Golden& b) { return a.input < b.input; });
  out.push_back({"samples/flows/broken-showcase.yaml", "tests/golden/broken-showcase.out"});
  out.push_back({"samples/flows/simple-greeting.yaml", "tests/golden/sample-simple-greeting.out"});
  out.push_back({"samples/flows/payment-reminder.json", "tests/golden/sample-payment-reminder.out"});
  return out;
}

// The flags of a `# args:` line, as validate would resolve them without a project config.
checks::ValidateOptions options_of(const std::string& text) {
  checks::ValidateRequest request;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("# args:", 0) != 0) continue;
    std::istringstream words(line.substr(7));
    for (std::string flag, value; words >> flag >> value;) {
      if (flag == "--target") request.target = value;
      else if (flag == "--audio-catalog") request.audio_catalog = test::source_path(value);
      else if (flag == "--attributes") request.attributes = test::source_path(value);
      else FAIL("unknown flag in # args: " << flag);
    }
  }
  auto resolved = checks::resolve_validate(request, nullptr);
  REQUIRE_MESSAGE(resolved.has_value(), resolved.error().message());
  return resolved->options;
}

}  // namespace

TEST_CASE("golden: text output of every golden flow") {
  const bool update = std::getenv("GOMO_UPDATE_GOLDEN") != nullptr;
  for (const auto& g : all_goldens()) {
    INFO(g.input);
    std::string text = test::read_file(test::source_path(g.input));
    std::vector<checks::FileResult> files = {checks::validate_text(g.input, text, options_of(text))};
    std::ostringstream got;
    report::write_text(got, files, report::TextStyle{});
    const std::string out_path = test::source_path(g.out);
    if (update) {
      std::ofstream(out_path, std::ios::binary) << got.str();
      continue;
    }
    REQUIRE_MESSAGE(fs::exists(out_path), g.out << " is missing; run with GOMO_UPDATE_GOLDEN=1 to create it");
    CHECK_MESSAGE(got.str() == test::read_file(out_path),
                  g.out << " differs (GOMO_UPDATE_GOLDEN=1 rewrites it after a deliberate change):\n"
                        << got.str());
  }
}

TEST_CASE("golden: every rule has a golden input, a unit test and a section in docs/rules.md") {
  const std::string docs = test::read_file(test::source_path("docs/rules.md"));
  for (const checks::Rule* rule : checks::all_rules()) {
    std::string id = rule->id;
    INFO(id);
    CHECK((fs::exists(test::source_path("tests/golden/" + id + ".yaml")) ||
           fs::exists(test::source_path("tests/golden/" + id + ".json"))));
    CHECK(docs.find("\n## " + id + "\n") != std::string::npos);
    if (rule->check && id != "schema") {
      std::string file = id;
      std::replace(file.begin(), file.end(), '-', '_');
      CHECK(fs::exists(test::source_path("lib/checks/rule_" + file + "_test.cc")));
    }
  }
}

TEST_CASE("golden: the messages quoted in docs/rules.md are the ones gomo prints") {
  // Each rule's section quotes output for `flow.yaml` (or flow.json): it must be a line of that rule's .out.
  std::istringstream docs(test::read_file(test::source_path("docs/rules.md")));
  std::string rule, out;
  bool in_console = false;
  int quoted = 0;
  for (std::string line; std::getline(docs, line);) {
    if (line.rfind("## ", 0) == 0) {
      rule = line.substr(3);
      out = fs::exists(test::source_path("tests/golden/" + rule + ".out"))
                ? test::read_file(test::source_path("tests/golden/" + rule + ".out"))
                : "";
    } else if (line == "```console") {
      in_console = true;
    } else if (line == "```") {
      in_console = false;
    } else if (in_console && (line.rfind("flow.yaml:", 0) == 0 || line.rfind("flow.json:", 0) == 0)) {
      INFO(rule << ": " << line);
      CHECK(out.find(line.substr(9) + "\n") != std::string::npos);
      ++quoted;
    }
  }
  CHECK(quoted >= 30);
}

TEST_CASE("golden: each golden input triggers the rule it is named after") {
  for (const checks::Rule* rule : checks::all_rules()) {
    std::string id = rule->id;
    std::string path =
        "tests/golden/" + id + (fs::exists(test::source_path("tests/golden/" + id + ".json")) ? ".json" : ".yaml");
    if (!fs::exists(test::source_path(path))) continue;  // the previous test fails for it
    INFO(path);
    std::string text = test::read_file(test::source_path(path));
    CHECK_FALSE(test::diags_of(checks::validate_text(path, text, options_of(text)).diagnostics, id).empty());
  }
}

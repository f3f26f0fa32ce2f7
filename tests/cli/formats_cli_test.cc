// End-to-end: every --format of `gomo flow validate` on the real binary, its exit codes, the GitHub
// default under Actions, and several reports in one run.
#include <doctest/doctest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/test_support.h"

using gomo::test::run_gomo;
using gomo::test::scratch_dir;
using gomo::test::source_path;
using gomo::test::write_file;
using nlohmann::json;

namespace {

const char* kGreeting = "samples/flows/simple-greeting.yaml";   // a real bug: exit 1
const char* kReminder = "samples/flows/payment-reminder.json";  // a warning only: exit 0
// Not under GitHub Actions unless a test says so, wherever the suite runs.
const std::vector<std::string> kNoActions = {"GITHUB_ACTIONS=", "GITHUB_STEP_SUMMARY="};

gomo::test::RunResult validate_in_source(std::vector<std::string> args,
                                         const std::vector<std::string>& env = kNoActions) {
  args.insert(args.begin(), {"flow", "validate", "--no-config"});
  return run_gomo(args, "", env, source_path(""));
}

std::string syntax_error_file() { return write_file(scratch_dir(), "broken.json", "{\"startNodeId\": \"a\",}\n"); }

// Parses `xml` with Python's minidom (an independent XML parser) and returns "tests failures errors
// testcases", or "malformed: reason".
std::string junit_facts(const std::string& xml) {
  std::string dir = scratch_dir();
  std::string file = write_file(dir, "report.xml", xml);
  std::string out = dir + "/facts.txt";
  std::string cmd =
      "python3 -c 'import sys, xml.dom.minidom as m\n"
      "try:\n"
      "  d = m.parse(sys.argv[1])\n"
      "except Exception as e:\n"
      "  print(\"malformed:\", e); sys.exit(0)\n"
      "s = d.getElementsByTagName(\"testsuite\")\n"
      "print(len(s), s[0].getAttribute(\"tests\"), s[0].getAttribute(\"failures\"), s[0].getAttribute(\"errors\"),"
      " len(d.getElementsByTagName(\"testcase\")), len(d.getElementsByTagName(\"failure\")),"
      " len(d.getElementsByTagName(\"error\")))' " +
      file + " > " + out;
  int rc = std::system(cmd.c_str());
  REQUIRE_MESSAGE(rc == 0, "python3 is needed (scripts/setup.sh --with-test-tools)");
  std::string facts = gomo::test::read_file(out);
  if (!facts.empty() && facts.back() == '\n') facts.pop_back();
  return facts;
}

}  // namespace

TEST_CASE("cli: --format github prints annotations, most severe first") {
  auto bad = validate_in_source({"--format", "github", kGreeting});
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("::error file=samples/flows/simple-greeting.yaml,line=26,endLine=26,col=9,endColumn=14,"
                     "title=unknown-output::unknown output `onEnd` for a play node") == 0);
  CHECK(bad.out.find("\n::warning file=samples/flows/simple-greeting.yaml,") != std::string::npos);
  auto ok = validate_in_source({"--format", "github", kReminder});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("::error") == std::string::npos);
  auto syntax = validate_in_source({"--format", "github", syntax_error_file()});
  CHECK(syntax.exit_code == 2);
  CHECK(syntax.out.find("::error file=") == 0);
  CHECK(syntax.out.find(",line=1,") != std::string::npos);
  CHECK(syntax.out.find("title=syntax::") != std::string::npos);
}

TEST_CASE("cli: GITHUB_ACTIONS=true selects github, and the step summary gets a table of all findings") {
  std::string summary = write_file(scratch_dir(), "summary.md", "");
  auto r = validate_in_source({kGreeting}, {"GITHUB_ACTIONS=true", "GITHUB_STEP_SUMMARY=" + summary});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("::error file=samples/flows/simple-greeting.yaml,line=26,") == 0);
  std::string md = gomo::test::read_file(summary);
  CHECK(
      md.find(
          "### gomo flow validate\n\n1 error, 2 warnings in 1 file (1 checked)\n\n| Severity | Location | Rule | Message |\n") ==
      0);
  CHECK(md.find("| error | samples/flows/simple-greeting.yaml:26:9 | unknown-output | unknown output `onEnd`") !=
        std::string::npos);
  // An explicit --format wins; without Actions the default is text.
  CHECK(validate_in_source({"--format", "text", kGreeting}, {"GITHUB_ACTIONS=true"}).out.find("::error") ==
        std::string::npos);
  auto text = validate_in_source({kGreeting});
  CHECK(text.out.find("samples/flows/simple-greeting.yaml:26:9: error:") != std::string::npos);
  CHECK(text.out.find("::") == std::string::npos);
}

TEST_CASE("cli: --format github caps annotations at 10 per kind and says where the rest are") {
  std::string dir = scratch_dir();
  std::ostringstream flow;
  flow << "startNodeId: p\nnodes:\n  - id: p\n    type: play\n    label: x\n"
       << "    config: {audioItems: [{type: audioFile, audioId: A}]}\n    outputs:\n";
  for (int i = 0; i < 13; ++i) flow << "      bad" << i << ": end\n";  // 13 errors, nothing else
  flow << "  - {id: end, type: hangup, label: end}\n";
  std::string file = write_file(dir, "many.yaml", flow.str());
  auto r = run_gomo({"flow", "validate", "--no-config", "-f", "github", "-f", "sarif", "--output-file", "-",
                     "--output-file", dir + "/all.sarif", file},
                    "", kNoActions);
  CHECK(r.exit_code == 1);
  size_t errors = 0;
  for (size_t p = r.out.find("::error "); p != std::string::npos; p = r.out.find("::error ", p + 1)) ++errors;
  CHECK(errors == 10);
  CHECK(r.out.find("gomo: 3 more findings (3 errors) not shown as annotations: GitHub shows at most 10 errors, 10 "
                   "warnings and 10 notices per step. All findings are in " +
                   dir + "/all.sarif.\n") != std::string::npos);
  auto sarif = json::parse(gomo::test::read_file(dir + "/all.sarif"));
  size_t unknown_outputs = 0;
  for (const auto& res : sarif["runs"][0]["results"]) unknown_outputs += res["ruleId"] == "unknown-output";
  CHECK(unknown_outputs == 13);
}

TEST_CASE("cli: --format sarif on a failing, a passing and an unparsable flow") {
  auto bad = validate_in_source({"--format", "sarif", kGreeting});
  CHECK(bad.exit_code == 1);
  auto s = json::parse(bad.out);
  CHECK(s["version"] == "2.1.0");
  CHECK(s["runs"][0]["tool"]["driver"]["name"] == "gomo");
  bool found = false;
  for (const auto& r : s["runs"][0]["results"])
    if (r["ruleId"] == "unknown-output") {
      found = true;
      CHECK(r["level"] == "error");
      const auto& loc = r["locations"][0]["physicalLocation"];
      CHECK(loc["artifactLocation"]["uri"] == "samples/flows/simple-greeting.yaml");
      CHECK(loc["region"]["startLine"] == 26);
      CHECK(loc["region"]["startColumn"] == 9);
      CHECK(r["properties"]["jsonPointer"] == "/graph/nodes/1/outputs/onEnd");
    }
  CHECK(found);

  auto ok = validate_in_source({"--format", "sarif", kReminder});
  CHECK(ok.exit_code == 0);
  auto o = json::parse(ok.out);
  for (const auto& r : o["runs"][0]["results"]) CHECK(r["level"] != "error");

  auto syntax = validate_in_source({"--format", "sarif", syntax_error_file()});
  CHECK(syntax.exit_code == 2);
  auto y = json::parse(syntax.out);
  REQUIRE(y["runs"][0]["results"].size() >= 1);
  CHECK(y["runs"][0]["results"][0]["ruleId"] == "syntax");
  CHECK(y["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
  CHECK(y["runs"][0]["invocations"][0]["executionSuccessful"] == false);
}

TEST_CASE("cli: --format junit is well-formed XML with one testcase per file") {
  auto bad = validate_in_source({"--format", "junit", kGreeting, kReminder});
  CHECK(bad.exit_code == 1);
  CHECK(junit_facts(bad.out) == "1 2 1 0 2 1 0");
  CHECK(bad.out.find(
            "<testcase name=\"samples/flows/simple-greeting.yaml\" classname=\"samples/flows/simple-greeting.yaml\"") !=
        std::string::npos);
  CHECK(bad.out.find("<failure message=\"1 error, 2 warnings: unknown output `onEnd` for a play node") !=
        std::string::npos);

  auto ok = validate_in_source({"--format", "junit", kReminder});
  CHECK(ok.exit_code == 0);
  CHECK(junit_facts(ok.out) == "1 1 0 0 1 0 0");

  auto syntax = validate_in_source({"--format", "junit", syntax_error_file(), kReminder});
  CHECK(syntax.exit_code == 2);
  CHECK(junit_facts(syntax.out) == "1 2 0 1 2 0 1");
  CHECK(syntax.out.find("<error message=\"") != std::string::npos);
  // The check itself can fail.
  CHECK(junit_facts("<testsuite><testcase></testsuite>").find("malformed:") == 0);
}

TEST_CASE("cli: the exit code is the same whatever the format") {
  for (const char* format : {"text", "json", "github", "sarif", "junit"}) {
    CAPTURE(format);
    CHECK(validate_in_source({"--format", format, kGreeting}).exit_code == 1);
    CHECK(validate_in_source({"--format", format, kReminder}).exit_code == 0);
    CHECK(validate_in_source({"--format", format, syntax_error_file()}).exit_code == 2);
    CHECK(validate_in_source({"--format", format, "--strict", kReminder}).exit_code == 1);
  }
}

TEST_CASE("cli: several --format with --output-file write several reports in one run") {
  std::string dir = scratch_dir();
  auto r = validate_in_source({"-f", "json", "-f", "junit", "-f", "sarif", "--output-file", dir + "/a.json",
                               "--output-file", dir + "/b.xml", "--output-file", "-", kGreeting, kReminder});
  CHECK(r.exit_code == 1);
  CHECK(json::parse(r.out)["version"] == "2.1.0");  // sarif on stdout
  CHECK(json::parse(gomo::test::read_file(dir + "/a.json"))["summary"]["errors"] == 1);
  CHECK(junit_facts(gomo::test::read_file(dir + "/b.xml")) == "1 2 1 0 2 1 0");
  CHECK(r.err.find("1 error, 3 warnings in 2 files (2 checked)") != std::string::npos);

  // A single --format with --output-file writes the file and leaves stdout empty.
  auto one = validate_in_source({"-f", "sarif", "--output-file", dir + "/one.sarif", kGreeting});
  CHECK(one.exit_code == 1);
  CHECK(one.out.empty());
  CHECK(json::parse(gomo::test::read_file(dir + "/one.sarif"))["version"] == "2.1.0");

  // Usage errors exit 2 before anything is checked.
  auto unpaired = validate_in_source({"-f", "json", "-f", "junit", "--output-file", dir + "/x.json", kGreeting});
  CHECK(unpaired.exit_code == 2);
  CHECK(unpaired.err.find("--format given 2 times but --output-file 1 times") != std::string::npos);
  auto unwritable = validate_in_source({"-f", "json", "--output-file", dir + "/no/such/dir/x.json", kGreeting});
  CHECK(unwritable.exit_code == 2);
  CHECK(unwritable.err.find("cannot write " + dir + "/no/such/dir/x.json") != std::string::npos);
  CHECK(validate_in_source({"-f", "xml", kGreeting}).exit_code == 2);
}

TEST_CASE("cli: a missing path is reported in every format, the other files still checked, exit 2") {
  const std::string missing = "samples/flows/no-such-flow.yaml";
  std::string dir = scratch_dir();
  auto r =
      validate_in_source({"-f", "junit", "-f", "sarif", "-f", "json", "--output-file", dir + "/j.xml", "--output-file",
                          dir + "/s.sarif", "--output-file", dir + "/d.json", kGreeting, missing});
  CHECK(r.exit_code == 2);
  // JUnit: two testcases, a failure for the flow, an <error> for the missing file.
  std::string xml = gomo::test::read_file(dir + "/j.xml");
  CHECK(junit_facts(xml) == "1 2 1 1 2 1 1");
  CHECK(xml.find("<error message=\"no such file or directory\" type=\"read-error\">") != std::string::npos);
  // SARIF: the flow's results, a read-error result and a notification for the missing file.
  auto s = json::parse(gomo::test::read_file(dir + "/s.sarif"));
  size_t unknown_outputs = 0, read_errors = 0;
  for (const auto& res : s["runs"][0]["results"]) {
    unknown_outputs += res["ruleId"] == "unknown-output";
    read_errors += res["ruleId"] == "read-error";
  }
  CHECK(unknown_outputs == 1);
  CHECK(read_errors == 1);
  const auto& invocation = s["runs"][0]["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  CHECK(invocation["exitCode"] == 2);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 1);
  CHECK(invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        missing);
  // JSON: both files.
  auto j = json::parse(gomo::test::read_file(dir + "/d.json"));
  REQUIRE(j["files"].size() == 2);
  CHECK(j["files"][1]["file"] == missing);
  CHECK(j["files"][1]["valid"] == false);
  CHECK(j["summary"]["exitCode"] == 2);

  auto text = validate_in_source({kGreeting, missing});
  CHECK(text.exit_code == 2);
  CHECK(text.out.find("samples/flows/simple-greeting.yaml:26:9: error:") != std::string::npos);
  CHECK(text.out.find(missing + ": error: no such file or directory [read-error]\n") != std::string::npos);
  auto github = validate_in_source({"-f", "github", missing, kGreeting});
  CHECK(github.exit_code == 2);
  CHECK(github.out.find("::error file=" + missing + ",title=read-error::no such file or directory\n") !=
        std::string::npos);
  CHECK(github.out.find("title=unknown-output::") != std::string::npos);
}

TEST_CASE("cli: control characters from a flow reach no format raw") {
  std::string dir = scratch_dir();
  // ESC ] 0 ; … BEL sets a terminal's title; in a JSON string (raw), a YAML "\e" escape and a map key.
  std::string json_flow =
      write_file(dir, "title.json",
                 "{\"startNodeId\": \"x\x1b]0;pwned\x07\", \"nodes\": [{\"id\": \"a\", \"type\": \"hangup\"}]}\n");
  std::string yaml_flow =
      write_file(dir, "esc.yaml", "startNodeId: \"\\e[2J\"\nnodes:\n  \"b\\e[31m\": {type: hangup}\n");
  for (const char* format : {"text", "github", "json", "sarif", "junit"}) {
    CAPTURE(format);
    auto r = run_gomo({"flow", "validate", "--no-config", "-v", "-f", format, json_flow, yaml_flow}, "", kNoActions);
    CHECK(r.exit_code >= 1);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK(r.err.find('\x1b') == std::string::npos);
    // The same visible text in every format (JSON and SARIF escape the backslash); the raw control
    // characters in the JSON file are a syntax error, whose source line only text prints.
    bool text_like = std::string(format) == "text" || std::string(format) == "github" || std::string(format) == "junit";
    CHECK(r.out.find(text_like ? "\\x1b[2J" : "\\\\x1b[2J") != std::string::npos);
    if (std::string(format) == "text") CHECK(r.out.find("\\x1b]0;pwned\\x07") != std::string::npos);
  }
}

#include <doctest/doctest.h>

#include <sstream>

#include "report/diagnostics.h"

using namespace gomo;

namespace {

diag::Diagnostic junit_test_diag(const std::string& rule, diag::Severity s, const std::string& message, uint32_t line) {
  diag::Diagnostic d;
  d.rule = rule;
  d.severity = s;
  d.message = message;
  d.location = {"a.yaml", line, 5, line, 9, "/graph/nodes/1"};
  return d;
}

std::string junit_of(const std::vector<checks::FileResult>& files, bool strict = false) {
  std::ostringstream out;
  report::RunInfo run;
  run.strict = strict;
  report::write_junit(out, files, run);
  return out.str();
}

}  // namespace

TEST_CASE("junit reporter: XML escaping, control characters and invalid UTF-8") {
  CHECK(report::xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(report::xml_escape("l1\nl2\tx") == "l1&#10;l2&#9;x");
  CHECK(report::xml_escape("l1\nl2\tx", false) == "l1\nl2\tx");
  CHECK(report::xml_escape(std::string("bell\x07 nul") + '\0') == "bell\xEF\xBF\xBD nul\xEF\xBF\xBD");
  CHECK(report::xml_escape("caf\xC3\xA9 \xFF \xC0\xAF") == "caf\xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(report::xml_escape("\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A") == "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A");  // Arabic kept
}

TEST_CASE("junit reporter: one suite, one testcase per file, failure listing every finding, error when unreadable") {
  std::vector<checks::FileResult> files(4);
  files[0].path = "ok.yaml";
  files[1].path = "a.yaml";
  files[1].diagnostics.push_back(
      junit_test_diag("unknown-output", diag::Severity::kError, "unknown output `onEnd` <here>", 26));
  files[1].diagnostics.push_back(junit_test_diag("missing-label", diag::Severity::kInfo, "no label", 30));
  files[1].diagnostics.back().related = "see node & co";
  files[2].path = "warn.yaml";
  files[2].diagnostics.push_back(junit_test_diag("unreachable-node", diag::Severity::kWarning, "never reached", 3));
  files[2].diagnostics.back().location.file = "warn.yaml";
  files[3].path = "bad\".json";
  files[3].unreadable = true;
  files[3].diagnostics.push_back(junit_test_diag("syntax", diag::Severity::kError, "trailing comma", 1));
  files[3].diagnostics.back().location = {"bad\".json", 1, 9, 1, 10, ""};
  CHECK(
      junit_of(files) ==
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"gomo flow validate\" tests=\"4\" failures=\"1\" errors=\"1\">\n"
      "  <testsuite name=\"gomo flow validate\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"0\">\n"
      "    <testcase name=\"ok.yaml\" classname=\"ok.yaml\" file=\"ok.yaml\"/>\n"
      "    <testcase name=\"a.yaml\" classname=\"a.yaml\" file=\"a.yaml\">\n"
      "      <failure message=\"1 error, 1 info: unknown output `onEnd` &lt;here&gt;\" type=\"gomo\">"
      "a.yaml:26:5: error: unknown output `onEnd` &lt;here&gt; [unknown-output] at /graph/nodes/1\n"
      "a.yaml:30:5: info: no label [missing-label] at /graph/nodes/1\n"
      "  note: see node &amp; co\n"
      "</failure>\n"
      "    </testcase>\n"
      "    <testcase name=\"warn.yaml\" classname=\"warn.yaml\" file=\"warn.yaml\">\n"
      "      <system-out>warn.yaml:3:5: warning: never reached [unreachable-node] at /graph/nodes/1\n</system-out>\n"
      "    </testcase>\n"
      "    <testcase name=\"bad&quot;.json\" classname=\"bad&quot;.json\" file=\"bad&quot;.json\">\n"
      "      <error message=\"trailing comma\" type=\"syntax\">bad&quot;.json:1:9: error: trailing comma [syntax]\n</error>\n"
      "    </testcase>\n"
      "  </testsuite>\n"
      "</testsuites>\n");
}

TEST_CASE("junit reporter: --strict turns a file with warnings into a failure") {
  std::vector<checks::FileResult> files(1);
  files[0].path = "warn.yaml";
  files[0].diagnostics.push_back(junit_test_diag("unreachable-node", diag::Severity::kWarning, "never reached", 3));
  std::string out = junit_of(files, true);
  CHECK(out.find("failures=\"1\" errors=\"0\"") != std::string::npos);
  CHECK(out.find("<failure message=\"1 warning: never reached\" type=\"gomo\">") != std::string::npos);
  CHECK(junit_of(files, false).find("<failure") == std::string::npos);
}

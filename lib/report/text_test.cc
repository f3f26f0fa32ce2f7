#include "report/text.h"

#include <doctest/doctest.h>

#include <sstream>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("text reporter: compiler-style line, source line and caret") {
  std::vector<checks::FileResult> files(1);
  files[0] = checks::validate_text("f.yaml", "startNodeId: a\nnodes:\n  - {id: a, type: play, outputs: {onEnd: a}}\n", {});
  std::ostringstream out;
  report::write_text(out, files, {});
  std::string s = out.str();
  CHECK(s.find("f.yaml:3:35: error: unknown output `onEnd` for a play node") != std::string::npos);
  CHECK(s.find(" 3 |   - {id: a, type: play, outputs: {onEnd: a}}\n   | " + std::string(34, ' ') + "^~~~~\n") != std::string::npos);
}

TEST_CASE("text reporter: summary line") {
  std::vector<checks::FileResult> files(2);
  CHECK(report::summary_line(files) == "no problems found in 2 files");
  files[0].diagnostics.push_back(diag::Diagnostic{"x", diag::Severity::kError, "m", {}, "", "", ""});
  CHECK(report::summary_line(files) == "1 error in 1 file (2 checked)");
}

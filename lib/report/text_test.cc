#include "report/text.h"

#include <doctest/doctest.h>

#include <sstream>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("text reporter: compiler-style line, source line and caret") {
  std::vector<checks::FileResult> files(1);
  files[0] =
      checks::validate_text("f.yaml", "startNodeId: a\nnodes:\n  - {id: a, type: play, outputs: {onEnd: a}}\n", {});
  std::ostringstream out;
  report::write_text(out, files, {});
  std::string s = out.str();
  CHECK(s.find("f.yaml:3:35: error: unknown output `onEnd` for a play node") != std::string::npos);
  CHECK(s.find(" 3 |   - {id: a, type: play, outputs: {onEnd: a}}\n   | " + std::string(34, ' ') + "^~~~~\n") !=
        std::string::npos);
}

TEST_CASE("text reporter: summary line") {
  std::vector<checks::FileResult> files(2);
  CHECK(report::summary_line(files) == "no problems found in 2 files");
  files[0].diagnostics.push_back(diag::Diagnostic{"x", diag::Severity::kError, "m", {}, "", "", ""});
  CHECK(report::summary_line(files) == "1 error in 1 file (2 checked)");
}

TEST_CASE("text reporter: control characters in the line, the message and the path are escaped; the caret follows") {
  diag::Diagnostic d;
  d.rule = "r";
  d.message = "id \x1b]0;x\x07";
  d.location = {"a\x1b.yaml", 1, 5, 1, 7, ""};
  diag::set_snippet(d,
                    "\x1b[2J\xff"
                    "ab\tc\x9b");
  std::ostringstream out;
  report::write_text(out, {checks::FileResult{"a\x1b.yaml", false, {d}}}, {});
  const std::string s = out.str();
  // Columns 1-4 are ESC [ 2 J: the caret sits under column 5 (the 0xFF byte), two columns wide.
  CHECK(s ==
        "a\\x1b.yaml:1:5: error: id \\x1b]0;x\\x07 [r]\n"
        " 1 | \\x1b[2J\\xffab\tc\\x9b\n"
        "   | " +
            std::string(7, ' ') + "^~~~~\n");
  for (char c : s) CHECK_FALSE((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t'));
}

TEST_CASE("text reporter: a long line shows a window around the column, marked, with the caret under the column") {
  std::string line;
  for (int i = 0; i < 1000; ++i) line += "\"k" + std::to_string(i) + "\": 1, ";
  diag::Diagnostic d;
  d.rule = "r";
  d.message = "m";
  const uint32_t col = static_cast<uint32_t>(line.find("\"k500\"")) + 1;
  d.location = {"f.json", 1, col, 1, col + 6, ""};
  diag::set_snippet(d, line);
  std::ostringstream out;
  report::write_text(out, {checks::FileResult{"f.json", false, {d}}}, {});
  std::istringstream lines(out.str());
  std::string first, shown, caret;
  std::getline(lines, first);
  std::getline(lines, shown);
  std::getline(lines, caret);
  CHECK(shown.size() < 200);
  CHECK(shown.find(" 1 | …") == 0);
  CHECK(shown.substr(shown.size() - 3) == "…");
  const size_t at = caret.find('^');
  REQUIRE(at != std::string::npos);
  // "…" is three bytes and one column: the caret is under "k500" on screen.
  CHECK(shown.substr(at + 2, 6) == "\"k500\"");
  CHECK(caret.substr(at) == "^~~~~~");
}

TEST_CASE("text reporter: a flood of one rule is cut after style.per_rule per file; infos can be left out") {
  checks::FileResult f{"f.yaml", false, {}};
  for (uint32_t i = 1; i <= 60; ++i)
    f.diagnostics.push_back(
        diag::Diagnostic{"unknown-property", diag::Severity::kError, "m", {"f.yaml", i, 1, i, 2, ""}, "", "", ""});
  f.diagnostics.push_back(
      diag::Diagnostic{"missing-label", diag::Severity::kInfo, "no label", {"f.yaml", 70, 1, 70, 2, ""}, "", "", ""});
  std::ostringstream out;
  report::write_text(out, {f}, {});
  const std::string s = out.str();
  CHECK(s.find("f.yaml:50:1: error") != std::string::npos);
  CHECK(s.find("f.yaml:51:1: error") == std::string::npos);
  CHECK(
      s.find(
          "f.yaml: … and 10 more findings of [unknown-property] in this file (the first 50 are shown; --format json lists them all)\n") !=
      std::string::npos);
  CHECK(s.find("[missing-label]") != std::string::npos);
  report::TextStyle quiet;
  quiet.infos = false;
  std::ostringstream out2;
  report::write_text(out2, {f}, quiet);
  CHECK(out2.str().find("[missing-label]") == std::string::npos);
  CHECK(report::hidden_infos({f}, quiet) == 1);
  CHECK(report::hidden_infos({f}, {}) == 0);
}

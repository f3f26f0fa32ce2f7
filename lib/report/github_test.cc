#include <doctest/doctest.h>

#include <sstream>

#include "report/diagnostics.h"
#include "tests/support/test_support.h"

using namespace gomo;

namespace {

diag::Diagnostic github_test_diag(const std::string& rule, diag::Severity s, const std::string& message, uint32_t line,
                                  uint32_t col = 3) {
  diag::Diagnostic d;
  d.rule = rule;
  d.severity = s;
  d.message = message;
  d.location = {"flows/a.yaml", line, col, line, col + 5, "/graph/nodes/0"};
  return d;
}

std::string github_of(const std::vector<checks::FileResult>& files, const report::RunInfo& run = {}) {
  std::ostringstream out;
  report::write_github(out, files, run);
  return out.str();
}

}  // namespace

TEST_CASE("github reporter: escaping of data and properties") {
  CHECK(report::github_escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b");
  CHECK(report::github_escape_property("dir,1/a:b.yaml%\n") == "dir%2C1/a%3Ab.yaml%25%0A");
}

TEST_CASE("github reporter: one workflow command per finding, with position and title") {
  std::vector<checks::FileResult> files(1);
  files[0].path = "flows/a.yaml";
  auto d =
      github_test_diag("unknown-output", diag::Severity::kError, "unknown output `onEnd`: 100% wrong,\nfix it", 26, 9);
  d.location.file = "flows/a,b:c.yaml";
  files[0].diagnostics.push_back(d);
  files[0].diagnostics.push_back(github_test_diag("missing-label", diag::Severity::kInfo, "node has no label", 4));
  files[0].diagnostics.push_back(github_test_diag("unreachable-node", diag::Severity::kWarning, "never reached", 7));
  diag::Diagnostic unreadable;
  unreadable.rule = "syntax";
  unreadable.message = "cannot read";
  unreadable.location.file = "gone.yaml";
  files[0].diagnostics.push_back(unreadable);
  CHECK(github_of(files) ==
        "::error file=flows/a%2Cb%3Ac.yaml,line=26,endLine=26,col=9,endColumn=14,title=unknown-output::"
        "unknown output `onEnd`: 100%25 wrong,\\nfix it\n"  // messages are one line: a line break shows as \n
        "::error file=gone.yaml,title=syntax::cannot read\n"
        "::warning file=flows/a.yaml,line=7,endLine=7,col=3,endColumn=8,title=unreachable-node::never reached\n"
        "::notice file=flows/a.yaml,line=4,endLine=4,col=3,endColumn=8,title=missing-label::node has no label\n");
}

TEST_CASE("github reporter: at most 10 per kind, most severe first, then one line saying what was left out") {
  std::vector<checks::FileResult> files(2);
  for (int i = 1; i <= 12; ++i)
    files[0].diagnostics.push_back(github_test_diag("r", diag::Severity::kInfo, "i" + std::to_string(i), i));
  for (int i = 1; i <= 11; ++i)
    files[1].diagnostics.push_back(github_test_diag("r", diag::Severity::kError, "e" + std::to_string(i), i));
  for (int i = 1; i <= 3; ++i)
    files[1].diagnostics.push_back(github_test_diag("r", diag::Severity::kWarning, "w" + std::to_string(i), i));
  std::string out = github_of(files);
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  REQUIRE(lines.size() == 24);
  CHECK(lines[0].find("::error ") == 0);
  CHECK(lines[0].find("::e1") != std::string::npos);
  CHECK(lines[9].find("::e10") != std::string::npos);
  CHECK(lines[10].find("::warning ") == 0);
  CHECK(lines[13].find("::notice ") == 0);
  CHECK(lines[22].find("::i10") != std::string::npos);
  CHECK(lines[23] ==
        "gomo: 3 more findings (1 error, 2 notices) not shown as annotations: GitHub shows at most 10 errors, "
        "10 warnings and 10 notices per step. Run with --format json, or add --format sarif --output-file FILE, to "
        "see them all.");

  report::RunInfo run;
  run.other_report_files = {"gomo.sarif"};
  run.github_step_summary = test::scratch_dir() + "/summary.md";
  out = github_of(files, run);
  CHECK(out.substr(out.rfind("per step. ")) == "per step. All findings are in the job summary and gomo.sarif.\n");
}

TEST_CASE("github reporter: no 'more' line when nothing was left out") {
  std::vector<checks::FileResult> files(1);
  for (int i = 1; i <= 10; ++i) files[0].diagnostics.push_back(github_test_diag("r", diag::Severity::kError, "e", i));
  std::string out = github_of(files);
  CHECK(out.find("gomo:") == std::string::npos);
  CHECK(github_of({checks::FileResult{}}) == "");
}

TEST_CASE("github reporter: appends a Markdown table of all findings to the step summary") {
  std::string path = test::write_file(test::scratch_dir(), "summary.md", "earlier step\n");
  std::vector<checks::FileResult> files(2);
  files[0].path = "flows/a.yaml";
  for (int i = 1; i <= 12; ++i)
    files[0].diagnostics.push_back(github_test_diag("unknown-output", diag::Severity::kError, "bad | pipe <b>", i));
  files[1].path = "flows/b.yaml";
  report::RunInfo run;
  run.github_step_summary = path;
  github_of(files, run);
  std::string md = test::read_file(path);
  CHECK(md.find("earlier step\n### gomo flow validate\n\n12 errors in 1 file (2 checked)\n\n"
                "| Severity | Location | Rule | Message |\n|---|---|---|---|\n"
                "| error | flows/a.yaml:1:3 | unknown-output | bad \\| pipe &lt;b&gt; |\n") == 0);
  size_t rows = 0;
  for (size_t p = md.find("| error |"); p != std::string::npos; p = md.find("| error |", p + 1)) ++rows;
  CHECK(rows == 12);  // all of them, not just the 10 GitHub annotates
}

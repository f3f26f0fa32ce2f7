#include <doctest/doctest.h>

#include <sstream>

#include "report/diagnostics.h"
#include "tests/support/test_support.h"

using namespace gomo;
using report::DiagFormat;

namespace {

std::string pairs_of(const std::vector<std::string>& formats, const std::vector<std::string>& files) {
  auto r = report::pair_outputs(formats, files, DiagFormat::kText);
  if (!r) return "error: " + r.error().message();
  std::string s;
  for (const auto& o : *r)
    s += std::string(s.empty() ? "" : " ") + report::diag_format_name(o.format) + "=" +
         (o.path.empty() ? "stdout" : o.path);
  return s;
}

}  // namespace

TEST_CASE("report outputs: --format and --output-file pair in order") {
  CHECK(pairs_of({}, {}) == "text=stdout");
  CHECK(pairs_of({"sarif"}, {}) == "sarif=stdout");
  CHECK(pairs_of({}, {"out.txt"}) == "text=out.txt");
  CHECK(pairs_of({"json", "junit"}, {"a.json", "b.xml"}) == "json=a.json junit=b.xml");
  CHECK(pairs_of({"github", "sarif"}, {"-", "gomo.sarif"}) == "github=- sarif=gomo.sarif");
  CHECK(
      pairs_of({"json", "junit"}, {"a.json"}) ==
      "error: --format given 2 times but --output-file 1 times: pair each --format with an --output-file, in order (- is stdout)");
  CHECK(pairs_of({}, {"a", "b"}).find("error: --output-file given 2 times without --format") == 0);
  CHECK(pairs_of({"json", "sarif"}, {"-", "-"}) ==
        "error: two reports would go to standard output: give each an --output-file");
  CHECK(pairs_of({"json", "sarif"}, {"x", "x"}) ==
        "error: --output-file x is named twice: give each format its own file");
  CHECK(pairs_of({"xml"}, {}) == "error: unknown format `xml`: expected text, json, github, sarif or junit");
}

TEST_CASE("report outputs: every report is written, files uncoloured, and others are named to github") {
  std::string dir = test::scratch_dir();
  auto requests =
      report::pair_outputs({"github", "sarif", "text"}, {"-", dir + "/r.sarif", dir + "/r.txt"}, DiagFormat::kText);
  REQUIRE(requests);
  auto set = report::OutputSet::open(std::move(requests.value()));
  REQUIRE(set);
  std::vector<checks::FileResult> files(1);
  files[0].path = "a.yaml";
  for (int i = 1; i <= 11; ++i) {
    diag::Diagnostic d;
    d.rule = "r";
    d.message = "m";
    d.location = {"a.yaml", static_cast<uint32_t>(i), 1, 0, 0, ""};
    files[0].diagnostics.push_back(d);
  }
  std::ostringstream out;
  report::TextStyle style;
  style.color = true;
  REQUIRE(set->write(out, files, {}, style));
  CHECK(out.str().find("All findings are in " + dir + "/r.sarif and " + dir + "/r.txt.\n") != std::string::npos);
  CHECK(test::read_file(dir + "/r.sarif").find("\"version\": \"2.1.0\"") != std::string::npos);
  std::string text = test::read_file(dir + "/r.txt");
  CHECK(text.find("a.yaml:11:1: error: m [r]\n") != std::string::npos);
  CHECK(text.find('\033') == std::string::npos);
}

TEST_CASE("report outputs: an unwritable file fails before anything runs") {
  auto requests = report::pair_outputs({"json"}, {"/nonexistent-dir/x.json"}, DiagFormat::kText);
  REQUIRE(requests);
  auto set = report::OutputSet::open(std::move(requests.value()));
  REQUIRE(!set);
  CHECK(set.error().message() == "cannot write /nonexistent-dir/x.json: No such file or directory");
}

#include "flowtest/flowtest.h"

#include <doctest/doctest.h>

#include "report/flowtest_report.h"
#include "tests/support/test_support.h"

using namespace gomo;

namespace {

const char* kFlow = R"(startNodeId: menu
nodes:
  - id: menu
    type: dtmf
    config: {variable: choice, singleDigitConfig: {allowedDigits: ["1", "2"]}}
    outputs: {branches: {"1": yes, "2": no}, onTimeout: no}
  - {id: yes, type: hangup}
  - {id: no, type: hangup}
)";

}  // namespace

TEST_CASE("flowtest: cases, table rows, expectations and coverage") {
  auto dir = test::scratch_dir();
  test::write_file(dir, "menu.yaml", kFlow);
  auto path = test::write_file(dir, "menu.test.yaml", R"(flow: menu.yaml
cases:
  - name: "press ${key}"
    press: "${key}"
    expect: {endsAt: "${end}", variables: {choice: "${key}"}}
    each:
      - {key: "1", end: "yes"}
      - {key: "2", end: "no"}
  - name: wrong on purpose
    press: "1"
    expect: {path: [menu, no], outcome: completed}
)");
  auto files = flowtest::find_test_files({dir});
  REQUIRE(files.has_value());
  REQUIRE(files->size() == 1);
  auto result = flowtest::run_tests(files.value());
  REQUIRE(result.files.size() == 1);
  CHECK(result.files[0].error.empty());
  REQUIRE(result.files[0].cases.size() == 3);
  CHECK(result.files[0].cases[0].name == "press 1");
  CHECK(result.files[0].cases[0].passed);
  CHECK(result.files[0].cases[1].passed);
  const auto& wrong = result.files[0].cases[2];
  CHECK_FALSE(wrong.passed);
  CHECK(wrong.failures == std::vector<std::string>{"path differs"});
  CHECK(wrong.actual_path == std::vector<std::string>{"menu", "yes"});
  CHECK(result.passed == 2);
  CHECK(result.failed == 1);
  const auto& cov = result.coverage.begin()->second;
  CHECK(cov.edges == std::vector<std::string>{"menu.branches.1", "menu.branches.2", "menu.onTimeout"});
  CHECK(cov.covered_edges.size() == 2);
  CHECK(flowtest::verdict(result, 0) == flowtest::Verdict::kFailed);
}

TEST_CASE("flowtest: coverage threshold and load errors") {
  auto dir = test::scratch_dir();
  test::write_file(dir, "menu.yaml", kFlow);
  auto ok = test::write_file(dir, "a.test.yaml",
                             "flow: menu.yaml\ncases:\n  - {name: one, press: '1', expect: {endsAt: 'yes'}}\n");
  auto result = flowtest::run_tests({ok});
  CHECK(flowtest::verdict(result, 0) == flowtest::Verdict::kPassed);
  CHECK(flowtest::verdict(result, 50) == flowtest::Verdict::kCoverageBelowMinimum);  // 1 of 3 edges
  auto bad = test::write_file(dir, "b.test.yaml", "flow: menu.yaml\ncases:\n  - {name: one, press: '1', expext: {}}\n");
  auto r2 = flowtest::run_tests({bad});
  CHECK(flowtest::verdict(r2, 0) == flowtest::Verdict::kUnloadable);
  CHECK(r2.files[0].error.find("b.test.yaml:3:29: unknown field `expext` in a case") != std::string::npos);
  CHECK(r2.files[0].error.find("did you mean expect?") != std::string::npos);
  auto empty = test::write_file(dir, "c.test.yaml", "flow: menu.yaml\ncases:\n  - {name: one, press: '1'}\n");
  CHECK(flowtest::run_tests({empty}).files[0].error.find("has no `expect`") != std::string::npos);
}

TEST_CASE("sequence_diff marks expected-only and actual-only ids") {
  auto d = report::sequence_diff({"a", "b", "d"}, {"a", "c", "d"});
  CHECK(d == std::vector<std::string>{"  a", "- b", "+ c", "  d"});
}

#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("dtmf-no-timeout: a menu with branches only") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: menu
nodes:
  - id: menu
    type: dtmf
    outputs:
      branches: {"1": bye}
  - {id: bye, type: hangup}
)"),
                          "dtmf-no-timeout");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == diag::Severity::kWarning);
  CHECK(d[0].location.line == 5);
  CHECK(d[0].location.col == 5);
  CHECK(d[0].message.find("dtmf node \"menu\" has no onTimeout (and no default)") == 0);
  CHECK(d[0].message.find("add onTimeout: <node> (a re-prompt, or bye)") != std::string::npos);
}

TEST_CASE("dtmf-no-timeout: onTimeout or default passes") {
  CHECK(
      test::diags_of(
          test::check_loaded_flow(
              "startNodeId: m\nnodes:\n  - {id: m, type: dtmf, outputs: {onTimeout: b}}\n  - {id: b, type: hangup}\n"),
          "dtmf-no-timeout")
          .empty());
  CHECK(test::diags_of(
            test::check_loaded_flow(
                "startNodeId: m\nnodes:\n  - {id: m, type: dtmf, outputs: {default: b}}\n  - {id: b, type: hangup}\n"),
            "dtmf-no-timeout")
            .empty());
}

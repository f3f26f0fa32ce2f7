#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("system-variable-write: a dtmf storing into sys.*") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: ask
nodes:
  - id: ask
    type: dtmf
    config:
      variable: sys.callStatus
    outputs: {default: bye}
  - {id: bye, type: hangup}
)"),
                          "system-variable-write");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == diag::Severity::kError);
  CHECK(d[0].location.line == 6);
  CHECK(d[0].location.col == 17);
  CHECK(d[0].message.find("dtmf node \"ask\" writes `sys.callStatus`, but sys.* variables are read-only") == 0);
  CHECK(d[0].message.find("e.g. `callStatus`") != std::string::npos);
  CHECK(d[0].fix == "callStatus");
}

TEST_CASE("system-variable-write: own variables pass") {
  CHECK(test::diags_of(test::check_loaded_flow(R"(startNodeId: s
nodes:
  - {id: s, type: set_variable, config: {variable: status, value: "1"}, outputs: {onSuccess: r}}
  - {id: r, type: record, config: {variable: sysMessage}, outputs: {default: b}}
  - {id: b, type: hangup}
)"),
                       "system-variable-write")
            .empty());
}

#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("dial-unhandled-outcome: lists the outcomes without an output") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: call
nodes:
  - id: call
    type: dial
    outputs:
      onAnswer: bye
      onNoAnswer: bye
  - {id: bye, type: hangup}
)"),
                          "dial-unhandled-outcome");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == diag::Severity::kWarning);
  CHECK(d[0].location.line == 5);
  CHECK(d[0].location.col == 5);
  CHECK(d[0].location.pointer == "/nodes/0/outputs");
  CHECK(d[0].message.find("dial node \"call\" does not handle onBusy, onRejected, onError and onVoicemail") == 0);
  CHECK(d[0].message.find("or `default: bye`") != std::string::npos);
  CHECK(d[0].message.find("enableAMD is true by default") != std::string::npos);
}

TEST_CASE("dial-unhandled-outcome: with AMD off, onVoicemail is not needed") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: call
nodes:
  - id: call
    type: dial
    config: {enableAMD: false}
    outputs: {onAnswer: bye, onNoAnswer: bye, onBusy: bye}
  - {id: bye, type: hangup}
)"),
                          "dial-unhandled-outcome");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("does not handle onRejected and onError:") != std::string::npos);
}

TEST_CASE("dial-unhandled-outcome: default, or every outcome, passes") {
  CHECK(
      test::diags_of(
          test::check_loaded_flow(
              "startNodeId: c\nnodes:\n  - {id: c, type: dial, outputs: {onAnswer: b, default: b}}\n  - {id: b, type: hangup}\n"),
          "dial-unhandled-outcome")
          .empty());
  CHECK(test::diags_of(test::check_loaded_flow(R"(startNodeId: c
nodes:
  - id: c
    type: dial
    outputs: {onAnswer: b, onNoAnswer: b, onBusy: b, onRejected: b, onError: b, onVoicemail: b}
  - {id: b, type: hangup}
)"),
                       "dial-unhandled-outcome")
            .empty());
}

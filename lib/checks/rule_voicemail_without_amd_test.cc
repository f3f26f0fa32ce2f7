#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("voicemail-without-amd: onVoicemail while enableAMD is false") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: call
nodes:
  - id: call
    type: dial
    config: {enableAMD: false}
    outputs:
      onAnswer: bye
      onVoicemail: bye
      default: bye
  - {id: bye, type: hangup}
)"),
                          "voicemail-without-amd");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == diag::Severity::kError);
  CHECK(d[0].location.line == 8);
  CHECK(d[0].location.col == 7);
  CHECK(d[0].location.pointer == "/nodes/0/outputs/onVoicemail");
  CHECK(d[0].message.find("onVoicemail of dial node \"call\" is never taken: config.enableAMD is false") == 0);
  CHECK(d[0].message.find("set enableAMD: true, or remove this output") != std::string::npos);
  CHECK(d[0].related == "enableAMD: false at 5:25");
}

TEST_CASE("voicemail-without-amd: AMD on (explicitly or by default) passes") {
  CHECK(
      test::diags_of(
          test::check_loaded_flow(
              "startNodeId: c\nnodes:\n  - {id: c, type: dial, outputs: {onVoicemail: b, default: b}}\n  - {id: b, type: hangup}\n"),
          "voicemail-without-amd")
          .empty());
  CHECK(
      test::diags_of(
          test::check_loaded_flow(
              "startNodeId: c\nnodes:\n  - {id: c, type: dial, config: {enableAMD: true}, outputs: {onVoicemail: b, default: b}}\n  - {id: b, type: hangup}\n"),
          "voicemail-without-amd")
          .empty());
}

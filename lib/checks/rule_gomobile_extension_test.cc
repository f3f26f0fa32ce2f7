#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

namespace {
const char* kTtsFlow = R"(startNodeId: a
nodes:
  - id: a
    type: play
    config:
      audioItems:
        - {type: audioFile, audioId: hello}
        - {type: tts, text: "Your code is {code}"}
    outputs: {onComplete: b}
  - {id: b, type: hangup}
)";
}  // namespace

TEST_CASE("gomobile-extension: tts items with --target gomobile") {
  checks::ValidateOptions options;
  options.check.target = checks::Target::kGomobile;
  auto d = test::diags_of(test::check_flow(kTtsFlow, "flow.yaml", options), "gomobile-extension");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == diag::Severity::kWarning);
  CHECK(d[0].location.line == 8);
  CHECK(d[0].location.col == 18);
  CHECK(d[0].location.pointer == "/nodes/0/config/audioItems/1/type");
  CHECK(d[0].message.find("tts items are a gomo extension (node \"a\"): the Gomobile platform may reject this flow") ==
        0);
}

TEST_CASE("gomobile-extension: the local target, or no tts, passes") {
  CHECK(test::diags_of(test::check_loaded_flow(kTtsFlow), "gomobile-extension").empty());
  checks::ValidateOptions options;
  options.check.target = checks::Target::kGomobile;
  CHECK(
      test::diags_of(
          test::check_loaded_flow(
              "startNodeId: a\nnodes:\n  - {id: a, type: play, config: {audioItems: [{type: audioFile, audioId: x}]}, outputs: {onComplete: b}}\n  - {id: b, type: hangup}\n",
              "flow.yaml", options),
          "gomobile-extension")
          .empty());
}

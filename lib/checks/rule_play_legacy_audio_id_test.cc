#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("play-legacy-audio-id: shows the audioItems replacement") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: a
nodes:
  - id: a
    type: play
    config:
      audioId: AUDIO_ID
    outputs: {onComplete: b}
  - {id: b, type: hangup}
)"),
                          "play-legacy-audio-id");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == diag::Severity::kWarning);
  CHECK(d[0].location.line == 6);
  CHECK(d[0].location.col == 7);
  CHECK(d[0].location.pointer == "/nodes/0/config/audioId");
  CHECK(
      d[0].message ==
      "config.audioId is the legacy single-audio form; write audioItems: [{type: audioFile, audioId: AUDIO_ID}] instead");
}

TEST_CASE("play-legacy-audio-id: audioItems pass") {
  CHECK(
      test::diags_of(
          test::check_loaded_flow(
              "startNodeId: a\nnodes:\n  - {id: a, type: play, config: {audioItems: [{type: audioFile, audioId: x}]}, outputs: {onComplete: b}}\n  - {id: b, type: hangup}\n"),
          "play-legacy-audio-id")
          .empty());
}

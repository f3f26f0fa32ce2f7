#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("play-no-audio: empty audioItems, a config without them, no config") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: a
nodes:
  - {id: a, type: play, config: {audioItems: []}, outputs: {onComplete: b}}
  - {id: b, type: play, config: {}, outputs: {onComplete: c}}
  - {id: c, type: play, outputs: {onComplete: d}}
  - {id: d, type: hangup}
)"),
                          "play-no-audio");
  REQUIRE(d.size() == 3);
  CHECK(d[0].location.line == 3);
  CHECK(d[0].location.col == 46);
  CHECK(d[0].message.find("play node \"a\" plays nothing: config.audioItems is empty") == 0);
  CHECK(d[0].message.find("audioItems: [{type: audioFile, audioId: <audio id>}]") != std::string::npos);
  CHECK(d[1].location.col == 25);  // the config key
  CHECK(d[1].message.find("its config has no audioItems") != std::string::npos);
  CHECK(d[2].location.col == 10);  // the id
  CHECK(d[2].message.find("it has no config") != std::string::npos);
}

TEST_CASE("play-no-audio: audio items or a legacy audioId pass") {
  CHECK(test::diags_of(test::check_loaded_flow(R"(startNodeId: a
nodes:
  - {id: a, type: play, config: {audioItems: [{type: audioFile, audioId: x}]}, outputs: {onComplete: b}}
  - {id: b, type: play, config: {audioId: y}, outputs: {onComplete: c}}
  - {id: c, type: hangup}
)"),
                       "play-no-audio")
            .empty());
}

#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

namespace {
const char* kFlow = R"(startNodeId: a
nodes:
  - id: a
    type: play
    config: {audioItems: [{type: audioFile, audioId: welcom}]}
    outputs: {onComplete: b}
  - id: b
    type: play
    config: {audioId: nothing-like-it}
    outputs: {onComplete: c}
  - {id: c, type: hangup}
)";

checks::ValidateOptions with_catalog() {
  checks::ValidateOptions options;
  options.check.has_audio_catalog = true;
  options.check.audio_ids = {"welcome", "goodbye"};
  return options;
}
}  // namespace

TEST_CASE("unknown-audio: audio ids outside the catalog, with the closest id") {
  auto d = test::diags_of(test::check_flow(kFlow, "flow.yaml", with_catalog()), "unknown-audio");
  REQUIRE(d.size() == 2);
  CHECK(d[0].location.line == 5);
  CHECK(d[0].location.col == 54);
  CHECK(d[0].message == "audio id \"welcom\" (node \"a\") is not in the audio catalog; did you mean \"welcome\"?");
  CHECK(d[0].fix == "welcome");
  CHECK(d[1].location.line == 9);  // the legacy audioId too
  CHECK(d[1].message.find("upload the audio file first") != std::string::npos);
}

TEST_CASE("unknown-audio: known ids pass, and nothing is checked without a catalog") {
  CHECK(test::diags_of(test::check_loaded_flow(kFlow), "unknown-audio").empty());
  auto options = with_catalog();
  options.check.audio_ids = {"welcom", "nothing-like-it"};
  CHECK(test::diags_of(test::check_loaded_flow(kFlow, "flow.yaml", options), "unknown-audio").empty());
}

#include "audio/render_call.h"

#include <doctest/doctest.h>

#include "audio/sources.h"
#include "tests/support/audio_files.h"

using namespace gomo;
using namespace gomo::audio;

TEST_CASE("audio: render_call writes the call and one file per node visit that played something") {
  std::string dir = test::scratch_dir();
  test::write_file(dir, "hello.ogg", test::tone_file(SF_FORMAT_OGG | SF_FORMAT_VORBIS, 44100, 1, 1000, 1000));
  test::write_file(dir, "menu item.wav", test::wav16(8000, 1, 700, 600));
  test::write_file(dir + "/fr", "20.wav", test::wav16(8000, 1, 500, 300));
  auto doc = document::read_yaml("f.yaml", R"(startNodeId: dial
nodes:
  - {id: dial, type: dial, outputs: {onAnswer: hello, default: end}}
  - {id: hello, type: play, config: {audioItems: [{type: audioFile, audioId: hello}]}, outputs: {onComplete: check}}
  - {id: check, type: condition, config: {left: {source: literal, value: a}, operator: is_not_empty}, outputs: {onTrue: n/1, onFalse: n/1, onError: n/1}}
  - {id: n/1, type: play, config: {audioItems: [{type: audioFile, audioId: menu item}, {type: number, value: 20, language: fr}]}, outputs: {onComplete: end}}
  - {id: end, type: hangup}
)");
  auto flow = model::build_flow(*doc);
  PromptAudio audio(files_from_dirs(dir, dir));
  auto call = render_call(flow, engine::Contact{}, engine::SoftphoneScript{}, engine::EngineOptions{}, audio);
  REQUIRE_MESSAGE(call.has_value(), (call ? "" : call.error().message()));
  CHECK(call->answered);
  CHECK(call->answered_at_ms == 2000);
  CHECK(call->report.duration_ms == 2000 + 1000 + 600 + 300);
  CHECK(call->timeline.size() == samples_for(1900));
  CHECK(call->espeak_runs == 0);  // the number's clip is recorded
  auto files = write_rendered(*call, dir + "/call.wav", dir + "/split");
  REQUIRE(files.has_value());
  CHECK(*files == std::vector<std::string>{dir + "/split/01-hello.wav", dir + "/split/02-n_1.wav"});
  CHECK(decode_audio(test::read_file(dir + "/call.wav"), "call.wav").value() == call->timeline);
  CHECK(decode_audio(test::read_file((*files)[1]), "split").value().size() == samples_for(900));

  // A missing file says where gomo looked.
  auto missing = document::read_yaml("m.yaml", R"(startNodeId: p
nodes:
  - {id: p, type: play, config: {audioItems: [{type: audioFile, audioId: nope}]}, outputs: {onComplete: end}}
  - {id: end, type: hangup}
)");
  auto missing_flow = model::build_flow(*missing);
  PromptAudio again(files_from_dirs(dir, ""));
  auto failed = render_call(missing_flow, engine::Contact{}, engine::SoftphoneScript{}, engine::EngineOptions{}, again);
  REQUIRE(!failed.has_value());
  CHECK(failed.error().message() == "audio file \"nope\": no " + dir +
                                        "/nope.wav (or .mp3, .ogg); put the file there " +
                                        "(--audio-dir) or upload it");
}

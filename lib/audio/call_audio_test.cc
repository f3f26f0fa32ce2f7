#include "audio/call_audio.h"

#include <doctest/doctest.h>

#include "engine/engine.h"
#include "engine/scripted_softphone.h"
#include "tests/support/audio_files.h"

using namespace gomo;
using namespace gomo::audio;
using engine::ScriptStep;

namespace {

// A menu (prompt "menu", 1.5 s), then "bye" (0.8 s) after 1, a recording after 2; a timeout retries in place once.
const char* kFlow = R"(startNodeId: dial
nodes:
  - {id: dial, type: dial, config: {timeout: 20000}, outputs: {onAnswer: menu, default: end}}
  - id: menu
    type: dtmf
    config:
      mode: single_digit
      timeout: 4000
      singleDigitConfig: {allowedDigits: ["1", "2"]}
      retry: {maxRetries: 1}
      promptAudioItems: [{type: audioFile, audioId: menu}]
    outputs: {branches: {"1": bye, "2": rec}, onMaxRetries: end}
  - {id: bye, type: play, config: {audioItems: [{type: audioFile, audioId: bye}]}, outputs: {onComplete: end}}
  - {id: rec, type: record, config: {maxDurationMs: 30000, silenceTimeoutMs: 2000}, outputs: {onComplete: bye, onTimeout: end}}
  - {id: end, type: hangup}
)";

struct Call {
  std::unique_ptr<document::Document> doc;
  model::Flow flow;
  engine::CallReport report;
  std::unique_ptr<PromptAudio> audio;
  std::unique_ptr<engine::ScriptedSoftphone> inner;
  std::unique_ptr<CallAudio> phone;
};

std::unique_ptr<Call> call(engine::SoftphoneScript script) {
  auto c = std::make_unique<Call>();
  c->doc = document::read_yaml("f.yaml", kFlow);
  REQUIRE(c->doc->parsed);
  c->flow = model::build_flow(*c->doc);
  PromptAudioOptions options;
  options.audio_bytes = [](const std::string& id) -> Result<std::string> {
    if (id == "menu") return test::wav16(22050, 1, 1000, 1500);
    if (id == "bye") return test::wav16(44100, 2, 600, 800);
    return Status::not_found(id);
  };
  c->audio = std::make_unique<PromptAudio>(options);
  c->inner = std::make_unique<engine::ScriptedSoftphone>(std::move(script));
  c->phone = std::make_unique<CallAudio>(*c->inner, *c->audio);
  c->report = engine::run_call(c->flow, engine::Contact{}, *c->phone, engine::EngineOptions{});
  CHECK(c->phone->error().is_ok());
  // The invariant: the timeline is the call from the answer to the hangup, to the sample.
  CHECK(c->phone->timeline().size() == samples_for(c->report.duration_ms - c->phone->answered_at_ms()));
  return c;
}

engine::SoftphoneScript script(std::vector<ScriptStep> steps, engine::Millis hang_up_after_ms = -1) {
  engine::SoftphoneScript s;
  s.answer_after_ms = 3000;
  s.steps = std::move(steps);
  s.hang_up_after_ms = hang_up_after_ms;
  return s;
}

ScriptStep press(std::string keys) {
  ScriptStep s;
  s.keys = std::move(keys);
  return s;
}

}  // namespace

TEST_CASE("audio: a call that answers and presses 1 is heard as prompt, wait, prompt; the ring is left out") {
  auto c = call(script({press("1")}));
  CHECK(c->report.outcome == "completed");
  CHECK(c->phone->answered());
  CHECK(c->phone->answered_at_ms() == 3000);
  // menu 1500 ms, the key after 800 ms, bye 800 ms: the engine's clock follows the rendered audio.
  CHECK(c->report.duration_ms == 3000 + 1500 + 800 + 800);
  const Samples& t = c->phone->timeline();
  REQUIRE(t.size() == samples_for(3100));
  CHECK(test::zero_crossings(t, 0, samples_for(1500)) >= 2990);          // the menu's 1 kHz
  CHECK(test::rms(Samples(t.begin() + 12000, t.begin() + 18400)) == 0);  // waiting for the key
  CHECK(test::zero_crossings(t, samples_for(2300), t.size()) >= 950);    // bye's 600 Hz for 0.8 s
  CHECK(c->phone->prompts() == 2);

  auto visits = split_by_visit(*c->phone, c->report);
  REQUIRE(visits.size() == 2);
  CHECK(visits[0].node_id == "menu");
  CHECK(visits[0].at_ms == 0);
  CHECK(visits[0].samples.size() == samples_for(2300));  // the prompt and the wait for the key
  CHECK(visits[1].node_id == "bye");
  CHECK(visits[1].samples == Samples(t.begin() + samples_for(2300), t.end()));
}

TEST_CASE("audio: timeouts and the retry are heard as the prompt twice with the waits between") {
  auto c = call(script({}));
  CHECK(c->report.duration_ms == 3000 + 2 * (1500 + 4000));
  CHECK(c->phone->prompts() == 2);
  auto visits = split_by_visit(*c->phone, c->report);
  REQUIRE(visits.size() == 1);  // one visit of the menu: the retry is in place
  CHECK(visits[0].samples == c->phone->timeline());
}

TEST_CASE("audio: a recording is heard as the beep, then silence while the callee speaks") {
  ScriptStep speak;
  speak.kind = ScriptStep::Kind::kSpeak;
  speak.speak_ms = 2500;
  auto c = call(script({press("2"), speak}));
  CHECK(c->report.duration_ms == 3000 + 1500 + 800 + (500 + 2500 + 2000) + 800);
  const Samples& t = c->phone->timeline();
  const size_t rec = samples_for(1500 + 800);
  CHECK(Samples(t.begin() + static_cast<ptrdiff_t>(rec),
                t.begin() + static_cast<ptrdiff_t>(rec + samples_for(kBeepMs))) == tone(kBeepHz, kBeepMs));
  CHECK(test::rms(Samples(t.begin() + static_cast<ptrdiff_t>(rec + samples_for(kBeepMs)),
                          t.begin() + static_cast<ptrdiff_t>(rec + samples_for(5000)))) == 0);
}

TEST_CASE("audio: a callee who hangs up mid-prompt is heard up to the hangup") {
  auto c = call(script({}, 700));
  CHECK(c->report.duration_ms == 3000 + 700);
  const Samples& t = c->phone->timeline();
  REQUIRE(t.size() == samples_for(700));
  CHECK(test::zero_crossings(t, 0, t.size()) >= 1390);  // the menu, cut
  auto visits = split_by_visit(*c->phone, c->report);
  REQUIRE(visits.size() == 1);
  CHECK(visits[0].samples == t);
}

TEST_CASE("audio: a call nobody answers has an empty timeline") {
  auto s = script({});
  s.answer = engine::Answer::kBusy;
  auto c = call(s);
  CHECK(!c->phone->answered());
  CHECK(c->phone->timeline().empty());
  CHECK(c->phone->answered_at_ms() == c->report.duration_ms);
  CHECK(split_by_visit(*c->phone, c->report).empty());
}

TEST_CASE("audio: a prompt that cannot be rendered is timed by the engine's estimate and reported") {
  auto doc = document::read_yaml("f.yaml", R"(startNodeId: p
nodes:
  - {id: p, type: play, config: {audioItems: [{type: audioFile, audioId: missing}]}, outputs: {onComplete: end}}
  - {id: end, type: hangup}
)");
  auto flow = model::build_flow(*doc);
  PromptAudio audio({});
  engine::ScriptedSoftphone inner({});
  CallAudio phone(inner, audio);
  auto report = engine::run_call(flow, engine::Contact{}, phone, engine::EngineOptions{});
  CHECK(phone.answered());  // no dial node: answered from the start
  CHECK(phone.answered_at_ms() == 0);
  CHECK(phone.error().message().starts_with("audio file \"missing\": "));
  CHECK(phone.timeline().size() == samples_for(report.duration_ms));
  CHECK(report.duration_ms == 3000);  // the engine's estimate for an audio file
}

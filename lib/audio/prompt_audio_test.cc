#include "audio/prompt_audio.h"

#include <doctest/doctest.h>
#include <tuple>
#include <vector>

#include "audio/espeak.h"
#include "tests/support/audio_files.h"

using namespace gomo;
using namespace gomo::audio;
using engine::PromptPart;

namespace {

PromptPart text_part(std::string text, std::string language) {
  PromptPart p;
  p.kind = PromptPart::Kind::kText;
  p.text = std::move(text);
  p.language = std::move(language);
  return p;
}

PromptPart clips_part(std::vector<engine::Clip> clips, std::string language) {
  PromptPart p;
  p.kind = PromptPart::Kind::kClips;
  for (const auto& c : clips) p.text += (p.text.empty() ? "" : " ") + c.text;
  p.clips = std::move(clips);
  p.language = std::move(language);
  return p;
}

}  // namespace

TEST_CASE("audio: espeak-ng speaks fr, ar and en text, audibly and for a plausible time") {
  if (test::skip_without_espeak()) return;
  struct Case {
    const char* language;
    const char* text;
  };
  for (auto c : {Case{"fr", "Bonjour, votre facture de 250 dirhams arrive à échéance."},
                 Case{"ar", "مرحبا، فاتورتك مستحقة غدا"}, Case{"en-GB", "Hello, your invoice is due tomorrow."}}) {
    CAPTURE(c.language);
    PromptAudio audio({});
    auto s = audio.render_part(text_part(c.text, c.language));
    REQUIRE_MESSAGE(s.has_value(), (s ? "" : s.error().message()));
    CHECK(s->size() > samples_for(1000));  // about 15 characters a second
    CHECK(s->size() < samples_for(8000));
    CHECK(test::rms(*s) > 300);
  }
}

TEST_CASE("audio: a voice for each flow language, and an error naming the ones gomo speaks") {
  CHECK(espeak_voice("fr").value() == "fr-fr");
  CHECK(espeak_voice("fr-MA").value() == "fr-fr");
  CHECK(espeak_voice("").value() == "fr-fr");
  CHECK(espeak_voice("ar").value() == "ar");
  CHECK(espeak_voice("EN_us").value() == "en-us");
  auto unknown = espeak_voice("de");
  REQUIRE(!unknown.has_value());
  CHECK(unknown.error().message() ==
        "no text-to-speech voice for language \"de\": gomo speaks fr, ar and en (set the item's language to one of "
        "them)");
}

TEST_CASE("audio: without espeak-ng, speaking says which package to install") {
  PromptAudioOptions options;
  options.espeak_program = "/nonexistent/espeak-ng";
  PromptAudio audio(options);
  auto s = audio.render_part(text_part("Bonjour", "fr"));
  REQUIRE(!s.has_value());
  CHECK(s.error().message() ==
        "/nonexistent/espeak-ng is not installed: text-to-speech and spoken numbers and dates need it "
        "(Debian/Ubuntu: apt-get install espeak-ng)");
}

TEST_CASE("audio: renders are cached, so a loop does not run espeak-ng again") {
  if (test::skip_without_espeak()) return;
  PromptAudio audio({});
  engine::Prompt p;
  p.parts = {text_part("Tapez 1", "fr"), text_part("Tapez 1", "fr"), text_part("Tapez 1", "ar")};
  auto first = audio.render(p);
  REQUIRE(first.has_value());
  CHECK(audio.espeak_runs() == 2);  // fr once, ar once
  auto again = audio.render(p);
  CHECK(*again == *first);
  CHECK(audio.espeak_runs() == 2);
}

TEST_CASE("audio: clips play in order, recorded ones from clip_bytes, one espeak-ng run per stretch of others") {
  // Recorded clips are tones whose lengths tell them apart: "20" 100 ms, "et" 200 ms.
  std::vector<std::tuple<std::string, std::string, std::string>> asked;
  PromptAudioOptions options;
  options.clip_bytes = [&](const std::string& language, const std::string& dictionary_id,
                           const std::string& key) -> Result<std::string> {
    asked.emplace_back(language, dictionary_id, key);
    if (dictionary_id == "d-empty") return Status::not_found("nothing recorded in d-empty");
    if (key == "20") return test::wav16(8000, 1, 500, 100);
    if (key == "et") return test::wav16(16000, 1, 700, 200);
    return Status::not_found("no clip " + key);
  };
  PromptAudio audio(options);
  auto recorded = audio.render_part(clips_part({{"20", "vingt"}, {"et", "et"}, {"20", "vingt"}}, "fr"));
  REQUIRE(recorded.has_value());
  REQUIRE(recorded->size() == samples_for(400));
  CHECK(test::zero_crossings(*recorded, 0, 800) >= 98);  // 500 Hz for 100 ms: ~100
  CHECK(test::zero_crossings(*recorded, 0, 800) <= 101);
  CHECK(test::zero_crossings(*recorded, 800, 2400) > 250);  // 700 Hz for 200 ms: ~280
  CHECK(audio.espeak_runs() == 0);
  using Asked = decltype(asked);
  CHECK(asked == Asked{{"fr", "", "20"}, {"fr", "", "et"}});  // then cached
  // An item's dictionaryId is passed on, and clips are kept per dictionary: "20" is asked again there.
  PromptPart elsewhere = clips_part({{"20", "vingt"}}, "fr");
  elsewhere.dictionary_id = "d-empty";
  asked.clear();
  if (!test::skip_without_espeak()) {
    REQUIRE(audio.render_part(elsewhere).has_value());
    CHECK(asked == Asked{{"fr", "d-empty", "20"}});
    CHECK(audio.espeak_runs() == 1);  // not recorded in that dictionary: spoken
  }
  PromptAudio fresh(options);

  if (test::skip_without_espeak()) return;
  // "un" and "mille" are not recorded: spoken together, between the recorded clips.
  auto mixed = fresh.render_part(clips_part({{"20", "vingt"}, {"1", "un"}, {"1000", "mille"}, {"et", "et"}}, "fr"));
  REQUIRE_MESSAGE(mixed.has_value(), (mixed ? "" : mixed.error().message()));
  CHECK(fresh.espeak_runs() == 1);
  CHECK(mixed->size() > samples_for(300 + 300));
  CHECK(Samples(mixed->begin(), mixed->begin() + 800) == Samples(recorded->begin(), recorded->begin() + 800));
  CHECK(Samples(mixed->end() - 1600, mixed->end()) == Samples(recorded->begin() + 800, recorded->begin() + 2400));
  // Without any recorded clip the whole part is one espeak-ng run.
  PromptAudio plain({});
  REQUIRE(plain.render_part(clips_part({{"20", "vingt"}, {"1", "un"}, {"mille", "mille"}}, "fr")).has_value());
  CHECK(plain.espeak_runs() == 1);
}

TEST_CASE("audio: audioFile items come from audio_bytes; a missing one says how to give it") {
  PromptPart part;
  part.kind = PromptPart::Kind::kAudio;
  part.audio_id = "greeting";
  PromptAudio none({});
  CHECK(none.render_part(part).error().message() ==
        "audio file \"greeting\": gomo has no audio files to read; pass --audio-dir DIR with DIR/greeting.wav (or "
        ".mp3, .ogg)");
  int reads = 0;
  PromptAudioOptions options;
  options.audio_bytes = [&](const std::string& id) -> Result<std::string> {
    ++reads;
    if (id == "greeting") return test::wav16(22050, 1, 1000, 1500);
    return Status::not_found(id + ": not found");
  };
  PromptAudio audio(options);
  auto s = audio.render_part(part);
  REQUIRE(s.has_value());
  CHECK(s->size() == samples_for(1500));
  REQUIRE(audio.render_part(part).has_value());
  CHECK(reads == 1);
  part.audio_id = "other";
  CHECK(audio.render_part(part).error().message() == "other: not found");
  PromptPart beep;
  beep.kind = PromptPart::Kind::kBeep;
  CHECK(audio.render_part(beep).value() == tone(kBeepHz, kBeepMs));
}

// End-to-end: gomo flow render through the real binary: the WAV's format and length against the call
// `flow run` reports for the same inputs, --split, calls nobody answers, and what is missing.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/audio_files.h"
#include "tests/support/test_support.h"

using gomo::test::run_gomo;
using gomo::test::source_path;

namespace {

struct WavInfo {
  int rate = 0, channels = 0, format = 0;
  long frames = -1;
};

WavInfo wav_info(const std::string& path) {
  SF_INFO info{};
  SNDFILE* sf = sf_open(path.c_str(), SFM_READ, &info);
  if (!sf) return {};
  sf_close(sf);
  return {info.samplerate, info.channels, info.format, static_cast<long>(info.frames)};
}

// The payment reminder's three recordings, in three formats and rates.
std::string payment_audio() {
  std::string dir = gomo::test::scratch_dir();
  gomo::test::write_file(dir, "greeting-audio-id.wav", gomo::test::wav16(44100, 2, 440, 2345));
  gomo::test::write_file(dir, "confirmed-audio-id.wav", gomo::test::wav16(22050, 1, 660, 1200));
  gomo::test::write_file(dir, "callback-audio-id.ogg",
                         gomo::test::tone_file(SF_FORMAT_OGG | SF_FORMAT_VORBIS, 16000, 1, 880, 1500));
  return dir;
}

}  // namespace

TEST_CASE("cli: flow render writes an 8 kHz mono WAV as long as the call flow run reports, from the answer") {
  const std::string flow = source_path("samples/flows/payment-reminder.json");
  const std::string audio = payment_audio(), out = gomo::test::scratch_dir();
  for (const char* press : {"1", "2", "-"}) {
    CAPTURE(press);
    auto run = run_gomo({"flow", "run", flow, "--press", press, "--audio-dir", audio, "-o", "json"});
    REQUIRE(run.exit_code == 0);
    const long call_ms = nlohmann::json::parse(run.out)["durationMs"].get<long>();
    const std::string wav = out + "/call-" + (press[0] == '-' ? std::string("timeout") : press) + ".wav";
    auto r = run_gomo({"flow", "render", flow, "--press", press, "--audio-dir", audio, "-O", wav, "-o", "json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["callDurationMs"] == call_ms);
    CHECK(j["ringMs"] == 2000);  // the scripted callee answers after 2 s: not heard
    WavInfo w = wav_info(wav);
    CHECK(w.rate == 8000);
    CHECK(w.channels == 1);
    CHECK(w.format == (SF_FORMAT_WAV | SF_FORMAT_PCM_16));
    CHECK(w.frames == (call_ms - 2000) * 8);
    CHECK(j["samples"] == w.frames);
    CHECK(j["durationMs"] == call_ms - 2000);
  }
  // The greeting (2345 ms) and the confirmation (1200 ms) are timed by their real lengths.
  auto text = run_gomo({"flow", "render", flow, "--press", "1", "--audio-dir", audio, "-O", out + "/t.wav"});
  CHECK(text.exit_code == 0);
  CHECK(text.out == "wrote " + out + "/t.wav: 4.3 s, 2 prompts (8 kHz mono, from the answer after 2.0 s of ringing " +
                        "to the hangup)\n");
  CHECK(wav_info(out + "/t.wav").frames == (2345 + 800 + 1200) * 8);
}

TEST_CASE("cli: flow render --split writes one WAV per node visit that played something") {
  const std::string audio = payment_audio(), out = gomo::test::scratch_dir();
  auto r = run_gomo({"flow", "render", source_path("samples/flows/payment-reminder.json"), "--press", "2",
                     "--audio-dir", audio, "-O", out + "/call.wav", "--split", out + "/split"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("wrote 2 files to " + out + "/split, one per node visit that played something\n") !=
        std::string::npos);
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(out + "/split")) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"01-play-greeting.wav", "02-play-callback.wav"});
  // The greeting's visit lasts until the key is pressed (800 ms after it); the callback's is its prompt.
  CHECK(wav_info(out + "/split/01-play-greeting.wav").frames == 2345 * 8);
  CHECK(wav_info(out + "/split/02-play-callback.wav").frames == 1500 * 8);
  CHECK(wav_info(out + "/split/02-play-callback.wav").rate == 8000);
}

TEST_CASE("cli: flow render of a call nobody answers writes an empty WAV and says so") {
  const std::string out = gomo::test::scratch_dir();
  auto r = run_gomo(
      {"flow", "render", source_path("samples/flows/payment-reminder.json"), "--busy", "-O", out + "/busy.wav"});
  CHECK(r.exit_code == 0);  // the flow handles busy with a hangup, as flow run exits
  CHECK(r.out == "wrote " + out + "/busy.wav: no sound (0 samples): the call was not answered (busy)\n");
  CHECK(wav_info(out + "/busy.wav").frames == 0);
  CHECK(wav_info(out + "/busy.wav").rate == 8000);
}

TEST_CASE("cli: flow render says what is missing: the audio files, espeak-ng, -O") {
  const std::string flow = source_path("samples/flows/payment-reminder.json"), out = gomo::test::scratch_dir();
  auto r = run_gomo({"flow", "render", flow, "-O", out + "/x.wav"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "gomo: audio file \"greeting-audio-id\": gomo has no audio files to read; pass --audio-dir DIR with "
        "DIR/greeting-audio-id.wav (or .mp3, .ogg)\n");
  CHECK(!std::filesystem::exists(out + "/x.wav"));
  r = run_gomo({"flow", "render", flow, "--audio-dir", out, "-O", out + "/x.wav"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no " + out + "/greeting-audio-id.wav (or .mp3, .ogg); put the file there") != std::string::npos);
  r = run_gomo({"flow", "render", flow});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--output-file is required") != std::string::npos);
  // The flags of flow run, checked the same way.
  r = run_gomo({"flow", "render", flow, "--busy", "--reject", "-O", out + "/x.wav"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "gomo: --busy and --reject contradict each other: the callee does one thing; choose one\n");

  std::string tts = gomo::test::write_file(out, "tts.yaml", R"(name: tts
graph:
  startNodeId: hi
  nodes:
    - {id: hi, type: play, config: {audioItems: [{type: tts, text: Bonjour, language: fr}]}, outputs: {onComplete: bye}}
    - {id: bye, type: hangup}
)");
  r = run_gomo({"flow", "render", tts, "-O", out + "/tts.wav"}, "", {"PATH=" + out});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "gomo: espeak-ng is not installed: text-to-speech and spoken numbers and dates need it (Debian/Ubuntu: "
        "apt-get install espeak-ng)\n");
}

TEST_CASE("cli: flow render speaks tts, numbers and dates with espeak-ng, and recorded clips from --clips") {
  if (gomo::test::skip_without_espeak()) return;
  const std::string out = gomo::test::scratch_dir();
  std::string flow = gomo::test::write_file(out, "spoken.yaml", R"(name: spoken
graph:
  startNodeId: dial
  nodes:
    - {id: dial, type: dial, outputs: {onAnswer: say}}
    - id: say
      type: play
      config:
        audioItems:
          - {type: tts, text: "Bonjour, votre solde est de", language: fr}
          - {type: number, value: 1250, language: ar}
          - {type: date, value: "2026-03-21", language: en}
      outputs: {onComplete: bye}
    - {id: bye, type: hangup}
)");
  auto r = run_gomo({"flow", "render", flow, "-O", out + "/spoken.wav", "-o", "json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["durationMs"].get<long>() > 3000);  // three phrases
  CHECK(wav_info(out + "/spoken.wav").frames == j["durationMs"].get<long>() * 8);
  auto run = run_gomo({"flow", "run", flow, "-o", "json"});
  CHECK(run.exit_code == 0);

  // A recorded clip replaces espeak-ng's words for its key.
  gomo::test::write_file(out + "/clips/ar", "thousand.wav", gomo::test::wav16(8000, 1, 400, 5000));
  r = run_gomo({"flow", "render", flow, "--clips", out + "/clips", "-O", out + "/clips.wav", "-o", "json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(nlohmann::json::parse(r.out)["durationMs"].get<long>() > j["durationMs"].get<long>() + 3000);
}

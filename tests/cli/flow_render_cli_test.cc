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
  // Neither in a folder nor in the workspace (which does not exist: nothing is created).
  auto r = run_gomo({"flow", "render", flow, "-O", out + "/x.wav"}, "", {}, out);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("gomo: audio file \"greeting-audio-id\" in local workspace .gomo/workspace.db: no such audio file; "
                   "upload it (gomo audio upload) or give its folder with --audio-dir\n") != std::string::npos);
  CHECK(!std::filesystem::exists(out + "/x.wav"));
  CHECK(!std::filesystem::exists(out + "/.gomo"));
  r = run_gomo({"flow", "render", flow, "--audio-dir", out, "-O", out + "/x.wav"}, "", {}, out);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("audio file \"greeting-audio-id\" in local workspace") != std::string::npos);
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
  auto r = run_gomo({"flow", "render", flow, "-O", out + "/spoken.wav", "-o", "json"}, "", {}, out);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  // Looking for recorded clips in a workspace that does not exist says nothing about it.
  CHECK_MESSAGE(r.err.empty(), r.err);
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

TEST_CASE("cli: flow render plays the workspace's uploaded audio files, and --audio-dir comes first") {
  const std::string dir = gomo::test::scratch_dir();
  gomo::test::write_file(dir, "hello.wav", gomo::test::wav16(16000, 1, 440, 1500));
  auto up = run_gomo({"audio", "upload", "hello.wav", "-q"}, "", {}, dir);
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  const std::string id = up.out.substr(0, up.out.find('\n'));
  std::string flow = gomo::test::write_file(dir, "hello.yaml",
                                            "name: hello\ngraph:\n  startNodeId: hi\n  nodes:\n"
                                            "    - {id: hi, type: play, config: {audioItems: "
                                            "[{type: audioFile, audioId: " +
                                                id +
                                                "}]}, outputs: {onComplete: bye}}\n"
                                                "    - {id: bye, type: hangup}\n");
  auto r = run_gomo({"flow", "render", flow, "-O", "call.wav", "-o", "json"}, "", {}, dir);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(wav_info(dir + "/call.wav").frames == 1500 * 8);  // the uploaded 1.5 s, resampled to 8 kHz
  // A file of the same id in --audio-dir is heard instead (a new recording, before it is uploaded).
  const std::string folder = gomo::test::scratch_dir();
  gomo::test::write_file(folder, id + ".wav", gomo::test::wav16(8000, 1, 440, 700));
  r = run_gomo({"flow", "render", flow, "--audio-dir", folder, "-O", "call2.wav"}, "", {}, dir);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(wav_info(dir + "/call2.wav").frames == 700 * 8);
}

TEST_CASE("cli: flow render plays the account's recorded dictionary clips, without espeak-ng for them") {
  const std::string dir = gomo::test::scratch_dir();
  gomo::test::write_file(dir, "un.wav", gomo::test::wav16(8000, 1, 440, 700));
  auto created = run_gomo({"dictionaries", "create", "Nos chiffres", "--language", "fr", "-q"}, "", {}, dir);
  REQUIRE_MESSAGE(created.exit_code == 0, created.err);
  const std::string dictionary_id = created.out.substr(0, created.out.find('\n'));  // -q: the id
  REQUIRE(dictionary_id.size() == 36);
  // DICT by name; KEY as `flow run --keys` shows it for the number 1.
  auto added = run_gomo({"dictionaries", "add-clip", "Nos chiffres", "1", "un.wav", "-o", "json"}, "", {}, dir);
  REQUIRE_MESSAGE(added.exit_code == 0, added.err);
  CHECK(nlohmann::json::parse(added.out)[0]["key"] == "1");
  CHECK(added.err.find("note:") == std::string::npos);
  // A key no number or date uses is stored (word items may say it), with a note naming the key meant.
  auto word = run_gomo({"dictionaries", "add-clip", "Nos chiffres", "un", "un.wav"}, "", {}, dir);
  REQUIRE_MESSAGE(word.exit_code == 0, word.err);
  CHECK_MESSAGE(word.err.find("did you mean the key \"1\"?") != std::string::npos, word.err);
  auto entries = run_gomo({"dictionaries", "entries", "Nos chiffres", "-o", "json"}, "", {}, dir);
  REQUIRE_MESSAGE(entries.exit_code == 0, entries.err);
  CHECK(nlohmann::json::parse(entries.out).size() == 2);
  // A system dictionary is read-only: the platform refuses (409, exit 3).
  auto refused =
      run_gomo({"dictionaries", "add-clip", "System numbers and dates (French)", "1", "un.wav"}, "", {}, dir);
  CHECK(refused.exit_code == 3);
  CHECK(refused.err.find("read-only") != std::string::npos);

  // The item names the dictionary (dictionaryId null would be the system one, which has no recordings).
  std::string flow = gomo::test::write_file(dir, "one.yaml",
                                            "name: one\ngraph:\n  startNodeId: say\n  nodes:\n"
                                            "    - {id: say, type: play, config: {audioItems: "
                                            "[{type: number, value: 1, language: fr, dictionaryId: " +
                                                dictionary_id +
                                                "}]}, outputs: {onComplete: bye}}\n"
                                                "    - {id: bye, type: hangup}\n");
  auto keys = run_gomo({"flow", "run", flow, "--keys"}, "", {}, dir);
  REQUIRE_MESSAGE(keys.exit_code == 0, keys.err);
  CHECK(keys.out.find("1") != std::string::npos);
  // No espeak-ng on PATH: the one clip is recorded, so none is needed.
  auto r = run_gomo({"flow", "render", flow, "-O", "one.wav", "-o", "json"}, "", {"PATH=" + dir}, dir);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(nlohmann::json::parse(r.out)["durationMs"].get<long>() == 700);
  CHECK(wav_info(dir + "/one.wav").frames == 700 * 8);
  // Without dictionaryId the item plays the system dictionary: the recording is not heard, and with no
  // espeak-ng on PATH the render says what is missing.
  std::string system_flow = gomo::test::write_file(dir, "system.yaml",
                                                   "name: system\ngraph:\n  startNodeId: say\n  nodes:\n"
                                                   "    - {id: say, type: play, config: {audioItems: "
                                                   "[{type: number, value: 1, language: fr}]}, outputs: "
                                                   "{onComplete: bye}}\n    - {id: bye, type: hangup}\n");
  auto unrecorded = run_gomo({"flow", "render", system_flow, "-O", "two.wav"}, "", {"PATH=" + dir}, dir);
  CHECK(unrecorded.exit_code != 0);
  CHECK_MESSAGE(unrecorded.err.find("espeak-ng") != std::string::npos, unrecorded.err);
}

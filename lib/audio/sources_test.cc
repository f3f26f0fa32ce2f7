#include "audio/sources.h"

#include <doctest/doctest.h>
#include <filesystem>

#include "tests/support/test_support.h"

using namespace gomo;
using namespace gomo::audio;

TEST_CASE("audio: folder sources read audioId files and clips by dictionary, then language") {
  const std::string dir = test::scratch_dir();
  std::filesystem::create_directories(dir + "/fr");
  std::filesystem::create_directories(dir + "/d-1");
  test::write_file(dir, "greeting.mp3", "mp3 bytes");
  test::write_file(dir + "/fr", "1.wav", "fr one");
  test::write_file(dir + "/fr", "2.wav", "fr two");
  test::write_file(dir + "/d-1", "1.wav", "d-1 one");
  auto sources = files_from_dirs(dir, dir);
  CHECK(sources.audio_bytes("greeting").value() == "mp3 bytes");
  auto missing = sources.audio_bytes("nope");
  CHECK(missing.error().code() == StatusCode::kNotFound);
  CHECK(missing.error().message() == "audio file \"nope\": no " + dir + "/nope.wav (or .mp3, .ogg); put the file " +
                                         "there (--audio-dir) or upload it");
  CHECK(sources.audio_bytes("../greeting").error().code() == StatusCode::kInvalidArgument);
  // An item naming dictionary d-1 hears d-1's clip, then the language's where d-1 has none.
  CHECK(sources.clip_bytes("fr", "d-1", "1").value() == "d-1 one");
  CHECK(sources.clip_bytes("fr", "d-1", "2").value() == "fr two");
  CHECK(sources.clip_bytes("fr", "", "1").value() == "fr one");
  CHECK(sources.clip_bytes("ar", "", "1").error().code() == StatusCode::kNotFound);
  CHECK(sources.clip_bytes("fr", "..", "1").value() == "fr one");  // not a folder name: skipped
  CHECK(sources.clip_bytes("fr", "", "../fr/1").error().code() == StatusCode::kNotFound);
  // A folder where a clip would be is no clip.
  std::filesystem::create_directories(dir + "/fr/3.wav");
  CHECK(sources.clip_bytes("fr", "", "3").error().code() == StatusCode::kNotFound);

  PromptAudioOptions none = files_from_dirs("", "");
  CHECK(!none.audio_bytes);
  CHECK(!none.clip_bytes);
}

TEST_CASE("audio: first_found asks the next source only where the first has nothing") {
  int second_asked = 0;
  PromptAudioOptions first;
  first.espeak_program = "my-espeak";
  first.audio_bytes = [](const std::string& id) -> Result<std::string> {
    if (id == "here") return std::string("first");
    if (id == "broken") return Status::io_error("broken: cannot read");
    return Status::not_found(id + ": not in the folder");
  };
  PromptAudioOptions then;
  then.audio_bytes = [&](const std::string& id) -> Result<std::string> {
    ++second_asked;
    if (id == "elsewhere") return std::string("second");
    return Status::not_found(id + ": not in the account");
  };
  then.clip_bytes = [&](const std::string& language, const std::string& dictionary_id,
                        const std::string& key) -> Result<std::string> {
    return language + "|" + dictionary_id + "|" + key;
  };
  auto chained = first_found(first, then);
  CHECK(chained.espeak_program == "my-espeak");
  CHECK(chained.audio_bytes("here").value() == "first");
  CHECK(second_asked == 0);
  CHECK(chained.audio_bytes("elsewhere").value() == "second");
  CHECK(chained.audio_bytes("broken").error().message() == "broken: cannot read");  // not skipped
  CHECK(chained.audio_bytes("nowhere").error().message() == "nowhere: not in the account");
  CHECK(second_asked == 2);
  // A source only one side has is that side's.
  CHECK(chained.clip_bytes("fr", "d", "1").value() == "fr|d|1");
  CHECK(!first_found({}, {}).audio_bytes);
}

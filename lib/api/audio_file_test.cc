#include "api/audio_file.h"

#include <doctest/doctest.h>
#include <filesystem>

#include "tests/support/test_support.h"
#include "tests/support/wav_bytes.h"

using namespace gomo;

TEST_CASE("read_audio_file: a file checked as the platform checks it, before anything is sent") {
  const std::string dir = test::scratch_dir();
  const std::string wav = test::write_file(dir, "un.wav", test::silent_wav(8000, 800));
  auto good = api::read_audio_file(wav);
  REQUIRE_MESSAGE(good, good.error().message());
  CHECK(good->upload.file_name == "un.wav");
  CHECK(good->upload.content_type == "audio/wav");
  CHECK(good->upload.bytes == test::silent_wav(8000, 800));
  CHECK(good->probe.sample_rate == 8000);

  CHECK(api::read_audio_file(dir + "/missing.wav").error().message() == dir + "/missing.wav: cannot read the file");
  CHECK(api::read_audio_file(dir).error().message() == dir + ": cannot read the file");  // a folder
  const std::string empty = test::write_file(dir, "empty.wav", "");
  CHECK(api::read_audio_file(empty).error().message() == empty + ": the file is empty");
  const std::string text = test::write_file(dir, "notes.txt", "not a sound at all");
  CHECK(api::read_audio_file(text).error().message().find(text + ": not a WAV, MP3 or OGG audio file") == 0);
  // Over the limit: refused by its size, never read (a sparse file costs no disk).
  const std::string big = test::write_file(dir, "big.wav", "RIFF");
  std::filesystem::resize_file(big, api::kMaxAudioBytes + 1);
  CHECK(api::read_audio_file(big).error().message() ==
        big + ": " + std::to_string(api::kMaxAudioBytes + 1) + " bytes, over the 10 MB limit");
}

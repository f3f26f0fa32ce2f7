#include "audio/samples.h"

#include <doctest/doctest.h>

#include "audio/resample.h"
#include "tests/support/audio_files.h"

using namespace gomo;
using namespace gomo::audio;

namespace {

// A 1 kHz tone decoded to 8 kHz: about 8000 samples a second and 2000 zero crossings a second
// (counted over the middle half second, away from any filter's edges).
void check_1khz_second(const Samples& s, size_t tolerance_samples) {
  CHECK(s.size() + tolerance_samples >= 8000);
  CHECK(s.size() <= 8000 + tolerance_samples);
  REQUIRE(s.size() >= 6000);
  int crossings = test::zero_crossings(s, 2000, 6000);
  CHECK(crossings >= 996);
  CHECK(crossings <= 1004);
  CHECK(test::rms(Samples(s.begin() + 2000, s.begin() + 6000)) > 8000);  // 0.5 full scale: rms ~11585
}

}  // namespace

TEST_CASE("audio: a 44.1 kHz stereo WAV decodes to 8 kHz mono with its tone and length") {
  auto bytes = test::wav16(44100, 2, 1000, 1000);
  REQUIRE(!bytes.empty());
  auto s = decode_audio(bytes, "stereo.wav");
  REQUIRE_MESSAGE(s.has_value(), (s ? "" : s.error().message()));
  CHECK(s->size() == 8000);
  check_1khz_second(*s, 0);
}

TEST_CASE("audio: an 8 kHz mono WAV decodes to the same samples") {
  auto bytes = test::wav16(8000, 1, 440, 250);
  auto s = decode_audio(bytes, "mono.wav");
  REQUIRE(s.has_value());
  REQUIRE(s->size() == 2000);
  // Written through float at half scale: the 16-bit samples come back within one step.
  auto again = decode_audio(bytes, "mono.wav");
  CHECK(*again == *s);
  CHECK(test::rms(*s) > 8000);
}

TEST_CASE("audio: OGG Vorbis and MP3 decode when this libsndfile has them") {
  // Debian bookworm's libsndfile 1.2 reads and writes both (libvorbis, libmpg123 and LAME).
  for (auto [name, format] : {std::pair{"ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS},
                              std::pair{"mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III}}) {
    CAPTURE(name);
    if (!can_decode(name)) {
      MESSAGE("this libsndfile cannot decode " << name << ": not tested");
      continue;
    }
    auto bytes = test::tone_file(format, 44100, 1, 1000, 1000);
    REQUIRE(!bytes.empty());
    auto s = decode_audio(bytes, name);
    REQUIRE_MESSAGE(s.has_value(), (s ? "" : s.error().message()));
    // MP3 frames pad the end (up to one 1152-sample frame at 44.1 kHz: ~210 samples at 8 kHz).
    check_1khz_second(*s, 400);
  }
}

TEST_CASE("audio: bytes that are not audio fail naming the file and the formats") {
  auto s = decode_audio("this is not a WAV file at all, just text", "greeting");
  REQUIRE(!s.has_value());
  CHECK(s.error().message().starts_with("greeting: not audio gomo can read ("));
  CHECK(s.error().message().ends_with("use WAV, MP3 or OGG"));
  CHECK(decode_audio("", "x").error().message() == "x: the audio file is empty");
}

TEST_CASE("audio: the resampler keeps a tone's frequency and the length, and removes what 8 kHz cannot carry") {
  for (int rate : {22050, 16000, 11025, 48000, 44100, 44099}) {
    CAPTURE(rate);
    std::vector<float> in(static_cast<size_t>(rate)), high(static_cast<size_t>(rate));
    for (size_t i = 0; i < in.size(); ++i) {
      in[i] = static_cast<float>(0.5 * std::sin(2 * 3.14159265358979323846 * 1000 * static_cast<double>(i) / rate));
      high[i] = static_cast<float>(0.5 * std::sin(2 * 3.14159265358979323846 * 5000 * static_cast<double>(i) / rate));
    }
    auto out = resample(in, rate, 8000);
    CHECK(out.size() == 8000);
    check_1khz_second(out, 0);
    // 5 kHz is above 8 kHz's Nyquist frequency: filtered out, not folded down to 3 kHz.
    auto folded = resample(high, rate, 8000);
    CHECK(test::rms(Samples(folded.begin() + 2000, folded.begin() + 6000)) < 200);
  }
  auto up = resample(std::vector<float>(4000, 0.25f), 4000, 8000);
  CHECK(up.size() == 8000);
  CHECK(up[4000] == 8192);  // DC gain 1: 0.25 of 32768
}

TEST_CASE("audio: write_wav writes 8 kHz mono PCM that reads back sample for sample") {
  std::string dir = test::scratch_dir();
  Samples s = tone(1000, 300);
  REQUIRE(s.size() == 2400);
  REQUIRE(write_wav(dir + "/t.wav", s));
  auto back = decode_audio(test::read_file(dir + "/t.wav"), "t.wav");
  REQUIRE(back.has_value());
  CHECK(*back == s);
  REQUIRE(write_wav(dir + "/empty.wav", {}));
  auto empty = decode_audio(test::read_file(dir + "/empty.wav"), "empty.wav");
  REQUIRE(empty.has_value());
  CHECK(empty->empty());
  Status bad = write_wav(dir + "/no/such/dir/x.wav", s);
  CHECK(bad.message().starts_with(dir + "/no/such/dir/x.wav: cannot write the WAV file ("));
}

TEST_CASE("audio: silence and tone have exact lengths") {
  CHECK(silence(1234).size() == 9872);
  CHECK(silence(0).empty());
  CHECK(silence(-5).empty());
  Samples t = tone(1000, 500);
  CHECK(t.size() == 4000);
  CHECK(t.front() == 0);
  CHECK(test::zero_crossings(t, 0, t.size()) >= 995);
  CHECK(samples_for(7) == 56);
  CHECK(millis_of(57) == 7);
}

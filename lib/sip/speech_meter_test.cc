#include "sip/speech_meter.h"

#include <doctest/doctest.h>

#include <vector>

namespace gomo::sip {

TEST_CASE("speech meter: silence ends the recording after the silence timeout from the start") {
  engine::RecordRequest request;
  request.max_duration_ms = 60000;
  request.silence_timeout_ms = 3000;
  SpeechMeter meter(request);
  std::vector<int16_t> quiet(8000, 30);  // 1 s of line noise
  meter.add(quiet, 0);
  CHECK(meter.spoken_ms() == 0);
  CHECK(meter.end_ms() == 3000);
}

TEST_CASE("speech meter: speech counts in 20 ms frames and moves the end") {
  engine::RecordRequest request;
  request.max_duration_ms = 60000;
  request.silence_timeout_ms = 2000;
  SpeechMeter meter(request);
  std::vector<int16_t> loud(8000);  // 1 s of a square wave at +-4000
  for (size_t i = 0; i < loud.size(); ++i) loud[i] = (i / 10) % 2 ? 4000 : -4000;
  meter.add(loud, 500);
  CHECK(meter.spoken_ms() == 1000);
  CHECK(meter.end_ms() == 1500 + 2000);
}

TEST_CASE("speech meter: the maximum duration caps the end") {
  engine::RecordRequest request;
  request.max_duration_ms = 1000;
  request.silence_timeout_ms = 5000;
  SpeechMeter meter(request);
  CHECK(meter.end_ms() == 1000);
}

}  // namespace gomo::sip

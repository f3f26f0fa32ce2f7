#include "api/wire_programs.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "api/audio_probe.h"
#include "api/validate_programs.h"

namespace gomo::api {

using nlohmann::json;

TEST_CASE("wire: retry strategies in the program and call-request spellings convert both ways") {
  RetryStrategy fixed;
  fixed.type = "fixed_delay";
  fixed.delay_ms = 30 * 60000;
  fixed.max_retries = 3;
  CHECK(wire::program_retry_json(fixed) == json::parse(R"({"type":"fixed_delay","delayMinutes":30,"maxRetries":3})"));
  CHECK(wire::call_request_retry_json(fixed) ==
        json::parse(R"({"type":"fixed-delay","delay":1800000,"maxRetries":3})"));
  CHECK(wire::decode_retry(wire::call_request_retry_json(fixed)) == fixed);
  CHECK(wire::decode_retry(wire::program_retry_json(fixed)) == fixed);
  RetryStrategy scheduled;
  scheduled.type = "scheduled";
  scheduled.dates = {"2026-03-02T09:00:00Z"};
  CHECK(wire::program_retry_json(scheduled)["retryDates"] == json::array({"2026-03-02T09:00:00Z"}));
  CHECK(wire::call_request_retry_json(scheduled)["dates"] == json::array({"2026-03-02T09:00:00Z"}));
  CHECK(wire::decode_retry(wire::call_request_retry_json(scheduled)) == scheduled);
}

TEST_CASE("wire: program and call-request bodies refuse undocumented and mistyped members, by path") {
  auto ok = wire::parse_program(json::parse(
      R"({"name":"P","audienceId":"a","flowId":"f","retryStrategy":{"type":"fixed_delay","delayMinutes":5,"maxRetries":2},
          "pauseWindows":{"monday":[{"startAt":{"hour":18,"minute":0},"endAt":{"hour":9,"minute":0}}]},
          "autoPauseRules":[{"nodeId":"n","threshold":3,"resetOnResume":true}]})"));
  REQUIRE(ok);
  CHECK(ok->retry_strategy->delay_ms == 5 * 60000);
  CHECK(ok->pause_windows->days.at("monday").at(0).start_at.hour == 18);
  CHECK(ok->auto_pause_rules->at(0).reset_on_resume);

  auto bad = wire::parse_program(json::parse(
      R"({"name":1,"mode":"batch","retryStrategy":{"type":"fixed_delay","delay":5,"maxRetries":2},
          "pauseWindows":{"someday":[]}})"));
  REQUIRE_FALSE(bad);
  const auto& f = bad.error().field_errors;
  CHECK(f.at("name").at(0) == "name must be a string");
  CHECK(f.at("mode").at(0) == "property mode should not exist");
  CHECK(f.at("retryStrategy.delay").at(0) == "property delay should not exist");  // the call-request spelling
  CHECK(f.count("retryStrategy.delayMinutes"));
  CHECK(f.count("pauseWindows.someday"));

  auto call = wire::parse_call_request(json::parse(
      R"({"didId":"d","contactId":"c","flowId":"f","retry":{"type":"fixed_delay","delayMinutes":5,"maxRetries":1}})"));
  REQUIRE_FALSE(call);
  CHECK(call.error().field_errors.count("retry.type"));  // call requests spell it fixed-delay
  auto missing = wire::parse_call_request(json::parse(R"({"fromNumber":"+212600000000"})"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().field_errors.count("fromNumber"));
  CHECK(missing.error().field_errors.at("didId").at(0) == "didId should not be empty");
  CHECK(missing.error().field_errors.count("retry"));
}

TEST_CASE("validate: ISO instants need a timezone; programs check UUIDs, order and enums") {
  CHECK(parse_iso_instant_ms("1970-01-01T00:00:01Z") == 1000);
  CHECK(parse_iso_instant_ms("1970-01-01T01:00:00+01:00") == 0);
  CHECK(parse_iso_instant_ms("2024-02-29T12:00:00.250Z"));
  CHECK_FALSE(parse_iso_instant_ms("2023-02-29T12:00:00Z"));
  CHECK_FALSE(parse_iso_instant_ms("2026-03-01T09:00:00"));
  CHECK_FALSE(parse_iso_instant_ms("2026-03-01"));
  CHECK(format_iso_instant_ms(1000) == "1970-01-01T00:00:01.000Z");
  CHECK(is_uuid("00000000-0000-4000-8000-000000000000"));
  CHECK_FALSE(is_uuid("not-a-uuid"));

  ProgramFields p;
  p.name = "P";
  p.audience_id = "x";
  p.start_at = "2026-03-02T09:00:00Z";
  p.stop_at = "2026-03-01T09:00:00Z";
  p.status = "active";
  p.did_pool = std::vector<std::string>{"0600000000"};
  auto e = validate_program(p, true);
  REQUIRE(e);
  CHECK(e->field_errors.at("audienceId").at(0) == "audienceId must be a UUID");
  CHECK(e->field_errors.at("flowId").at(0) == "flowId should not be empty");
  CHECK(e->field_errors.at("stopAt").at(0) == "stopAt must be after startAt");
  CHECK(e->field_errors.count("status"));
  CHECK(e->field_errors.count("didPool.0"));
}

TEST_CASE("audio_probe: WAV shape and duration, MP3 and OGG by content, anything else refused") {
  std::string wav = "RIFF....WAVEfmt ";
  auto le = [&](unsigned v, int n) {
    for (int i = 0; i < n; ++i) wav += static_cast<char>((v >> (8 * i)) & 0xFF);
  };
  le(16, 4);
  le(1, 2);
  le(2, 2);
  le(16000, 4);
  le(64000, 4);
  le(4, 2);
  le(16, 2);
  wav += "data";
  le(32000, 4);
  wav += std::string(32000, '\0');
  auto p = probe_audio(wav);
  REQUIRE(p.probe);
  CHECK(p.probe->format == "wav");
  CHECK(p.probe->sample_rate == 16000);
  CHECK(p.probe->channels == 2);
  CHECK(p.probe->pcm);
  CHECK(*p.probe->duration_seconds == doctest::Approx(0.5));
  CHECK(probe_audio("ID3\x04rest").probe->format == "mp3");
  CHECK(probe_audio("OggSrest").probe->mime_type == "audio/ogg");
  CHECK(probe_audio("hello").error == "not a WAV, MP3 or OGG audio file");
  CHECK(probe_audio("").error == "the file is empty");
  CHECK(probe_audio(wav.substr(0, 30)).error == "WAV fmt chunk is truncated");
}

}  // namespace gomo::api

namespace gomo::api {
namespace {

TEST_CASE("wire readers: absent or null members default; a wrongly typed one is refused, not read as zero") {
  auto d = wire::decode_did(nlohmann::json{{"id", "d1"}, {"number", "+212520000101"}, {"description", nullptr}});
  CHECK(d.id == "d1");
  CHECK_FALSE(d.description);
  CHECK_FALSE(d.is_shared);
  CHECK_THROWS_AS(wire::decode_did(nlohmann::json{{"id", "d1"}, {"isShared", "yes"}}), nlohmann::json::type_error);
  CHECK_THROWS_AS(wire::decode_did(nlohmann::json{{"id", 7}}), nlohmann::json::type_error);
}

}  // namespace
}  // namespace gomo::api

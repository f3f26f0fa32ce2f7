#include "engine/scripted_softphone.h"

#include <doctest/doctest.h>

#include "document/document.h"

using namespace gomo;
using namespace gomo::engine;

TEST_CASE("softphone script: parses steps and reports errors with positions") {
  auto doc = document::read_yaml(
      "s.yaml",
      "answer: human\nanswerAfter: 1500\nsteps:\n  - press: '1'\n  - {press: 12#, delay: 300}\n  - silence: true\n  - speak: 4000\n  - hangUp: true\n");
  auto s = parse_softphone_script(doc->root, "s.yaml");
  REQUIRE(s.has_value());
  CHECK(s->answer_after_ms == 1500);
  REQUIRE(s->steps.size() == 5);
  CHECK(s->steps[1].keys == "12#");
  CHECK(s->steps[1].delay_ms == 300);
  CHECK(s->steps[3].speak_ms == 4000);

  auto bad = document::read_yaml("s.yaml", "answer: humn\n");
  auto e = parse_softphone_script(bad->root, "s.yaml");
  REQUIRE_FALSE(e.has_value());
  CHECK(e.error().message() ==
        "s.yaml:1:9: `answer` must be one of human, machine, busy, rejected, no-answer, error; did you mean human?");
  auto bad_keys = document::read_yaml("s.yaml", "steps:\n  - press: '1a'\n");
  CHECK(parse_softphone_script(bad_keys->root, "s.yaml").error().message().find("s.yaml:2:12:") == 0);
}

TEST_CASE("softphone: --press lists") {
  auto steps = steps_from_presses("1,,12#,-");
  REQUIRE(steps.size() == 4);
  CHECK(steps[0].keys == "1");
  CHECK(steps[1].kind == ScriptStep::Kind::kSilence);
  CHECK(steps[2].keys == "12#");
  CHECK(steps[3].kind == ScriptStep::Kind::kSilence);
}

TEST_CASE("softphone: slow presses time out, hangUpAfter cuts a prompt") {
  SoftphoneScript s;
  s.steps = {ScriptStep{ScriptStep::Kind::kPress, "1", 6000, 0}};
  ScriptedSoftphone phone(s);
  DigitRequest req;
  req.timeout_ms = 5000;
  auto r = phone.collect_digits(req);
  CHECK(r.digits.empty());
  CHECK(r.elapsed_ms == 5000);

  SoftphoneScript h;
  h.hang_up_after_ms = 1000;
  ScriptedSoftphone phone2(h);
  Prompt p;
  p.parts.push_back(PromptPart{PromptPart::Kind::kAudio, "x", {}, "", "", 3000, {}});
  auto pr = phone2.play(p);
  CHECK(pr.hung_up);
  CHECK(pr.elapsed_ms == 1000);
}

TEST_CASE("softphone: fail and hangUp steps aimed at a kind of event wait for it") {
  auto doc = document::read_yaml("s.yaml", "steps:\n  - {fail: true, at: record}\n");
  auto s = parse_softphone_script(doc->root, "s.yaml");
  REQUIRE(s.has_value());
  ScriptedSoftphone phone(s.value());
  Prompt p;
  p.parts.push_back(PromptPart{PromptPart::Kind::kAudio, "x", {}, "", "", 1000, {}});
  CHECK_FALSE(phone.play(p).failed);
  DigitRequest keypad;
  CHECK_FALSE(phone.collect_digits(keypad).failed);
  CHECK(phone.record(RecordRequest{}).failed);
  auto bad = document::read_yaml("s.yaml", "steps:\n  - {fail: true, at: dial}\n");
  CHECK(parse_softphone_script(bad->root, "s.yaml").error().message() ==
        "s.yaml:2:22: `at` must be prompt, keypad or record");
}

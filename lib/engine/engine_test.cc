#include "engine/engine.h"

#include <doctest/doctest.h>

#include "engine/scripted_softphone.h"

using namespace gomo;
using namespace gomo::engine;

namespace {

struct Run {
  std::unique_ptr<document::Document> doc;
  model::Flow flow;
  CallReport report;
  std::string path() const {
    std::string out;
    for (const auto& p : report.path)
      out += (out.empty() ? "" : " ") + std::string(p.node_id) + (p.output_path.empty() ? "" : ":" + p.output_path);
    return out;
  }
  std::string var(const std::string& name) const {
    auto it = report.final_variables.find(name);
    return it == report.final_variables.end() ? "<unset>" : it->second.text();
  }
  std::string played() const {
    std::string out;
    for (const auto& e : report.events)
      if (e.kind == CallEvent::Kind::kPlay) out += (out.empty() ? "" : " | ") + e.text;
    return out;
  }
};

Run run(const std::string& yaml, SoftphoneScript script = {}, Contact contact = {}, EngineOptions options = {}) {
  Run r;
  r.doc = document::read_yaml("f.yaml", yaml);
  REQUIRE(r.doc->parsed);
  r.flow = model::build_flow(*r.doc);
  ScriptedSoftphone phone(std::move(script));
  r.report = run_call(r.flow, contact, phone, options);
  return r;
}

SoftphoneScript answering(Answer a, std::vector<ScriptStep> steps = {}) {
  SoftphoneScript s;
  s.answer = a;
  s.steps = std::move(steps);
  return s;
}

const char* kDial = R"(startNodeId: dial
nodes:
  - id: dial
    type: dial
    config: {timeout: 20000, enableAMD: true}
    outputs: {onAnswer: hi, onVoicemail: vm, onBusy: busy, default: other}
  - {id: hi, type: play, config: {audioItems: [{type: audioFile, audioId: hello}]}, outputs: {onComplete: end}}
  - {id: vm, type: hangup, config: {reason: voicemail, hangupType: voicemail}}
  - {id: busy, type: hangup, config: {reason: busy, hangupType: busy}}
  - {id: other, type: hangup, config: {reason: other}}
  - {id: end, type: hangup, config: {reason: completed, hangupType: normal}}
)";

}  // namespace

TEST_CASE("engine: dial outcomes route to their outputs, default catches the rest") {
  auto human = run(kDial, answering(Answer::kHuman));
  CHECK(human.path() == "dial:onAnswer hi:onComplete end");
  CHECK(human.report.outcome == "completed");
  CHECK(human.report.reached_hangup);
  CHECK(human.report.duration_ms == 2000 + 3000);
  CHECK(human.played() == "audio hello");

  auto machine = run(kDial, answering(Answer::kMachine));
  CHECK(machine.path() == "dial:onVoicemail vm");
  CHECK(machine.report.outcome == "voicemail");
  CHECK(machine.report.answered_by == "machine");

  CHECK(run(kDial, answering(Answer::kBusy)).path() == "dial:onBusy busy");
  auto rejected = run(kDial, answering(Answer::kRejected));
  CHECK(rejected.path() == "dial:default other");
  CHECK(rejected.report.outcome == "rejected");
  auto none = run(kDial, answering(Answer::kNoAnswer));
  CHECK(none.path() == "dial:default other");
  CHECK(none.report.outcome == "no_answer");
  CHECK(none.report.duration_ms == 20000);  // the ring timeout
  SoftphoneScript slow = answering(Answer::kHuman);
  slow.answer_after_ms = 25000;  // answers after the ring timeout: no answer
  CHECK(run(kDial, slow).report.outcome == "no_answer");
  CHECK(run(kDial, answering(Answer::kError)).report.outcome == "failed");
}

TEST_CASE("engine: with AMD off a machine answer is an answer") {
  std::string flow = kDial;
  flow.replace(flow.find("enableAMD: true"), 15, "enableAMD: false");
  auto r = run(flow, answering(Answer::kMachine));
  CHECK(r.path() == "dial:onAnswer hi:onComplete end");
  CHECK(r.report.answered_by == "unknown");
}

TEST_CASE("engine: a missing output without default ends the call without hangup") {
  auto r = run(
      "startNodeId: p\nnodes:\n  - {id: p, type: play, config: {audioItems: [{type: audioFile, audioId: a}]}, outputs: {onEnd: x}}\n  - {id: x, type: hangup}\n");
  CHECK_FALSE(r.report.reached_hangup);
  CHECK(r.report.outcome == "failed");
  CHECK(r.report.outcome_reason == "flow ended without hangup at p: no `onComplete` output and no `default`");
}

const char* kMenu = R"(startNodeId: menu
nodes:
  - id: menu
    type: dtmf
    config:
      variable: choice
      timeout: 4000
      singleDigitConfig: {allowedDigits: ["1", "2", "9"]}
      retry: {maxRetries: 2}
      promptAudioItems: [{type: tts, text: "Press 1 or 2"}]
    outputs:
      branches: {"1": one, "2": two}
      onSuccess: other
      onInvalid: sorry
      onMaxRetries: bye
  - {id: sorry, type: play, config: {audioItems: [{type: tts, text: "Sorry"}]}, outputs: {onComplete: menu}}
  - {id: one, type: hangup}
  - {id: two, type: hangup}
  - {id: other, type: hangup}
  - {id: bye, type: hangup}
)";

TEST_CASE("engine: dtmf branches, onSuccess, invalid input re-prompts, then onMaxRetries") {
  auto one = run(kMenu, answering(Answer::kHuman, steps_from_presses("1")));
  CHECK(one.path() == "menu:branches.1 one");
  CHECK(one.var("choice") == "1");
  CHECK(run(kMenu, answering(Answer::kHuman, steps_from_presses("9"))).path() == "menu:onSuccess other");
  auto invalid_then_ok = run(kMenu, answering(Answer::kHuman, steps_from_presses("5,2")));
  CHECK(invalid_then_ok.path() == "menu:onInvalid sorry:onComplete menu:branches.2 two");
  auto exhausted = run(kMenu, answering(Answer::kHuman, steps_from_presses("5,5,5")));
  CHECK(exhausted.path() == "menu:onInvalid sorry:onComplete menu:onInvalid sorry:onComplete menu:onMaxRetries bye");
  // No onTimeout output: silence re-prompts in place, then onMaxRetries.
  auto silent = run(kMenu, answering(Answer::kHuman));
  CHECK(silent.path() == "menu:onMaxRetries bye");
  CHECK(silent.report.duration_ms == 3 * (4000 + 65 * 12));
}

TEST_CASE("engine: multi-digit input with terminator and limits") {
  const char* flow = R"(startNodeId: pin
nodes:
  - id: pin
    type: dtmf
    config: {mode: multi_digit, variable: pin, timeout: 3000, multiDigitConfig: {minDigits: 4, maxDigits: 6, terminator: "#"}}
    outputs: {onSuccess: ok, onInvalid: bad, onTimeout: bad}
  - {id: ok, type: hangup}
  - {id: bad, type: hangup}
)";
  auto ok = run(flow, answering(Answer::kHuman, steps_from_presses("1234#")));
  CHECK(ok.path() == "pin:onSuccess ok");
  CHECK(ok.var("pin") == "1234");
  CHECK(run(flow, answering(Answer::kHuman, steps_from_presses("12#"))).path() == "pin:onInvalid bad");
  CHECK(run(flow, answering(Answer::kHuman)).path() == "pin:onTimeout bad");
}

TEST_CASE("engine: record, condition, set_variable, number and date items, templating") {
  const char* flow = R"(startNodeId: rec
nodes:
  - {id: rec, type: record, config: {variable: comment, maxDurationMs: 30000, silenceTimeoutMs: 2000}, outputs: {onComplete: setv, onTimeout: setv}}
  - {id: setv, type: set_variable, config: {variable: greeting, value: {source: literal, value: Bonjour}}, outputs: {onSuccess: cond}}
  - id: cond
    type: condition
    config:
      all:
        - {left: {source: customAttribute, attributeName: balance}, operator: gt, right: 0}
        - {left: {source: variable, name: comment}, operator: is_not_empty}
    outputs: {onTrue: say, onFalse: end, onError: end}
  - id: say
    type: play
    config:
      audioItems:
        - {type: tts, text: "{greeting} {contact.firstName}, votre solde est de"}
        - {type: number, value: {source: customAttribute, attributeName: balance}, language: fr}
        - {type: date, value: "2026-03-01", language: fr}
    outputs: {onComplete: end}
  - {id: end, type: hangup, config: {reason: done}}
)";
  Contact c;
  c.fields["firstName"] = "Amina";
  c.attributes["balance"] = 1250.0;
  SoftphoneScript s = answering(Answer::kHuman, {ScriptStep{ScriptStep::Kind::kSpeak, "", 0, 4000}});
  auto r = run(flow, s, c);
  CHECK(r.path() == "rec:onComplete setv:onSuccess cond:onTrue say:onComplete end");
  CHECK(r.var("comment") == "recording:call-1/rec.wav");
  CHECK(r.var("greeting") == "Bonjour");
  CHECK(r.played() ==
        "Bonjour Amina, votre solde est de | mille deux cent cinquante | premier mars deux mille vingt six");
  auto silent = run(flow, answering(Answer::kHuman), c);
  CHECK(silent.path() == "rec:onTimeout setv:onSuccess cond:onFalse end");
  c.attributes["balance"] = "not a number";
  CHECK(run(flow, s, c).path() == "rec:onComplete setv:onSuccess cond:onError end");
}

TEST_CASE("engine: loop guard and callee hang-up") {
  const char* loop =
      "startNodeId: a\nnodes:\n  - {id: a, type: play, config: {audioItems: [{type: audioFile, audioId: x}]}, outputs: {onComplete: a}}\n";
  EngineOptions opts;
  opts.max_node_visits = 10;
  auto r = run(loop, {}, {}, opts);
  CHECK(r.report.outcome == "failed");
  CHECK(r.report.outcome_reason.find("loop guard") == 0);
  CHECK(r.report.visits_of("a") == 10);

  auto hang = run(kMenu, answering(Answer::kHuman, {ScriptStep{ScriptStep::Kind::kHangUp, "", 0, 0}}));
  CHECK(hang.report.outcome == "failed");
  CHECK_FALSE(hang.report.reached_hangup);
}

TEST_CASE("engine: sys variables and voicemail with AMD") {
  const char* flow = R"(startNodeId: s
nodes:
  - {id: s, type: set_variable, config: {variable: who, value: {source: system, name: sys.contactPhone}}, outputs: {onSuccess: e}}
  - {id: e, type: hangup}
)";
  Contact c;
  c.phone = "+212612345678";
  auto r = run(flow, {}, c);
  CHECK(r.var("who") == "+212612345678");
  CHECK(r.report.outcome == "completed");
}

TEST_CASE("engine: a fail step is a system error: play, dtmf and record take onError") {
  const char* flow = R"(startNodeId: p
nodes:
  - {id: p, type: play, config: {audioItems: [{type: audioFile, audioId: a}]}, outputs: {onComplete: d, onError: e1}}
  - {id: d, type: dtmf, outputs: {branches: {"1": r}, onError: e2}}
  - {id: r, type: record, outputs: {onComplete: ok, onTimeout: ok, onError: e3}}
  - {id: ok, type: hangup}
  - {id: e1, type: hangup}
  - {id: e2, type: hangup}
  - {id: e3, type: hangup}
)";
  const ScriptStep fail{ScriptStep::Kind::kFail, "", 0, 0};
  CHECK(run(flow, answering(Answer::kHuman, {fail})).path() == "p:onError e1");
  CHECK(run(flow, answering(Answer::kHuman, {ScriptStep{ScriptStep::Kind::kPress, "1", 800, 0}, fail})).path() ==
        "p:onComplete d:branches.1 r:onError e3");
  auto at_keypad = run(flow, answering(Answer::kHuman, {ScriptStep{ScriptStep::Kind::kSilence, "", 0, 0}}));
  CHECK(at_keypad.path() == "p:onComplete d:onTimeout");  // no onTimeout: the call ends there
}

TEST_CASE("engine: an answer node starts an inbound call") {
  const char* flow = R"(startNodeId: in
nodes:
  - {id: in, type: answer, outputs: {onSuccess: who}}
  - {id: who, type: set_variable, config: {variable: dir, value: {source: system, name: sys.callDirection}}, outputs: {onSuccess: bye}}
  - {id: bye, type: hangup, config: {reason: done}}
)";
  auto r = run(flow);
  CHECK(r.path() == "in:onSuccess who:onSuccess bye");
  CHECK(r.var("dir") == "inbound");
  CHECK(r.report.outcome == "completed");
  CHECK(r.report.answered_by == "human");
}

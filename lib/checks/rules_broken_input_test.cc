// Every rule must tolerate broken documents: wrong types, missing configs, odd ids. The schema
// reports the shape; the other rules skip what they cannot read, and never crash.
#include <doctest/doctest.h>

#include "checks/registry.h"
#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("rules: broken documents never crash a rule, and every finding has a position") {
  checks::ValidateOptions options;
  options.check.target = checks::Target::kGomobile;
  options.check.has_audio_catalog = true;
  options.check.audio_ids = {"a"};
  options.check.has_attribute_catalog = true;
  options.check.attribute_names = {"b"};
  const char* docs[] = {
      "[]",
      "42",
      "graph: 3",
      "graph: {}",
      "startNodeId: 5\nnodes: 7\n",
      "startNodeId: a\nnodes: [1, null, [], {}]\n",
      "startNodeId: a\nnodes: {a: 1, b: [], c: {id: 5, type: play}}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: dial, config: 3, outputs: [x]}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: dial, config: {enableAMD: maybe}, outputs: {onVoicemail: 4, onAnswer: a}}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: dtmf, config: {mode: 3, singleDigitConfig: 4, multiDigitConfig: x}, outputs: {branches: [1]}}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: dtmf, config: {mode: multi_digit, multiDigitConfig: {minDigits: x, maxDigits: -1, terminator: 5}}, outputs: {branches: {'': a, '#': 3}}}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: dtmf, config: {singleDigitConfig: {allowedDigits: [1, null]}}, outputs: {branches: {'1': a}}}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: play, config: {audioItems: {type: tts}, audioId: [1]}, outputs: {onComplete: a}}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: play, config: {audioItems: [3, {type: tts, text: 5}, {type: tts, text: '{'}, {type: audioFile, audioId: {x: 1}}]}}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: condition, config: {all: 3}}\n  - {id: b, type: condition, config: {any: [1, {all: []}, {operator: 5}, {operator: in, right: {source: literal}}]}}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: condition, config: {left: {source: variable, name: 3}, operator: gt, right: {source: literal, value: [1]}}}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: set_variable, config: {variable: [sys.x], value: {source: variable, name: {}}}}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: record, config: {variable: 'sys.'}, outputs: {default: a}}\n",
      "startNodeId: a\nnodes:\n  - {id: a, type: hangup, label: 3, outputs: 4}\n  - {id: a, type: hangup}\n  - {id: '', type: play}\n",
      "startNodeId: a\nnodes:\n  a: {id: [1], type: play, outputs: {onComplete: a}}\n  b: {id: a, type: play, outputs: {onComplete: b}}\n",
  };
  for (const char* text : docs) {
    INFO(text);
    auto diags = test::check_flow(text, "flow.yaml", options);
    for (const auto& d : diags) {
      INFO(d.rule << ": " << d.message);
      CHECK(checks::find_rule(d.rule) != nullptr);
      CHECK(d.location.line > 0);
    }
  }
}

#pragma once
// A callee that follows a script: how it answers, which keys it presses at each prompt, how long it
// speaks when recorded, when it hangs up. Scripts are YAML/JSON (schemas/softphone.schema.json) or
// built from quick flags (--answer, --busy, --press 1,2 ...).
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "engine/softphone.h"

namespace gomo::document {
struct Value;
}

namespace gomo::engine {

// One thing the callee does at the next digit collection, recording or prompt.
struct ScriptStep {
  enum class Kind : uint8_t { kPress, kSilence, kSpeak, kHangUp, kFail } kind = Kind::kPress;
  std::string keys;       // kPress: "1", "12#"
  Millis delay_ms = 800;  // kPress: before the first key (and between keys); kSpeak: 0
  Millis speak_ms = 0;    // kSpeak: talking time
  // kHangUp and kFail: where they take effect; other events pass them by. kAny = the very next one.
  enum class At : uint8_t { kAny, kPrompt, kKeypad, kRecord } at = At::kAny;
};

struct SoftphoneScript {
  Answer answer = Answer::kHuman;
  Millis answer_after_ms = 2000;
  std::vector<ScriptStep> steps;  // consumed in order; when none are left the callee stays silent
  Millis hang_up_after_ms = -1;   // hang up this long after answering (-1 = never)
};

// Reads a script document (see schemas/softphone.schema.json). Errors name file:line:col.
Result<SoftphoneScript> parse_softphone_script(const document::Value& root, const std::string& path);
Result<SoftphoneScript> load_softphone_script(const std::string& path);
// Steps from a --press list: "1,2" or "1 2" (each item one collection), "-" or "" items are silence.
std::vector<ScriptStep> steps_from_presses(const std::string& list);

class ScriptedSoftphone : public Softphone {
 public:
  explicit ScriptedSoftphone(SoftphoneScript script) : script_(std::move(script)) {}
  RingReply ring(const CallSetup& call, Millis ring_timeout_ms, bool amd) override;
  PlayReply play(const Prompt& prompt) override;
  DigitReply collect_digits(const DigitRequest& request) override;
  RecordReply record(const RecordRequest& request) override;
  void hang_up(const std::string& reason) override;

  // Steps not consumed by the end of the call (a test may want to know).
  size_t steps_left() const { return script_.steps.size() - next_; }

 private:
  // The next step for an event of kind `at`: a hangUp/fail step aimed at another kind is left for later.
  const ScriptStep* next_step(ScriptStep::At at);
  bool time_to_hang_up(Millis more);
  SoftphoneScript script_;
  size_t next_ = 0;
  Millis talk_ms_ = 0;  // time since answering
  bool hung_up_ = false;
};

}  // namespace gomo::engine

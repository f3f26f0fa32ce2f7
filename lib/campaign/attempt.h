#pragma once
// What the execution dialer and the call-request dialer share about one placed call: the engine's
// contact built from the claimed one, a softphone wrapper that notes the ring time, and the attempt
// record filled from the engine's report.
#include <string>

#include "api/dialing.h"
#include "campaign/clock.h"
#include "engine/engine.h"
#include "engine/softphone.h"

namespace gomo::campaign {

// Passes everything to `inner` and notes how long the last ring lasted (capped at its timeout): the
// attempt's answeredAt is start + ring_ms. REQUIRES: `inner` outlives the timer.
class RingTimer : public engine::Softphone {
 public:
  explicit RingTimer(engine::Softphone& inner) : inner_(inner) {}
  engine::RingReply ring(const engine::CallSetup& call, engine::Millis timeout, bool amd) override;
  engine::PlayReply play(const engine::Prompt& p) override { return inner_.play(p); }
  engine::DigitReply collect_digits(const engine::DigitRequest& r) override { return inner_.collect_digits(r); }
  engine::RecordReply record(const engine::RecordRequest& r) override { return inner_.record(r); }
  void hang_up(const std::string& reason) override { inner_.hang_up(reason); }
  bool caller_hung_up() const override { return inner_.caller_hung_up(); }
  engine::Millis ring_ms = 0;

 private:
  engine::Softphone& inner_;
};

// The engine's contact for `due`: the standard contact fields (firstName, ..., company) as fields, the
// rest as custom attributes.
engine::Contact engine_contact(const api::DueContact& due);

// Fills `a` with attempt `attempt` of `contact_id`, a call from `from` to `to` that ran from `start`
// to `end` (clock milliseconds) and rang `ring_ms` before it was answered. Reuses a's strings (the
// forecast fills a million of them). Leaves a.flow_execution_json and a.call_id alone.
void fill_attempt(const engine::CallReport& report, int attempt, const std::string& contact_id, const std::string& from,
                  const std::string& to, EpochMillis start, EpochMillis end, engine::Millis ring_ms,
                  api::CallAttempt& a);

// The attempt's flowExecution JSON (executionPath, finalVariables, nodeExecutionCount, ...) for a call
// of flow `flow_id` that started at `start`.
std::string flow_execution_json(const std::string& flow_id, const engine::CallReport& report, EpochMillis start);

}  // namespace gomo::campaign

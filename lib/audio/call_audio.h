#pragma once
// A softphone decorator that makes a call's timing exact and keeps what the callee heard. It renders
// each prompt (PromptAudio), hands the inner softphone the prompt with every part's duration_ms set
// to its rendered length, and passes the inner replies back unchanged: the engine's clock then
// follows the real audio. Alongside, it keeps the timeline from the answer to the hangup: prompts
// (cut where the callee hung up), silence while the engine waits for keys or a recording, the
// record beep. So timeline() holds samples_for(report.duration_ms - answered_at_ms()) samples.
#include <string>
#include <vector>

#include "audio/prompt_audio.h"
#include "audio/samples.h"
#include "engine/engine.h"
#include "engine/softphone.h"

namespace gomo::audio {

// One node visit that played something: the timeline from the visit's start to the next visit's
// (its prompts, retries and the silence while it waited for keys).
struct NodeAudio {
  std::string node_id;
  engine::Millis at_ms = 0;  // where it starts in the timeline
  Samples samples;
};

class CallAudio : public engine::Softphone {
 public:
  // REQUIRES: `inner` and `audio` outlive this object.
  CallAudio(engine::Softphone& inner, PromptAudio& audio) : inner_(inner), audio_(audio) {}

  engine::RingReply ring(const engine::CallSetup& call, engine::Millis ring_timeout_ms, bool amd) override;
  engine::PlayReply play(const engine::Prompt& prompt) override;
  engine::DigitReply collect_digits(const engine::DigitRequest& request) override;
  engine::RecordReply record(const engine::RecordRequest& request) override;
  void hang_up(const std::string& reason) override;
  bool caller_hung_up() const override { return inner_.caller_hung_up(); }

  // Whether the callee answered (true before any ring: a flow without a dial node starts answered).
  bool answered() const { return answered_; }
  // Call time before the answer (the ring), which the timeline leaves out; the whole call when unanswered.
  engine::Millis answered_at_ms() const { return answered_at_ms_; }
  const Samples& timeline() const { return timeline_; }
  // Where each prompt heard started in the timeline, by node.
  struct Played {
    std::string node_id;
    engine::Millis at_ms = 0;
  };
  const std::vector<Played>& played() const { return played_; }
  int prompts() const { return static_cast<int>(played_.size()); }  // prompts played after the answer
  // The first prompt that could not be rendered (a missing file, espeak-ng missing), OK otherwise. Such a
  // prompt is played with the engine's estimated lengths and heard as silence.
  const Status& error() const { return error_; }

 private:
  void heard(Samples samples, engine::Millis elapsed_ms);  // appends exactly elapsed_ms of audio
  void waited(engine::Millis elapsed_ms) { heard({}, elapsed_ms); }
  void beep_then_wait(engine::Millis elapsed_ms);

  engine::Softphone& inner_;
  PromptAudio& audio_;
  bool answered_ = true;
  engine::Millis answered_at_ms_ = 0;
  Samples timeline_;
  std::vector<Played> played_;
  Status error_;
};

// The timeline cut by node visit (report.path), keeping the visits that played something. REQUIRES:
// `report` is the call `audio` took part in.
std::vector<NodeAudio> split_by_visit(const CallAudio& audio, const engine::CallReport& report);

}  // namespace gomo::audio

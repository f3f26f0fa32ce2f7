#include "audio/call_audio.h"

#include <algorithm>

namespace gomo::audio {

using engine::Millis;

void CallAudio::heard(Samples samples, Millis elapsed_ms) {
  if (!answered_) {
    answered_at_ms_ += std::max<Millis>(0, elapsed_ms);  // not heard: before (or without) an answer
    return;
  }
  // Exactly elapsed_ms: the prompt cut where the callee hung up, or padded when the inner softphone
  // took longer than the audio (a person at the terminal).
  samples.resize(samples_for(elapsed_ms), 0);
  timeline_.insert(timeline_.end(), samples.begin(), samples.end());
}

engine::RingReply CallAudio::ring(const engine::CallSetup& call, Millis ring_timeout_ms, bool amd) {
  engine::RingReply r = inner_.ring(call, ring_timeout_ms, amd);
  const Millis rang = std::min(r.after_ms, ring_timeout_ms);  // what the engine adds to its clock
  if (answered_ && !timeline_.empty()) {
    waited(rang);  // a second dial within a call: the callee hears nothing meanwhile
    return r;
  }
  answered_ = r.answer == engine::Answer::kHuman || r.answer == engine::Answer::kMachine;
  answered_at_ms_ += rang;
  return r;
}

engine::PlayReply CallAudio::play(const engine::Prompt& prompt) {
  engine::Prompt timed = prompt;
  Samples audio;
  bool rendered = true;
  for (auto& part : timed.parts) {
    auto samples = audio_.render_part(part);
    if (!samples) {
      if (error_) error_ = samples.error();  // keep the first
      rendered = false;
      break;
    }
    // Whole milliseconds, so that the engine's clock and the timeline agree to the sample.
    samples->resize(samples_for(millis_of(samples->size())));
    part.duration_ms = millis_of(samples->size());
    audio.insert(audio.end(), samples->begin(), samples->end());
  }
  if (!rendered) {
    timed = prompt;  // the engine's estimates, heard as silence
    audio.clear();
  }
  engine::PlayReply r = inner_.play(timed);
  if (answered_) played_.push_back({std::string(prompt.node_id), millis_of(timeline_.size())});
  heard(std::move(audio), r.elapsed_ms);
  return r;
}

engine::DigitReply CallAudio::collect_digits(const engine::DigitRequest& request) {
  engine::DigitReply r = inner_.collect_digits(request);
  waited(r.elapsed_ms);
  return r;
}

engine::RecordReply CallAudio::record(const engine::RecordRequest& request) {
  engine::RecordReply r = inner_.record(request);
  if (request.beep) heard(tone(kBeepHz, std::min(kBeepMs, r.elapsed_ms)), r.elapsed_ms);
  else waited(r.elapsed_ms);
  return r;
}

void CallAudio::hang_up(const std::string& reason) { inner_.hang_up(reason); }

std::vector<NodeAudio> split_by_visit(const CallAudio& audio, const engine::CallReport& report) {
  std::vector<NodeAudio> out;
  if (!audio.answered()) return out;
  const Millis total = millis_of(audio.timeline().size());
  auto timeline_ms = [&](Millis call_ms) { return std::clamp<Millis>(call_ms - audio.answered_at_ms(), 0, total); };
  for (size_t i = 0; i < report.path.size(); ++i) {
    const Millis start = timeline_ms(report.path[i].at_ms);
    const Millis end = i + 1 < report.path.size() ? timeline_ms(report.path[i + 1].at_ms) : total;
    bool played = std::any_of(audio.played().begin(), audio.played().end(), [&](const CallAudio::Played& p) {
      return p.node_id == report.path[i].node_id && p.at_ms >= start && p.at_ms <= end;
    });
    if (!played) continue;
    const auto& t = audio.timeline();
    out.push_back({std::string(report.path[i].node_id), start,
                   Samples(t.begin() + static_cast<ptrdiff_t>(samples_for(start)),
                           t.begin() + static_cast<ptrdiff_t>(samples_for(end)))});
  }
  return out;
}

}  // namespace gomo::audio

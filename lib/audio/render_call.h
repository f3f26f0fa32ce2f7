#pragma once
// `gomo flow render`: one call of a flow with a scripted callee, heard. The engine runs through a
// CallAudio, so its clock follows the rendered prompts; the result is what the callee heard, from
// the answer to the hangup, and where each node visit starts in it.
#include <map>
#include <string>
#include <vector>

#include "audio/call_audio.h"
#include "audio/prompt_audio.h"
#include "engine/engine.h"
#include "engine/scripted_softphone.h"

namespace gomo::audio {

// The lengths of the flow's audioFile items that `audio` can read, by audioId: for
// EngineOptions::audio_durations, so that `flow run --audio-dir` times a call as `flow render` does.
// Items it cannot read are left out (the engine estimates them).
std::map<std::string, engine::Millis> audio_file_lengths(const model::Flow& flow, PromptAudio& audio);

struct RenderedCall {
  engine::CallReport report;          // as `flow run` reports it (views into the flow: keep it alive)
  bool answered = false;              // false: nothing was heard and `timeline` is empty
  engine::Millis answered_at_ms = 0;  // the ring, left out of the timeline
  Samples timeline;                   // samples_for(report.duration_ms - answered_at_ms) samples
  std::vector<NodeAudio> visits;      // the node visits that played something, in order
  int prompts = 0;                    // prompts heard
  int espeak_runs = 0;                // text spoken (cache misses)
};

// Runs the call and keeps what the callee heard. Fails with the first prompt that could not be
// rendered (a missing audio file, espeak-ng missing or failing), saying what to do about it.
Result<RenderedCall> render_call(const model::Flow& flow, const engine::Contact& contact,
                                 const engine::SoftphoneScript& script, const engine::EngineOptions& options,
                                 PromptAudio& audio);

// Writes `call.timeline` to `wav` (8 kHz mono; 0 samples when unanswered) and, when `split_dir` is
// not empty, one file per node visit that played something: split_dir/01-<node-id>.wav, 02-...
// (the folder is created). Returns the split files' paths.
Result<std::vector<std::string>> write_rendered(const RenderedCall& call, const std::string& wav,
                                                const std::string& split_dir);

}  // namespace gomo::audio

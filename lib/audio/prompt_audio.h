#pragma once
// What the callee hears for a prompt: audioFile items decoded from their bytes, tts items and
// number/date/word clips spoken by espeak-ng (or the account's recorded clips), beeps as a tone.
#include <functional>
#include <map>
#include <string>
#include <tuple>

#include "audio/samples.h"
#include "base/status.h"
#include "engine/softphone.h"

namespace gomo::audio {

inline constexpr engine::Millis kBeepMs = 500;  // the record beep, as long as the scripted callee waits for it
inline constexpr int kBeepHz = 1000;

struct PromptAudioOptions {
  // audioFile items: the file's bytes by audioId (the CLI gives the workspace/platform, or --audio-dir).
  // Unset: audioFile items fail with an error that says how to give them.
  std::function<Result<std::string>(const std::string& audio_id)> audio_bytes;
  // Recorded dictionary clips by (language, the item's dictionaryId or "" for the system dictionary,
  // key); unset, or an error, -> espeak-ng speaks the clip's words.
  std::function<Result<std::string>(const std::string& language, const std::string& dictionary_id,
                                    const std::string& key)>
      clip_bytes;
  std::string espeak_program = "espeak-ng";  // run as a program (GPL: never linked)
};

// Not thread-safe (the cache); one per call or per command. Renders are cached by (kind, audio id or
// text, language) for the object's lifetime, so a flow that loops does not run espeak-ng again.
class PromptAudio {
 public:
  explicit PromptAudio(PromptAudioOptions options);
  // What the callee hears for `prompt`: every part in order, 8 kHz mono.
  Result<Samples> render(const engine::Prompt& prompt);
  // One part: kAudio -> the decoded file; kText -> espeak-ng; kClips -> recorded clips where
  // clip_bytes has them, the other clips' words spoken (one espeak-ng run per stretch of unrecorded
  // clips); kBeep -> a kBeepHz tone of kBeepMs. An empty language is fr (as the engine reads numbers).
  Result<Samples> render_part(const engine::PromptPart& part);
  // How many espeak-ng runs and file decodes this object made (cache misses), for tests and benchmarks.
  int espeak_runs() const { return espeak_runs_; }
  int decodes() const { return decodes_; }

 private:
  Result<Samples> speak_cached(const std::string& language, const std::string& text);
  Result<Samples> render_clips(const engine::PromptPart& part, const std::string& language);

  PromptAudioOptions options_;
  std::map<std::tuple<int, std::string, std::string>, Samples> cache_;  // (kind, id or text, language)
  int espeak_runs_ = 0;
  int decodes_ = 0;
};

}  // namespace gomo::audio

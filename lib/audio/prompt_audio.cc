#include "audio/prompt_audio.h"

#include "audio/espeak.h"

namespace gomo::audio {
namespace {

using Kind = engine::PromptPart::Kind;

void append(Samples& to, const Samples& more) { to.insert(to.end(), more.begin(), more.end()); }

// The cache's kinds (kAudio/kText/kClips/kBeep are the parts'; recorded clips are one more).
constexpr int kRecordedClip = 100;

}  // namespace

PromptAudio::PromptAudio(PromptAudioOptions options) : options_(std::move(options)) {}

Result<Samples> PromptAudio::render(const engine::Prompt& prompt) {
  Samples out;
  for (const auto& part : prompt.parts) {
    auto samples = render_part(part);
    if (!samples) return samples.error();
    append(out, *samples);
  }
  return out;
}

Result<Samples> PromptAudio::speak_cached(const std::string& language, const std::string& text) {
  auto key = std::make_tuple(static_cast<int>(Kind::kText), text, language);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  ++espeak_runs_;
  auto spoken = speak(options_.espeak_program, language, text);
  if (!spoken) return spoken.error();
  return cache_[key] = std::move(spoken.value());
}

Result<Samples> PromptAudio::render_clips(const engine::PromptPart& part, const std::string& language) {
  Samples out;
  std::string unrecorded;  // words of the clips since the last recorded one
  auto flush = [&]() -> Status {
    if (unrecorded.empty()) return Status::ok();
    auto spoken = speak_cached(language, unrecorded);
    if (!spoken) return spoken.error();
    append(out, *spoken);
    unrecorded.clear();
    return Status::ok();
  };
  const std::string dictionary_id(part.dictionary_id);
  for (const auto& clip : part.clips) {
    const Samples* recorded = nullptr;
    if (options_.clip_bytes) {
      auto key = std::make_tuple(kRecordedClip, clip.key, language + '/' + dictionary_id);
      auto it = cache_.find(key);
      if (it == cache_.end()) {
        // Not recorded (an error from clip_bytes) is not a failure: espeak-ng says the words instead.
        if (auto bytes = options_.clip_bytes(language, dictionary_id, clip.key); bytes) {
          ++decodes_;
          auto decoded = decode_audio(*bytes, "clip " + language + "/" + clip.key);
          if (!decoded) return decoded.error();
          it = cache_.emplace(key, std::move(decoded.value())).first;
        }
      }
      if (it != cache_.end()) recorded = &it->second;
    }
    if (!recorded) {
      unrecorded += (unrecorded.empty() ? "" : " ") + clip.text;
      continue;
    }
    if (Status s = flush(); !s) return s;
    append(out, *recorded);
  }
  if (Status s = flush(); !s) return s;
  return out;
}

Result<Samples> PromptAudio::render_part(const engine::PromptPart& part) {
  const std::string language = part.language.empty() ? "fr" : part.language;
  switch (part.kind) {
    case Kind::kBeep: return tone(kBeepHz, kBeepMs);
    case Kind::kText: return speak_cached(language, part.text);
    case Kind::kClips:
      if (part.clips.empty()) return part.text.empty() ? Samples() : speak_cached(language, part.text);
      return render_clips(part, language);
    case Kind::kAudio: {
      const std::string id(part.audio_id);
      auto key = std::make_tuple(static_cast<int>(Kind::kAudio), id, std::string());
      if (auto it = cache_.find(key); it != cache_.end()) return it->second;
      if (!options_.audio_bytes)
        return Status::not_found("audio file \"" + id +
                                 "\": gomo has no audio files to read; pass --audio-dir DIR with DIR/" + id +
                                 ".wav (or .mp3, .ogg)");
      auto bytes = options_.audio_bytes(id);
      if (!bytes) return bytes.error();
      ++decodes_;
      auto decoded = decode_audio(*bytes, "audio file \"" + id + "\"");
      if (!decoded) return decoded.error();
      return cache_[key] = std::move(decoded.value());
    }
  }
  return Status::internal("unknown prompt part kind");
}

}  // namespace gomo::audio

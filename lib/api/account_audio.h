#pragma once
// What a render (flow render, flow run's sound) reads from an account: audio files by id, and the
// clips recorded in its dictionaries by key, as the platform plays them for a flow's items.
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "api/platform.h"

namespace gomo::api {

// Key -> audio id of every entry with a recording in dictionary `dictionary_id` (all its pages).
Result<std::map<std::string, std::string>> recorded_clip_ids(Platform& platform, const std::string& dictionary_id);

// The account, opened on first need. Lookups answer gomo::Result (Status) for audio::PromptAudioOptions:
// NotFound when the account has nothing for the lookup (or cannot be read), so that the caller's next
// source (espeak-ng for clips) takes over. Each dictionary's entries are read once. Not thread-safe.
class AccountAudio {
 public:
  struct Opened {
    Platform* platform = nullptr;  // null: no account to read (the opener said why when asked to)
    std::string name;              // how errors name it: "local workspace .gomo/workspace.db"
  };
  // Called on the first lookup; `say_why` is true when an audio file needs the account (a clip can do
  // without it, so a render that only lacks clips opens it quietly). Called once more, saying why, when an
  // audio file needs an account that could not be opened quietly.
  using Opener = std::function<Opened(bool say_why)>;
  explicit AccountAudio(Opener open);

  // The bytes of audio file `id` (GET /audio-management/audio/:id). NotFound says how to give the file.
  gomo::Result<std::string> audio_file(const std::string& id);
  // The recording of clip `key` as the platform plays it for an item: from the item's dictionary when
  // it names one (`dictionary_id`), else from the system dictionary of `language` (dictionaryId null).
  gomo::Result<std::string> clip(const std::string& language, const std::string& dictionary_id, const std::string& key);
  // How many dictionaries' entries were read (each once), for tests.
  int dictionaries_read() const { return dictionaries_read_; }

 private:
  Platform* platform(bool say_why);
  const std::map<std::string, std::string>& clip_ids(const std::string& language, const std::string& dictionary_id);

  Opener open_;
  bool tried_ = false;
  bool said_why_ = false;  // the last open was asked to say why it failed
  Opened opened_;
  // "" + language -> the system dictionaries' clips; dictionary id -> its clips (key -> audio id).
  std::map<std::string, std::map<std::string, std::string>> clips_;
  int dictionaries_read_ = 0;
};

}  // namespace gomo::api

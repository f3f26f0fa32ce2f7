#include "api/account_audio.h"

#include "api/list_all.h"

namespace gomo::api {

Result<std::map<std::string, std::string>> recorded_clip_ids(Platform& platform, const std::string& dictionary_id) {
  auto entries = collect_all<DictionaryEntry>(
      [&](const PageQuery& q) { return platform.list_dictionary_entries(dictionary_id, q); }, PageQuery{});
  if (!entries) return entries.error();
  std::map<std::string, std::string> clips;
  for (const auto& e : *entries)
    if (e.audio_id) clips.emplace(e.key, *e.audio_id);
  return clips;
}

AccountAudio::AccountAudio(Opener open) : open_(std::move(open)) {}

Platform* AccountAudio::platform(bool say_why) {
  if (!tried_ || (!opened_.platform && say_why && !said_why_)) {
    tried_ = true;
    said_why_ = say_why;
    if (open_) opened_ = open_(say_why);
  }
  return opened_.platform;
}

gomo::Result<std::string> AccountAudio::audio_file(const std::string& id) {
  const std::string fix = "; upload it (gomo audio upload) or give its folder with --audio-dir";
  Platform* p = platform(true);
  if (!p) return Status::not_found("audio file \"" + id + "\": the account could not be opened" + fix);
  auto bytes = p->download_audio(id);
  if (bytes) return std::move(*bytes);
  const std::string where = "audio file \"" + id + "\" in " + opened_.name;
  if (bytes.error().http_status == 404) return Status::not_found(where + ": no such audio file" + fix);
  return Status::io_error(where + ": " + bytes.error().message);
}

const std::map<std::string, std::string>& AccountAudio::clip_ids(const std::string& language,
                                                                 const std::string& dictionary_id) {
  // A dictionary id never starts with a space; the system dictionaries of a language are kept under " ar".
  const std::string slot = dictionary_id.empty() ? " " + language : dictionary_id;
  if (auto it = clips_.find(slot); it != clips_.end()) return it->second;
  std::map<std::string, std::string> ids;
  // Any error (no account, an unknown dictionary, the network) is "nothing recorded": espeak-ng speaks.
  if (Platform* p = platform(false)) {
    std::vector<std::string> dictionaries;
    if (!dictionary_id.empty()) {
      dictionaries.push_back(dictionary_id);
    } else {
      auto all = collect_all<Dictionary>(
          [&](const PageQuery& q) {
            return p->list_dictionaries({q, true});
          },
          PageQuery{});
      if (all)
        for (const auto& d : *all)
          if (d.is_system && d.language == language) dictionaries.push_back(d.id);
    }
    for (const auto& id : dictionaries) {
      ++dictionaries_read_;
      if (auto read = recorded_clip_ids(*p, id))
        for (auto& [key, audio] : *read) ids.emplace(key, std::move(audio));
    }
  }
  return clips_.emplace(slot, std::move(ids)).first->second;
}

gomo::Result<std::string> AccountAudio::clip(const std::string& language, const std::string& dictionary_id,
                                             const std::string& key) {
  const auto& ids = clip_ids(language, dictionary_id);
  auto id = ids.find(key);
  const std::string what = "clip \"" + key + "\" (" + (dictionary_id.empty() ? language : dictionary_id) + ")";
  if (id == ids.end()) return Status::not_found("no recording of " + what);
  auto bytes = opened_.platform->download_audio(id->second);
  if (!bytes) return Status::not_found(what + ": " + bytes.error().message);
  return std::move(*bytes);
}

}  // namespace gomo::api

#include "api/recorded_clips.h"

#include "api/list_all.h"

namespace gomo::api {

Result<std::map<std::string, std::string>> recorded_clip_ids(Platform& platform, const std::string& language) {
  PageQuery oldest_first;
  oldest_first.sort_by = "createdAt";
  oldest_first.sort_order = "asc";
  auto dictionaries = collect_all<Dictionary>(
      [&](const PageQuery& q) {
        return platform.list_dictionaries({q, false});
      },
      oldest_first);
  if (!dictionaries) return dictionaries.error();
  std::map<std::string, std::string> clips;
  for (const auto& d : *dictionaries) {
    if (d.is_system || d.language != language) continue;
    auto entries = collect_all<DictionaryEntry>(
        [&](const PageQuery& q) { return platform.list_dictionary_entries(d.id, q); }, PageQuery{});
    if (!entries) return entries.error();
    for (const auto& e : *entries) {
      if (e.audio_id) clips.emplace(e.key, *e.audio_id);  // emplace: an earlier dictionary's clip stays
    }
  }
  return clips;
}

}  // namespace gomo::api

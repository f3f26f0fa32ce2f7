#pragma once
// The clips an organisation recorded in its own dictionaries (not the system ones), by key, for
// renders that play them instead of speaking the words (cli flow render / run).
#include <map>
#include <string>

#include "api/platform.h"

namespace gomo::api {

// Key -> audio id of every entry with audio in the organisation's dictionaries of `language`.
// When two dictionaries record one key, the dictionary created first wins. Reads every page of
// list_dictionaries and list_dictionary_entries; any error of theirs is returned.
Result<std::map<std::string, std::string>> recorded_clip_ids(Platform& platform, const std::string& language);

}  // namespace gomo::api

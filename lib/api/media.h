#pragma once
// Caller-ID numbers, audio files and dictionaries (Gomobile docs: Audio management to DIDs) as plain structs.
// Included by platform.h; field names are the API's JSON names in snake_case (wire.h maps them).
#include <optional>
#include <string>
#include <vector>

#include "api/paging.h"

namespace gomo::api {

// GET /dids/available: a number the organisation may call from (its own, or a shared one).
struct Did {
  std::string id;
  std::string number;   // digits with an optional leading +, 3-20
  std::string country;  // ISO 3166-1 alpha-2, e.g. "MA"
  std::optional<std::string> description;
  bool is_shared = false;                      // usable by every organisation
  std::optional<std::string> organization_id;  // null for shared DIDs
  std::string status = "active";               // active | inactive | reserved
  std::string created_at, updated_at;
};

inline constexpr const char* kDidStatuses[] = {"active", "inactive", "reserved"};

// Filters of GET /dids/available beyond paging; sort_by number|country|status|createdAt.
struct DidQuery {
  PageQuery page;
  std::string status;             // empty: any
  std::optional<bool> is_shared;  // unset: both
};

inline constexpr const char* kAudioUsageTypes[] = {"welcome",    "goodbye",      "question", "prompt",
                                                   "hold_music", "notification", "other"};

// POST /audio-management/upload (multipart): the file and its optional metadata.
struct AudioUpload {
  std::string file_name;                   // as sent in the multipart part, e.g. "greeting.wav"
  std::string content_type;                // of the part; may be empty (the bytes decide)
  std::string bytes;                       // the file itself
  std::optional<std::string> title;        // <=255; default: the file name without extension
  std::optional<std::string> description;  // <=500
  std::optional<std::string> usage_type;   // one of kAudioUsageTypes
  std::vector<std::string> tags;
};

// The stored file behind an audio asset. `playable`: it can be streamed to calls;
// `downloadable`: a signed URL can be made (G3). A successful upload need not be playable yet.
struct AudioFile {
  std::string name;       // original file name
  std::string mime_type;  // audio/wav, audio/mpeg, audio/ogg
  long long size_bytes = 0;
  bool playable = false, downloadable = false;
};

struct Audio {
  std::string id, organization_id, title;
  std::optional<std::string> description, usage_type;
  std::vector<std::string> tags;
  std::optional<double> duration_seconds;  // known for WAV; null when the format does not say
  AudioFile file;
  std::string created_at, updated_at;
};

// GET /audio-management/audios: search covers title, description and tags; sort_by
// createdAt|title|durationSeconds; `usage_type` and `tags` (any of them) filter.
struct AudioQuery {
  PageQuery page;
  std::string usage_type;
  std::vector<std::string> tags;
};

// The largest audio file the local platform accepts (the docs give no figure; gomo's choice).
inline constexpr long long kMaxAudioBytes = 10LL * 1024 * 1024;

struct Dictionary {
  std::string id, name;
  std::optional<std::string> description;
  std::string language;                        // ar | fr (en: gomo's engine only)
  std::optional<std::string> organization_id;  // null for system dictionaries
  bool is_system = false;
  int entry_count = 0;  // clips it holds (keys such as "100", "and", "mon-2")
  std::string created_at, updated_at;
};

// The languages a dictionary may be created in (POST /dictionaries; the system ones include en too).
inline constexpr const char* kDictionaryLanguages[] = {"ar", "fr"};

// POST /dictionaries: a dictionary of the organisation's own recorded clips.
struct DictionaryFields {
  std::optional<std::string> name;         // required, 3-64
  std::optional<std::string> description;  // <=256
  std::optional<std::string> language;     // required, one of kDictionaryLanguages
};

// One clip of a dictionary: the key the engine asks for ("1", "and", "mon-2") and the recorded audio
// (an audio file of the organisation, api::Audio); system dictionaries' entries have no audio.
struct DictionaryEntry {
  std::string id, dictionary_id, key;
  std::optional<std::string> audio_id;
};

inline constexpr int kMaxDictionaryKeyChars = 256;

// GET /dictionaries: the organisation's own, plus the shared read-only system ones when
// include_system. Search covers name and description; sort_by name|createdAt|updatedAt.
struct DictionaryQuery {
  PageQuery page;
  bool include_system = false;
};

}  // namespace gomo::api

#pragma once
// GET answers that depend only on stored data, kept until the data changes: a page of contacts that
// clients read again and again costs a lookup instead of a query and a serialisation. An answer is
// reused only while api::Tenants::data_version() is unchanged, so any commit (by this server, a
// `gomo` command or another process on the same workspace) makes every kept answer stale at once.
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "serve/router.h"

namespace gomo::serve {

// Bounds: memory stays flat whatever clients ask for.
inline constexpr size_t kMaxCachedAnswerBytes = 64 * 1024;       // larger answers are not kept
inline constexpr size_t kMaxAnswerCacheBytes = 4 * 1024 * 1024;  // all of them, keys included

class AnswerCache {
 public:
  using Version = std::pair<long long, long long>;

  // The key for `request`'s answer, or "" when it may not be reused: only GET (and HEAD) of
  // /api/users/me, /api/contact and /api/contact/{id}, whose answers are the stored rows of the
  // key's organisation and nothing else (no clock, no paging cursor). The key holds the API key
  // itself: an answer is never given to another key, and an unknown key is never answered from here.
  static std::string key_for(const Request& request);

  // The answer kept for `key` at `version`, if any. A different version drops everything kept.
  std::optional<Response> find(const std::string& key, const Version& version);
  // Keeps a 200 answer computed at `version` (which must have been current both before and after
  // computing it). When the cache would outgrow kMaxAnswerCacheBytes it starts again empty.
  void keep(const std::string& key, const Version& version, const Response& response);

  size_t size();  // answers kept, for tests
  size_t hits();  // answers given from here, for tests

 private:
  void reset_locked(const Version& version);

  std::mutex mutex_;
  std::optional<Version> version_;
  std::unordered_map<std::string, Response> answers_;
  size_t bytes_ = 0;
  size_t hits_ = 0;
};

}  // namespace gomo::serve

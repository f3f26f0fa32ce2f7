#include "serve/answer_cache.h"

namespace gomo::serve {
namespace {

// Length-prefixed, so no text of the request can make two requests' keys equal.
void append_field(std::string& key, const std::string& field) {
  key += std::to_string(field.size());
  key += ':';
  key += field;
}

bool cacheable_path(const std::string& path) {
  if (path == "/api/users/me" || path == "/api/contact") return true;
  const std::string prefix = "/api/contact/";
  if (path.compare(0, prefix.size(), prefix) != 0) return false;
  std::string id = path.substr(prefix.size());
  return !id.empty() && id.find('/') == std::string::npos && id != "upsert";
}

}  // namespace

std::string AnswerCache::key_for(const Request& request) {
  if ((request.method != "GET" && request.method != "HEAD") || request.api_key.empty() || !request.body.empty() ||
      request.multipart || !cacheable_path(request.path))
    return "";
  std::string key;
  append_field(key, request.api_key);
  append_field(key, request.path);
  for (const auto& [name, value] : request.query) {  // a std::map: the same parameters, the same key
    append_field(key, name);
    append_field(key, value);
  }
  return key;
}

void AnswerCache::reset_locked(const Version& version) {
  answers_.clear();
  bytes_ = 0;
  version_ = version;
}

std::optional<Response> AnswerCache::find(const std::string& key, const Version& version) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (version_ != version) {
    reset_locked(version);
    return std::nullopt;
  }
  auto it = answers_.find(key);
  if (it == answers_.end()) return std::nullopt;
  ++hits_;
  return it->second;
}

void AnswerCache::keep(const std::string& key, const Version& version, const Response& response) {
  if (response.status != 200 || response.body.size() > kMaxCachedAnswerBytes) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (version_ != version) reset_locked(version);
  size_t bytes = key.size() + response.body.size();
  for (const auto& [name, value] : response.headers) bytes += name.size() + value.size();
  if (answers_.count(key)) return;
  if (bytes_ + bytes > kMaxAnswerCacheBytes) reset_locked(version);
  answers_.emplace(key, response);
  bytes_ += bytes;
}

size_t AnswerCache::size() {
  std::lock_guard<std::mutex> lock(mutex_);
  return answers_.size();
}

size_t AnswerCache::hits() {
  std::lock_guard<std::mutex> lock(mutex_);
  return hits_;
}

}  // namespace gomo::serve

#pragma once
// The lenient readers of the API's JSON answers, for wire.cc and wire_programs.cc: a missing or null
// member gives the default; a member of the wrong type throws nlohmann's type_error, which the
// remote client reports as BAD_RESPONSE (an answer gomo does not understand is not silently zero).
// Internal to lib/api: it includes nlohmann/json.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace gomo::api::wire::read {

using nlohmann::json;

inline json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

inline std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}
inline std::optional<std::string> opt_str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}
inline long long integer(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? 0 : it->get<long long>();
}
inline bool boolean(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && !it->is_null() && it->get<bool>();
}
inline std::vector<std::string> strings(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  return it->get<std::vector<std::string>>();
}
inline const json& member(const json& j, const char* key) {
  static const json null_value;
  auto it = j.find(key);
  return it == j.end() ? null_value : *it;
}
inline std::map<std::string, int> counts(const json& j) {
  if (j.is_null()) return {};
  return j.get<std::map<std::string, int>>();
}

}  // namespace gomo::api::wire::read

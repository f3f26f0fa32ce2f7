#pragma once
// Platform results to HTTP answers, for the route files (router.cc, routes_programs.cc): the encoded
// object with `status`, a page as {data, meta}, or the error envelope. Internal to lib/serve; it
// includes nlohmann/json.
#include <nlohmann/json.hpp>
#include <string>

#include "api/wire.h"
#include "serve/router.h"

namespace gomo::serve {

// `j` as JSON text. Strings that are not UTF-8 (rows an older gomo stored, say) come out with U+FFFD
// in place of the bad bytes instead of nlohmann's type_error 316: a bad row must not fail a listing.
inline std::string json_text(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

template <typename T>
Response answer(const api::Result<T>& r, const std::string& path, int status, nlohmann::json (*encode)(const T&)) {
  if (!r) return error_response(r.error(), path);
  return {status, json_text(encode(*r))};
}

template <typename T>
Response answer_page(const api::Result<api::Page<T>>& r, const std::string& path, nlohmann::json (*encode)(const T&)) {
  if (!r) return error_response(r.error(), path);
  nlohmann::json data = nlohmann::json::array();
  for (const auto& item : r->data) data.push_back(encode(item));
  return {200, json_text(nlohmann::json{{"data", std::move(data)}, {"meta", api::wire::encode_meta(r->meta)}})};
}

}  // namespace gomo::serve

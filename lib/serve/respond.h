#pragma once
// Platform results to HTTP answers, for the route files (router.cc, routes_programs.cc): the encoded
// object with `status`, a page as {data, meta}, or the error envelope. Internal to lib/serve; it
// includes nlohmann/json.
#include <nlohmann/json.hpp>
#include <string>

#include "api/wire.h"
#include "serve/router.h"

namespace gomo::serve {

template <typename T>
Response answer(const api::Result<T>& r, const std::string& path, int status, nlohmann::json (*encode)(const T&)) {
  if (!r) return error_response(r.error(), path);
  return {status, encode(*r).dump()};
}

template <typename T>
Response answer_page(const api::Result<api::Page<T>>& r, const std::string& path,
                     nlohmann::json (*encode)(const T&)) {
  if (!r) return error_response(r.error(), path);
  nlohmann::json data = nlohmann::json::array();
  for (const auto& item : r->data) data.push_back(encode(item));
  return {200, nlohmann::json{{"data", data}, {"meta", api::wire::encode_meta(r->meta)}}.dump()};
}

}  // namespace gomo::serve

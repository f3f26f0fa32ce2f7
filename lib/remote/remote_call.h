#pragma once
// The request helpers of the remote platform's .cc files (remote_platform.cc, remote_programs.cc):
// paths, query strings, and answers decoded or turned into the error envelope's ApiError. Internal:
// it includes nlohmann/json, so only those files include it.
#include <nlohmann/json.hpp>
#include <string>

#include "api/platform.h"
#include "api/wire.h"
#include "remote/http_client.h"

namespace gomo::remote::detail {

using api::Page;
using api::PageQuery;
namespace wire = api::wire;

inline ApiError bad_response(const std::string& what) {
  ApiError e;
  e.http_status = 502;
  e.code = "BAD_RESPONSE";
  e.message = "unexpected answer from the platform: " + what;
  return e;
}

inline std::string path_id(const std::string& id) { return "/" + url_encode(id); }

inline std::string query_string(const PageQuery& q) {
  std::string s = "?page=" + std::to_string(q.page) + "&limit=" + std::to_string(q.limit);
  if (!q.search.empty()) s += "&search=" + url_encode(q.search);
  if (!q.sort_by.empty()) s += "&sortBy=" + url_encode(q.sort_by);
  if (!q.sort_order.empty()) s += "&sortOrder=" + url_encode(q.sort_order);
  return s;
}

// Turns an answer into T with `decode`, or into the error envelope's ApiError.
template <typename T, typename Decode>
Result<T> decode_response(const Result<HttpResponse>& response, const std::string& what, Decode decode) {
  if (!response) return response.error();
  if (response->status < 200 || response->status >= 300)
    return wire::error_from_response(response->status, response->body);
  try {
    nlohmann::json j = response->body.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(response->body);
    return decode(j);
  } catch (const nlohmann::json::exception& e) { return bad_response(what + ": " + e.what()); }
}

// Sends, then decodes (decode_response).
template <typename T, typename Decode>
Result<T> call(HttpClient& http, const std::string& method, const std::string& path, const std::string& body,
               Idempotency idempotency, Decode decode) {
  return decode_response<T>(http.send(method, path, body, idempotency), method + " " + path, decode);
}

template <typename T, typename DecodeItem>
Result<Page<T>> call_page(HttpClient& http, const std::string& path, DecodeItem decode_item) {
  return call<Page<T>>(http, "GET", path, "", Idempotency::kSafe, [&](const nlohmann::json& j) {
    Page<T> page;
    // A bare array is accepted too: some list endpoints may not paginate.
    const nlohmann::json& items = j.is_array() ? j : j.at("data");
    for (const auto& item : items) page.data.push_back(decode_item(item));
    if (j.is_object() && j.contains("meta")) {
      page.meta = wire::decode_meta(j.at("meta"));
    } else {
      page.meta.total = static_cast<int>(page.data.size());
      page.meta.limit = page.meta.total;
      page.meta.total_pages = 1;
    }
    return page;
  });
}

}  // namespace gomo::remote::detail

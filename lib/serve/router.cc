#include "serve/router.h"

#include "serve/answer_cache.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <vector>

#include "api/wire.h"
#include "api/wire_text.h"
#include "base/time.h"
#include "base/utf8.h"
#include "serve/openapi.h"
#include "serve/respond.h"
#include "serve/routes_programs.h"

namespace gomo::serve {
namespace {

using api::ApiError;
using nlohmann::json;
namespace wire = api::wire;

// "/api/contact/12" -> {"api", "contact", "12"}. False when a segment is empty ("/api//contact",
// "/api/contact/"): such a path is not the route's path, and is answered 404 rather than guessed at.
bool split_path(const std::string& path, std::vector<std::string>& parts) {
  if (path.empty() || path[0] != '/') return false;
  size_t i = 1;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j == i) return false;
    parts.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return true;
}

// `path` without its empty segments, for the 404's hint.
std::string squeeze_path(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c != '/' || out.empty() || out.back() != '/') out += c;
  }
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

constexpr const char* kInvalidUtf8 = "INVALID_UTF8";

ApiError make_error(int status, const char* code, std::string message) {
  ApiError e;
  e.http_status = status;
  e.code = code;
  e.message = std::move(message);
  return e;
}

Response done(const api::Result<api::Done>& r, const std::string& path) {
  if (!r) return error_response(r.error(), path);
  return {204, ""};
}

// 400 INVALID_UTF8 when a request string that could reach an answer or a row is not UTF-8: the
// path, query parameter names and values, form part names, text values and file names. The API key
// is only hashed and never shown, and JSON bodies are checked by the JSON parser (400 INVALID_JSON).
std::optional<ApiError> check_utf8(const Request& req) {
  auto bad_at = [](const std::string& s) { return invalid_utf8_offset(s); };
  auto refuse = [](std::string message, const std::string& field) {
    ApiError e = make_error(400, kInvalidUtf8, std::move(message));
    if (!field.empty() && is_valid_utf8(field)) e.field_errors[field].push_back(field + " must be valid UTF-8");
    return e;
  };
  auto where = [](const std::string& s, size_t at) {
    return " (byte 0x" + escape_bytes(s.substr(at, 1)).substr(2) + " at offset " + std::to_string(at) + ")";
  };
  if (size_t at = bad_at(req.path); at != std::string::npos) {
    return refuse("The request path is not valid UTF-8 once percent-decoded" + where(req.path, at), "");
  }
  for (const auto& [key, value] : req.query) {
    if (size_t at = bad_at(key); at != std::string::npos) {
      return refuse("A query parameter name is not valid UTF-8" + where(key, at), "");
    }
    if (size_t at = bad_at(value); at != std::string::npos) {
      return refuse("Query parameter " + key + " is not valid UTF-8" + where(value, at), key);
    }
  }
  for (const auto& part : req.form) {
    if (size_t at = bad_at(part.name); at != std::string::npos) {
      return refuse("A form field name is not valid UTF-8" + where(part.name, at), "");
    }
    if (size_t at = bad_at(part.file_name); at != std::string::npos) {
      return refuse("The file name of form field " + part.name + " is not valid UTF-8" + where(part.file_name, at),
                    part.name);
    }
    if (part.file_name.empty() && part.name != "file") {
      if (size_t at = bad_at(part.value); at != std::string::npos) {
        return refuse("Form field " + part.name + " is not valid UTF-8" + where(part.value, at), part.name);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

api::Result<api::PageQuery> page_query(const Request& req, std::initializer_list<const char*> extra,
                                       std::map<std::string, std::string>* extras) {
  api::PageQuery q;
  std::map<std::string, std::vector<std::string>> errors;
  for (const auto& param : req.query) {
    // Not a structured binding: the lambdas below capture these, which clang 14 cannot do.
    const std::string& key = param.first;
    const std::string& value = param.second;
    auto as_int = [&](int& out) {
      char* end = nullptr;
      long v = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || v < -1000000 || v > 1000000) {
        errors[key].push_back(key + " must be an integer number");
      } else {
        out = static_cast<int>(v);
      }
    };
    if (key == "page") {
      as_int(q.page);
    } else if (key == "limit") {
      as_int(q.limit);
    } else if (key == "search") {
      q.search = value;
    } else if (key == "sortBy") {
      q.sort_by = value;
    } else if (key == "sortOrder") {
      q.sort_order = value;
    } else if (std::any_of(extra.begin(), extra.end(), [&](const char* e) { return key == e; })) {
      if (extras) (*extras)[key] = value;
    } else {
      errors[key].push_back("property " + key + " should not exist");
    }
  }
  if (!errors.empty()) return api::validation_error(std::move(errors));
  return q;
}

Response error_response(const ApiError& error, const std::string& path) {
  int status = error.http_status ? error.http_status : 500;
  try {
    return {status, json_text(wire::error_envelope(error, path, now_iso()))};
  } catch (const std::exception&) {  // bad_alloc: still an envelope
    return {status, R"({"code":"INTERNAL_ERROR","message":"unexpected error","fieldErrors":{},"statusCode":)" +
                        std::to_string(status) + "}"};
  }
}

namespace {

Response method_not_allowed(const std::string& method, const std::string& path) {
  Response r = error_response(
      make_error(405, "METHOD_NOT_ALLOWED", "gomo serve does not answer " + method + ": it answers " + kAllowedMethods),
      path);
  r.headers.emplace_back("Allow", kAllowedMethods);
  return r;
}

}  // namespace

Response refusal_response(int status, const std::string& method, const std::string& path) {
  bool token = !method.empty() && method.size() <= 32 &&
               std::all_of(method.begin(), method.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '-'; });
  if (status == 400 && token) return method_not_allowed(method, path);
  switch (status) {
    case 413:
      return error_response(
          make_error(413, "PAYLOAD_TOO_LARGE",
                     "The request body is larger than " + std::to_string(ext::kServerMaxBodyBytes >> 20) + " MiB"),
          path);
    case 414:
      return error_response(make_error(414, "URI_TOO_LONG",
                                       "The request line (method, path and query) is longer than " +
                                           std::to_string(ext::kServerMaxRequestLine) + " bytes"),
                            path);
    case 416: return error_response(make_error(416, "RANGE_NOT_SATISFIABLE", "The Range header is not valid"), path);
    default:
      return error_response(make_error(status >= 400 ? status : 400, "BAD_REQUEST",
                                       "The request is not valid HTTP/1.1 (request line, header or body framing; "
                                       "header lines are limited to 8192 bytes)"),
                            path);
  }
}

Router::Router(api::Tenants& tenants, bool answer_cache)
    : tenants_(tenants), answers_(answer_cache ? std::make_unique<AnswerCache>() : nullptr) {}
Router::~Router() = default;

size_t Router::answers_from_memory() const { return answers_ ? answers_->hits() : 0; }

Response Router::handle(const Request& req) {
  try {
    const std::string key = answers_ ? AnswerCache::key_for(req) : std::string();
    auto version = key.empty() ? std::nullopt : tenants_.data_version();
    if (!version) return route(req);
    if (auto kept = answers_->find(key, *version)) return std::move(*kept);
    Response answer = route(req);
    // Kept only when nothing was committed while it was computed: then it is the answer at `version`.
    if (answer.status == 200 && tenants_.data_version() == version) answers_->keep(key, *version, answer);
    return answer;
  } catch (const std::exception& e) {
    return error_response(make_error(500, "INTERNAL_ERROR", e.what()), req.path);
  } catch (...) { return error_response(make_error(500, "INTERNAL_ERROR", "unexpected error"), req.path); }
}

Response Router::route(const Request& req) {
  const std::string& path = req.path;
  if (auto e = check_utf8(req)) return error_response(*e, path);
  if (req.method != "GET" && req.method != "HEAD" && req.method != "POST" && req.method != "PUT" &&
      req.method != "PATCH" && req.method != "DELETE") {
    return method_not_allowed(req.method, path);
  }
  if (req.method == "HEAD") {  // GET without the body: the transport leaves the body out
    Request as_get = req;
    as_get.method = "GET";
    return route(as_get);
  }
  const std::string& m = req.method;
  std::vector<std::string> parts;
  bool clean = split_path(path, parts);
  auto no_route = [&] {
    std::string message = "Cannot " + m + " " + path;
    if (!clean) message += " (empty path segment; the route would be " + squeeze_path(path) + ")";
    return error_response(make_error(404, "NOT_FOUND", std::move(message)), path);
  };
  if (!clean || parts.empty() || parts[0] != "api") return no_route();
  parts.erase(parts.begin());
  // The API's contract needs no key: clients and generators fetch it before they have one.
  if (parts.size() == 1 && parts[0] == "openapi.json" && m == "GET") return {200, openapi_document()};

  auto platform = tenants_.platform_for_key(req.api_key);
  if (!platform) {
    return error_response(make_error(401, api::kUnauthorized,
                                     req.api_key.empty() ? "API key required: send x-api-key" : "Invalid API key"),
                          path);
  }

  // An upsert body of the plain shape is read without the DOM (a tenth of the upsert's time); any
  // other body, or a plain one the reader declines, takes the DOM path and its error messages.
  const bool upsert =
      m == "POST" && !req.multipart && parts.size() == 2 && parts[0] == "contact" && parts[1] == "upsert";
  std::optional<std::vector<api::ContactFields>> plain_upsert;
  if (upsert) plain_upsert = wire::read_upsert_body_text(req.body);
  json body;
  if ((m == "POST" || m == "PUT" || m == "PATCH") && !req.multipart && !plain_upsert) {
    body = json::parse(req.body.empty() ? std::string("{}") : req.body, nullptr, false);
    if (body.is_discarded()) {
      return error_response(make_error(400, "INVALID_JSON", "The request body is not valid JSON"), path);
    }
  }
  auto bad = [&](const ApiError& e) { return error_response(e, path); };
  const size_t n = parts.size();
  const std::string& resource = n > 0 ? parts[0] : std::string();

  if (resource == "users" && n == 2 && parts[1] == "me" && m == "GET") {
    return answer<api::User>(platform->me(), path, 200, wire::encode);
  }

  if (resource == "contact") {
    if (n == 1 && m == "POST") {
      auto fields = wire::parse_contact(body);
      if (!fields) return bad(fields.error());
      return answer<api::Contact>(platform->create_contact(*fields), path, 201, wire::encode);
    }
    if (n == 1 && m == "GET") {
      auto q = page_query(req, {"include"});
      if (!q) return bad(q.error());
      auto page = platform->list_contacts(*q);
      if (!page) return error_response(page.error(), path);
      return {200, wire::contact_page_text(*page)};
    }
    if (upsert) {
      auto contacts = plain_upsert ? api::Result<std::vector<api::ContactFields>>(std::move(*plain_upsert))
                                   : wire::parse_upsert(body);
      if (!contacts) return bad(contacts.error());
      auto upserted = platform->upsert_contacts(*contacts);
      if (!upserted) return error_response(upserted.error(), path);
      return {201, wire::upsert_result_text(*upserted)};
    }
    if (n == 2 && m == "GET") return answer<api::Contact>(platform->get_contact(parts[1]), path, 200, wire::encode);
    if (n == 2 && (m == "PATCH" || m == "PUT")) {
      auto fields = wire::parse_contact(body);
      if (!fields) return bad(fields.error());
      return answer<api::Contact>(platform->update_contact(parts[1], *fields), path, 200, wire::encode);
    }
    if (n == 2 && m == "DELETE") return done(platform->delete_contact(parts[1]), path);
  }

  if (resource == "custom-attributes" && n == 1) {
    if (m == "GET") {
      auto q = page_query(req);
      if (!q) return bad(q.error());
      return answer_page<api::CustomAttribute>(platform->list_custom_attributes(*q), path, wire::encode);
    }
    if (m == "POST") {
      auto a = wire::parse_custom_attribute(body);
      if (!a) return bad(a.error());
      return answer<api::CustomAttribute>(platform->create_custom_attribute(*a), path, 201, wire::encode);
    }
  }

  if (resource == "audience") {
    if (n == 1 && m == "POST") {
      auto fields = wire::parse_audience(body);
      if (!fields) return bad(fields.error());
      return answer<api::Audience>(platform->create_audience(*fields), path, 201, wire::encode);
    }
    if (n == 1 && m == "GET") {
      auto q = page_query(req);
      if (!q) return bad(q.error());
      return answer_page<api::Audience>(platform->list_audiences(*q), path, wire::encode);
    }
    if (n == 2 && m == "GET") return answer<api::Audience>(platform->get_audience(parts[1]), path, 200, wire::encode);
    if (n == 3 && parts[2] == "contacts" && m == "GET") {
      auto q = page_query(req);
      if (!q) return bad(q.error());
      auto page = platform->audience_members(parts[1], *q);
      if (!page) return error_response(page.error(), path);
      return {200, wire::contact_page_text(*page)};
    }
    if (n == 3 && m == "POST" && (parts[2] == "add-contacts" || parts[2] == "remove-contacts")) {
      auto ids = wire::parse_contact_ids(body);
      if (!ids) return bad(ids.error());
      auto r = parts[2] == "add-contacts" ? platform->add_audience_contacts(parts[1], *ids)
                                          : platform->remove_audience_contacts(parts[1], *ids);
      return answer<api::Audience>(r, path, 201, wire::encode);
    }
  }

  if (resource == "flows") {
    if (n == 2 && parts[1] == "validate" && m == "POST") {
      auto graph = wire::parse_flow_validate(body);
      if (!graph) return bad(graph.error());
      return answer<api::FlowValidation>(platform->validate_flow(*graph), path, 201, wire::encode);
    }
    if (n == 1 && m == "POST") {
      auto fields = wire::parse_flow(body);
      if (!fields) return bad(fields.error());
      return answer<api::FlowRecord>(platform->create_flow(*fields), path, 201, wire::encode);
    }
    if (n == 1 && m == "GET") {
      auto q = page_query(req);
      if (!q) return bad(q.error());
      return answer_page<api::FlowRecord>(platform->list_flows(*q), path, wire::encode);
    }
    if (n == 2 && m == "GET") return answer<api::FlowRecord>(platform->get_flow(parts[1]), path, 200, wire::encode);
    if (n == 2 && (m == "PUT" || m == "PATCH")) {
      auto fields = wire::parse_flow(body);
      if (!fields) return bad(fields.error());
      return answer<api::FlowRecord>(platform->update_flow(parts[1], *fields), path, 200, wire::encode);
    }
    if (n == 2 && m == "DELETE") return done(platform->delete_flow(parts[1]), path);
  }
  // Programs, executions, reports, call requests, DIDs, audio, dictionaries (routes_programs.cc).
  if (auto routed = route_programs(req, parts, body, *platform)) return *routed;
  return no_route();
}

}  // namespace gomo::serve

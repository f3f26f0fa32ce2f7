#include "serve/router.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <vector>

#include "api/wire.h"
#include "base/time.h"
#include "serve/respond.h"
#include "serve/routes_programs.h"

namespace gomo::serve {
namespace {

using api::ApiError;
using nlohmann::json;
namespace wire = api::wire;

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) parts.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return parts;
}

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

}  // namespace

api::Result<api::PageQuery> page_query(const Request& req, std::initializer_list<const char*> extra,
                                       std::map<std::string, std::string>* extras) {
  api::PageQuery q;
  std::map<std::string, std::vector<std::string>> errors;
  for (const auto& [key, value] : req.query) {
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
  return {error.http_status ? error.http_status : 500, wire::error_envelope(error, path, now_iso()).dump()};
}

Response Router::handle(const Request& req) {
  const std::string& path = req.path;
  auto parts = split_path(path);
  const std::string& m = req.method;
  auto no_route = [&] { return error_response(make_error(404, "NOT_FOUND", "Cannot " + m + " " + path), path); };
  if (parts.empty() || parts[0] != "api") return no_route();
  parts.erase(parts.begin());

  auto org = workspace_.organization_for_key(req.api_key);
  if (!org) {
    return error_response(make_error(401, api::kUnauthorized, req.api_key.empty() ? "API key required: send x-api-key"
                                                                                  : "Invalid API key"),
                          path);
  }
  auto platform = workspace_.platform_for(org->id);

  json body;
  if ((m == "POST" || m == "PUT" || m == "PATCH") && !req.multipart) {
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
      return answer_page<api::Contact>(platform->list_contacts(*q), path, wire::encode);
    }
    if (n == 2 && parts[1] == "upsert" && m == "POST") {
      auto contacts = wire::parse_upsert(body);
      if (!contacts) return bad(contacts.error());
      return answer<api::UpsertResult>(platform->upsert_contacts(*contacts), path, 201, wire::encode);
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
      return answer_page<api::Contact>(platform->audience_members(parts[1], *q), path, wire::encode);
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

#include "api/validate.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "base/unicode.h"

namespace gomo::api {
namespace {

using FieldErrors = std::map<std::string, std::vector<std::string>>;

void check_length(FieldErrors& errors, const char* field, const std::optional<std::string>& value, std::size_t min,
                  std::size_t max) {
  if (!value) return;
  std::size_t n = char_count(*value);
  if (n < min) {
    errors[field].push_back(std::string(field) + " must be longer than or equal to " + std::to_string(min) +
                            " characters");
  } else if (n > max) {
    errors[field].push_back(std::string(field) + " must be shorter than or equal to " + std::to_string(max) +
                            " characters");
  }
}

void require(FieldErrors& errors, const char* field, const std::optional<std::string>& value) {
  if (!value) errors[field].push_back(std::string(field) + " should not be empty");
}

// class-validator's IsEmail in spirit: one @, a non-empty local part, a dotted domain, no spaces.
bool looks_like_email(const std::string& s) {
  auto at = s.find('@');
  if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
  std::string domain = s.substr(at + 1);
  auto dot = domain.rfind('.');
  if (dot == std::string::npos || dot == 0 || dot + 2 > domain.size()) return false;
  if (domain.find("..") != std::string::npos) return false;
  return std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) || c < 0x20; });
}

std::optional<ApiError> result_of(FieldErrors errors) {
  if (errors.empty()) return std::nullopt;
  return validation_error(std::move(errors));
}

}  // namespace

std::size_t char_count(const std::string& s) { return utf8_length(s); }

std::optional<ApiError> validate_contact(const ContactFields& f, bool create) {
  FieldErrors errors;
  if (create) require(errors, "primaryPhone", f.primary_phone);
  check_length(errors, "primaryPhone", f.primary_phone, 3, 20);
  check_length(errors, "firstName", f.first_name, 2, 64);
  check_length(errors, "lastName", f.last_name, 1, 64);
  check_length(errors, "fullName", f.full_name, 3, 64);
  check_length(errors, "address", f.address, 3, 256);
  check_length(errors, "city", f.city, 3, 64);
  check_length(errors, "state", f.state, 3, 64);
  check_length(errors, "zip", f.zip, 3, 64);
  check_length(errors, "occupation", f.occupation, 3, 64);
  check_length(errors, "preferredChannel", f.preferred_channel, 3, 64);
  if (f.primary_email && !looks_like_email(*f.primary_email)) {
    errors["primaryEmail"].push_back("primaryEmail must be an email");
  }
  if (f.gender && *f.gender != "male" && *f.gender != "female") {
    errors["gender"].push_back("gender must be one of the following values: male, female");
  }
  for (const auto& [name, value] : f.custom_attributes) {
    if (!nlohmann::json::accept(value)) errors["customAttributes." + name].push_back("value must be valid JSON");
  }
  return result_of(std::move(errors));
}

std::optional<ApiError> validate_new_custom_attribute(const NewCustomAttribute& a) {
  FieldErrors errors;
  check_length(errors, "displayName", a.display_name, 3, 64);
  if (char_count(a.display_name) >= 3 && attribute_slug(a.display_name).empty()) {
    errors["displayName"].push_back("displayName must contain a letter or a digit");
  }
  check_length(errors, "description", a.description, 1, 256);
  bool known = std::any_of(std::begin(kCustomAttributeTypes), std::end(kCustomAttributeTypes),
                           [&](const char* t) { return a.type == t; });
  if (!known) {
    errors["type"].push_back(
        "type must be one of the following values: text, number, boolean, date, phone_number, email, url");
  }
  return result_of(std::move(errors));
}

std::optional<ApiError> validate_audience(const AudienceFields& f, bool create) {
  FieldErrors errors;
  if (create) require(errors, "name", f.name);
  check_length(errors, "name", f.name, 3, 64);
  check_length(errors, "description", f.description, 0, 256);
  return result_of(std::move(errors));
}

std::optional<ApiError> validate_flow(const FlowFields& f, bool create) {
  FieldErrors errors;
  if (create) {
    require(errors, "name", f.name);
    require(errors, "graph", f.graph_json);
  }
  check_length(errors, "name", f.name, 1, 255);
  check_length(errors, "description", f.description, 0, 1000);
  if (f.graph_json) {
    auto graph = nlohmann::json::parse(*f.graph_json, nullptr, false);
    if (graph.is_discarded() || !graph.is_object()) {
      errors["graph"].push_back("graph must be an object");
    } else {
      auto start = graph.find("startNodeId");
      if (start == graph.end() || !start->is_string()) errors["graph"].push_back("graph.startNodeId must be a string");
      auto nodes = graph.find("nodes");
      if (nodes == graph.end() || !(nodes->is_array() || nodes->is_object())) {
        errors["graph"].push_back("graph.nodes must be an array or an object keyed by node id");
      }
    }
  }
  return result_of(std::move(errors));
}

std::optional<ApiError> validate_flow_graph_request(const std::string& graph_json) {
  FieldErrors errors;
  if (graph_json.empty()) {
    errors["graph"].push_back("graph should not be empty");
  } else {
    auto graph = nlohmann::json::parse(graph_json, nullptr, false);
    if (graph.is_discarded() || !graph.is_object()) errors["graph"].push_back("graph must be an object");
  }
  return result_of(std::move(errors));
}

std::optional<ApiError> validate_page_query(const PageQuery& q, const std::vector<std::string>& sort_fields) {
  FieldErrors errors;
  if (q.page < 1) errors["page"].push_back("page must not be less than 1");
  if (q.limit < 1) errors["limit"].push_back("limit must not be less than 1");
  if (q.limit > 100) errors["limit"].push_back("limit must not be greater than 100");
  if (char_count(q.search) > 100) errors["search"].push_back("search must be shorter than or equal to 100 characters");
  if (!q.sort_by.empty() && std::find(sort_fields.begin(), sort_fields.end(), q.sort_by) == sort_fields.end()) {
    std::string list;
    for (const auto& s : sort_fields) list += (list.empty() ? "" : ", ") + s;
    errors["sortBy"].push_back("sortBy must be one of the following values: " + list);
  }
  if (!q.sort_order.empty() && q.sort_order != "asc" && q.sort_order != "desc") {
    errors["sortOrder"].push_back("sortOrder must be one of the following values: asc, desc");
  }
  return result_of(std::move(errors));
}

std::string attribute_slug(const std::string& display_name) { return slug(display_name, '_'); }

}  // namespace gomo::api

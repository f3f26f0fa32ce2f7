#include "api/validate.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "api/resource_tables.h"
#include "base/strings.h"
#include "base/unicode.h"

namespace gomo::api {
namespace {

using fields::FieldErrors;

std::optional<ApiError> result_of(FieldErrors errors) {
  if (errors.empty()) return std::nullopt;
  return validation_error(std::move(errors));
}

}  // namespace

std::size_t char_count(const std::string& s) { return utf8_length(s); }

std::optional<ApiError> validate_contact(const ContactFields& f, bool create) {
  FieldErrors errors;
  fields::check_object(f, create, errors);
  for (const auto& [name, value] : f.custom_attributes) {
    if (!nlohmann::json::accept(value)) errors["customAttributes." + name].push_back("value must be valid JSON");
  }
  return result_of(std::move(errors));
}

std::optional<FieldProblem> first_contact_problem(const ContactFields& f, bool create) {
  auto error = validate_contact(f, create);
  if (!error) return std::nullopt;
  const auto& [field, messages] = *error->field_errors.begin();
  FieldProblem problem{field, FieldFault::kInvalid, messages.front()};
  for (const auto& column : fields::table_of<ContactFields>().fields) {
    if (column.name && column.fault && field == column.name) problem.fault = column.fault(column, f, create);
  }
  return problem;
}

std::optional<ApiError> validate_new_custom_attribute(const NewCustomAttribute& a) {
  FieldErrors errors;
  fields::check_object(a, true, errors);
  if (char_count(a.display_name) >= 3 && attribute_slug(a.display_name).empty()) {
    errors["displayName"].push_back("displayName must contain a letter or a digit");
  }
  return result_of(std::move(errors));
}

std::optional<ApiError> validate_audience(const AudienceFields& f, bool create) {
  FieldErrors errors;
  fields::check_object(f, create, errors);
  return result_of(std::move(errors));
}

std::optional<ApiError> validate_flow(const FlowFields& f, bool create) {
  FieldErrors errors;
  fields::check_object(f, create, errors);
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

// page, limit, search and sortOrder by the table; the sort fields differ per list.
std::optional<ApiError> validate_page_query(const PageQuery& q, const std::vector<std::string>& sort_fields) {
  FieldErrors errors;
  fields::check_object(q, true, errors);
  if (!q.sort_by.empty() && std::find(sort_fields.begin(), sort_fields.end(), q.sort_by) == sort_fields.end()) {
    std::string list;
    for (const auto& s : sort_fields) list += (list.empty() ? "" : ", ") + s;
    errors["sortBy"].push_back("sortBy must be one of the following values: " + list);
  }
  return result_of(std::move(errors));
}

std::string attribute_slug(const std::string& display_name) { return slug(display_name, '_'); }

}  // namespace gomo::api

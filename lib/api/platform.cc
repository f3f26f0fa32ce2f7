#include "api/platform.h"

#include "api/list_all.h"

namespace gomo::api {

ApiError validation_error(std::map<std::string, std::vector<std::string>> field_errors) {
  ApiError e;
  e.http_status = 400;
  e.code = kValidationFailed;
  e.message = "Validation failed";
  e.field_errors = std::move(field_errors);
  return e;
}

ApiError not_found_error(const std::string& what) {
  ApiError e;
  e.http_status = 404;
  e.code = kNotFound;
  e.message = what + " not found";
  return e;
}

ApiError conflict_error(std::string message) {
  ApiError e;
  e.http_status = 409;
  e.code = kConflict;
  e.message = std::move(message);
  return e;
}

Result<std::vector<Contact>> list_all_contacts(Platform& platform, PageQuery query, int max_items) {
  return collect_all<Contact>([&](const PageQuery& q) { return platform.list_contacts(q); }, query, max_items);
}

Result<std::vector<FlowRecord>> list_all_flows(Platform& platform, PageQuery query, int max_items) {
  return collect_all<FlowRecord>([&](const PageQuery& q) { return platform.list_flows(q); }, query, max_items);
}

Result<std::optional<Contact>> find_contact_by_phone(Platform& platform, const std::string& phone) {
  PageQuery query;
  query.search = phone;
  auto matches = list_all_contacts(platform, query, 10000);
  if (!matches) return matches.error();
  for (auto& c : *matches) {
    if (c.fields.primary_phone == phone) return std::optional<Contact>(std::move(c));
  }
  return std::optional<Contact>();
}

}  // namespace gomo::api

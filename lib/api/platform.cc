#include "api/platform.h"

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

namespace {

template <typename T, typename ListFn>
Result<std::vector<T>> collect_pages(ListFn list, PageQuery query, int max_items) {
  std::vector<T> all;
  query.page = 1;
  query.limit = 100;
  // Bounded by the total the first page reports, so a server that never says "last page" cannot loop us.
  for (int guard = 0; guard < 100000; ++guard) {
    auto page = list(query);
    if (!page) return page.error();
    for (auto& item : page->data) {
      if (static_cast<int>(all.size()) >= max_items) return all;
      all.push_back(std::move(item));
    }
    if (!page->meta.has_next_page || page->data.empty()) break;
    ++query.page;
  }
  return all;
}

}  // namespace

Result<std::vector<Contact>> list_all_contacts(Platform& platform, PageQuery query, int max_items) {
  return collect_pages<Contact>([&](const PageQuery& q) { return platform.list_contacts(q); }, query, max_items);
}

Result<std::vector<FlowRecord>> list_all_flows(Platform& platform, PageQuery query, int max_items) {
  return collect_pages<FlowRecord>([&](const PageQuery& q) { return platform.list_flows(q); }, query, max_items);
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

#include "local/query.h"

namespace gomo::local {

api::ApiError internal_error(const std::string& what) {
  api::ApiError e;
  e.http_status = 500;
  e.code = "INTERNAL_ERROR";
  e.message = "workspace error: " + what;
  return e;
}

std::vector<std::string> api_names(const std::vector<SortSpec>& specs) {
  std::vector<std::string> names;
  for (const auto& s : specs) names.push_back(s.api_name);
  return names;
}

SortColumn sort_column(const api::PageQuery& q, const std::vector<SortSpec>& specs, const std::string& prefix) {
  SortColumn order{prefix + "created_at", prefix + "rowid", q.sort_order != "asc", false};
  for (const auto& s : specs) {
    if (q.sort_by == s.api_name) {
      order.column = prefix + s.column;
      order.nullable = s.nullable;
    }
  }
  return order;
}

api::PageMeta page_meta(const api::PageQuery& q, long long total) {
  api::PageMeta m;
  m.page = q.page;
  m.limit = q.limit;
  m.total = static_cast<int>(total);
  m.total_pages = static_cast<int>((total + q.limit - 1) / q.limit);
  m.has_next_page = q.page < m.total_pages;
  m.has_previous_page = q.page > 1;
  return m;
}

}  // namespace gomo::local

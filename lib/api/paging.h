#pragma once
// Paginated lists (Gomobile docs: Pagination): the query every list takes and the page it returns.
#include <string>
#include <vector>

namespace gomo::api {

// Query of a paginated list (Gomobile docs: Pagination). `page` is 1-based; `limit` 1..100.
struct PageQuery {
  int page = 1;
  int limit = 20;
  std::string search;      // empty: no search; at most 100 characters
  std::string sort_by;     // empty: createdAt
  std::string sort_order;  // "asc" | "desc"; empty: desc
};

struct PageMeta {
  int page = 1, limit = 20, total = 0, total_pages = 0;
  bool has_next_page = false, has_previous_page = false;
};

template <typename T>
struct Page {
  std::vector<T> data;
  PageMeta meta;
};

}  // namespace gomo::api

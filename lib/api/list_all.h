#pragma once
// Every item of any paginated list: pages of 100 followed to the last one (bounded by max_items and
// a page count, so a server that never says "last page" cannot loop us). platform.h's list_all_*
// use it too.
#include <vector>

#include "api/platform.h"

namespace gomo::api {

// `list(query)` returns Result<Page<T>>; `query.page`/`limit` are overwritten.
template <typename T, typename ListFn>
Result<std::vector<T>> collect_all(ListFn list, PageQuery query, int max_items = 1000000) {
  std::vector<T> all;
  query.page = 1;
  query.limit = 100;
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

}  // namespace gomo::api

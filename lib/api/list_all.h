#pragma once
// Every item of any paginated list: pages of 100 followed to the last one (bounded by max_items and
// a page count, so a server that never says "last page" cannot loop us). platform.h's list_all_*
// use it too.
#include <optional>
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

// What a list command prints: one page at `query` with its meta (for "page 1 of 3; --page N for
// more"), or with `all` every page from `query`'s on (meta unset: the whole list).
template <typename T>
struct Listing {
  std::vector<T> items;
  std::optional<PageMeta> meta;
};

template <typename T, typename ListFn>
Result<Listing<T>> page_or_all(ListFn list, const PageQuery& query, bool all) {
  Listing<T> listing;
  if (all) {
    auto items = collect_all<T>(list, query);
    if (!items) return items.error();
    listing.items = std::move(*items);
    return listing;
  }
  auto page = list(query);
  if (!page) return page.error();
  listing.items = std::move(page->data);
  listing.meta = page->meta;
  return listing;
}

}  // namespace gomo::api

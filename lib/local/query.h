#pragma once
// The local platform's side of the SQL helpers (internal to lib/local): SQLite failures as the API's
// 500, and the API's paging (sortBy/sortOrder, page meta); paging.h pages with them. Statements themselves
// are store/sql.h's.
#include <mutex>
#include <string>
#include <vector>

#include "api/platform.h"
#include "store/sql.h"

namespace gomo::local {

// The 500 a workspace failure answers ("workspace error: ...").
api::ApiError internal_error(const std::string& what);

// Runs `body` under `mutex`, turning SQLite and JSON failures into a 500.
template <typename Fn>
auto guarded(std::mutex& mutex, Fn body) -> decltype(body()) {
  std::lock_guard<std::mutex> lock(mutex);
  try {
    return body();
  } catch (const store::sql::SqlError& e) {
    return internal_error(e.what());
  } catch (const std::exception& e) {  // nlohmann::json::exception and friends
    return internal_error(e.what());
  }
}

// One sortable field: its name in the API and its column. `nullable` must be true when the column
// may hold NULL (paging.h seeks past NULLs differently; false lets an index serve a descending seek).
struct SortSpec {
  const char* api_name;
  const char* column;
  bool nullable = false;
};
std::vector<std::string> api_names(const std::vector<SortSpec>& specs);

// What a list is ordered by: `column`, then `rowid` (the tie-break), both ascending or descending.
struct SortColumn {
  std::string column;
  std::string rowid = "rowid";
  bool descending = true;
  bool nullable = false;
};
// The order `q` asks for among `specs` (columns and rowid prefixed with `prefix`, e.g. "c."):
// createdAt by default, newest first (the docs' default sortOrder).
SortColumn sort_column(const api::PageQuery& q, const std::vector<SortSpec>& specs, const std::string& prefix);
api::PageMeta page_meta(const api::PageQuery& q, long long total);

}  // namespace gomo::local

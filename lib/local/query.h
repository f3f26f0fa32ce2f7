#pragma once
// The local platform's side of the SQL helpers (internal to lib/local): SQLite failures as the API's
// 500, and the API's paging (sortBy/sortOrder, page meta) as SQL clauses. Statements themselves
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

// One sortable field: its name in the API and its column.
struct SortSpec {
  const char* api_name;
  const char* column;
};
std::vector<std::string> api_names(const std::vector<SortSpec>& specs);
// " ORDER BY col dir, rowid dir": createdAt by default, newest first (the docs' default sortOrder).
std::string order_clause(const api::PageQuery& q, const std::vector<SortSpec>& specs, const std::string& prefix);
api::PageMeta page_meta(const api::PageQuery& q, long long total);

}  // namespace gomo::local

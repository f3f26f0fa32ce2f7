#pragma once
// The one paging implementation of the local platform's lists (internal to lib/local): a page of
// `limit` rows plus the total, in the API's order (sort column, then rowid, both in the sort order).
//
// Why it is not LIMIT/OFFSET alone: OFFSET walks every row before the page, so reading all pages of
// N rows costs O(N²) (4.2 s for 50,000 contacts). A Pager remembers, for each query it served
// (statement and parameters), the sort key and rowid of the last row of the page; when the next page
// of the same query is asked and nothing in the workspace changed since (store::sql::change_stamp),
// it seeks past that row with a WHERE on (sort key, rowid), which an index on the sort column turns
// into a range. The total (COUNT(*)) is kept the same way. Any write to the workspace (by this
// connection or another process) makes both fall back to OFFSET and COUNT(*) for the next request,
// so every page is exactly the page LIMIT/OFFSET would give at that moment: the contract of the
// real platform, whatever the order of requests.
#include <cstddef>
#include <string>
#include <vector>

#include "api/platform.h"
#include "local/query.h"
#include "store/sql.h"

namespace gomo::local {

// One list: what to select, from where, in which order.
struct ListQuery {
  std::string select;                     // "SELECT a, b, c": the reader's columns, read from column 0
  std::string from_where;                 // " FROM t WHERE ...", with parameters ?1..?N
  std::vector<store::sql::Value> params;  // ?1..?N, in order
  SortColumn order;                       // what ORDER BY sorts on (sort_column() in query.h)
};

// Cursors and totals of recent queries. One per local::Workspace, shared by every platform over its
// connection (gomo serve makes a platform per request). Not thread-safe on its own: REQUIRES the
// workspace's mutex held (every LocalOperations list runs under it).
class Pager {
 public:
  // Page `page.page` of `q` (`page.limit` rows) and its meta; `read` turns a row into a T.
  template <typename T, typename Read>
  api::Page<T> page(sqlite3* db, const ListQuery& q, const api::PageQuery& page, Read read) {
    api::Page<T> out;
    // Taken before reading: a write that lands during the read makes the next request start afresh.
    store::sql::ChangeStamp now = store::sql::change_stamp(db);
    out.meta = page_meta(page, total(db, q, now));
    std::string key = cursor_key(q);
    const Cursor* cursor = find_cursor(key, page, now);
    store::sql::Stmt rows(db, rows_sql(q, cursor));
    bind_rows(rows, q, page, cursor);
    while (rows.step()) {
      out.data.push_back(read(rows));
      if (static_cast<int>(out.data.size()) == page.limit) {
        int key_column = rows.column_count() - 2;  // rows_sql appends the sort key and the rowid
        remember(std::move(key), now, page, rows.value(key_column), rows.integer(key_column + 1));
      }
    }
    return out;
  }

  // How many cursors and totals are kept (the oldest is dropped first).
  static constexpr std::size_t kCapacity = 64;
  // For tests and benchmarks: how many pages were served by a seek and by OFFSET, and how many
  // totals were counted.
  struct Stats {
    long long seeks = 0, offsets = 0, counts = 0;
  };
  const Stats& stats() const { return stats_; }

 private:
  struct Cursor {
    std::string key;
    store::sql::ChangeStamp stamp;
    int limit = 0;
    int next_page = 0;
    store::sql::Value last_key;
    long long last_rowid = 0;
  };
  struct Total {
    std::string key;
    store::sql::ChangeStamp stamp;
    long long total = 0;
  };
  long long total(sqlite3* db, const ListQuery& q, const store::sql::ChangeStamp& now);
  // What identifies a query's rows in order (the statement, its order and its parameters).
  static std::string cursor_key(const ListQuery& q);
  // The cursor that seeks to `page` of the query `key`, if one is valid now; nullptr: use OFFSET.
  const Cursor* find_cursor(const std::string& key, const api::PageQuery& page, const store::sql::ChangeStamp& now);
  // The statement of the page's rows (a seek past `cursor`, or OFFSET), then its sort key and rowid.
  static std::string rows_sql(const ListQuery& q, const Cursor* cursor);
  void bind_rows(store::sql::Stmt& rows, const ListQuery& q, const api::PageQuery& page, const Cursor* cursor);
  // Keeps the cursor for the page after `page` of query `key`, which ended at sort key `last_key`, `rowid`.
  void remember(std::string key, const store::sql::ChangeStamp& now, const api::PageQuery& page,
                store::sql::Value last_key, long long rowid);

  std::vector<Cursor> cursors_;  // oldest first
  std::vector<Total> totals_;    // oldest first
  Stats stats_;
};

}  // namespace gomo::local

#include "local/paging.h"

#include <algorithm>

namespace gomo::local {

using store::sql::ChangeStamp;
using store::sql::Stmt;
using store::sql::Value;

namespace {

void bind_params(Stmt& s, const std::vector<Value>& params) {
  for (size_t i = 0; i < params.size(); ++i) s.bind(static_cast<int>(i + 1), params[i]);
}

// Appends a parameter's type and value to a cache key, unambiguously (lengths, not separators).
void append_value(std::string& key, const Value& v) {
  std::string text = v.type == Value::Type::kInteger ? std::to_string(v.integer)
                     : v.type == Value::Type::kReal  ? std::to_string(v.real)
                                                     : v.text;
  key += std::to_string(static_cast<int>(v.type)) + ":" + std::to_string(text.size()) + ":" + text;
}

// Keeps at most Pager::kCapacity entries, dropping the oldest (the front).
template <typename Entry>
void keep_bounded(std::vector<Entry>& entries, Entry entry) {
  if (entries.size() >= Pager::kCapacity) entries.erase(entries.begin());
  entries.push_back(std::move(entry));
}

}  // namespace

std::string Pager::cursor_key(const ListQuery& q) {
  std::string key =
      q.select + q.from_where + "|" + q.order.column + "|" + q.order.rowid + (q.order.descending ? "|desc|" : "|asc|");
  for (const auto& p : q.params) append_value(key, p);
  return key;
}

long long Pager::total(sqlite3* db, const ListQuery& q, const ChangeStamp& now) {
  std::string key = q.from_where + "|";
  for (const auto& p : q.params) append_value(key, p);
  for (auto it = totals_.begin(); it != totals_.end(); ++it) {
    if (it->key != key) continue;
    if (it->stamp == now) return it->total;
    totals_.erase(it);  // stale: counted again below
    break;
  }
  Stmt counter(db, "SELECT COUNT(*)" + q.from_where);
  bind_params(counter, q.params);
  counter.step();
  long long total = counter.integer(0);
  ++stats_.counts;
  keep_bounded(totals_, Total{std::move(key), now, total});
  return total;
}

const Pager::Cursor* Pager::find_cursor(const std::string& key, const api::PageQuery& page, const ChangeStamp& now) {
  if (page.page <= 1) return nullptr;  // the first page needs neither a seek nor an offset
  for (const auto& c : cursors_) {
    if (c.key == key && c.limit == page.limit && c.next_page == page.page && c.stamp == now) return &c;
  }
  return nullptr;
}

std::string Pager::rows_sql(const ListQuery& q, const Cursor* cursor) {
  const SortColumn& o = q.order;
  const std::string& c = o.column;
  const std::string& r = o.rowid;
  int n = static_cast<int>(q.params.size());
  std::string key = "?" + std::to_string(n + 1), rowid = "?" + std::to_string(n + 2);
  std::string limit = "?" + std::to_string(n + 3), offset = "?" + std::to_string(n + 4);
  std::string sql = q.select + ", " + c + ", " + r + q.from_where;
  if (cursor) {
    // The rows after (key, rowid) in the order below. SQLite puts NULLs first when ascending and
    // last when descending; the range on `c` alone (c >= key, c <= key) is what lets an index on the
    // sort column start at the cursor instead of at the first row.
    bool key_null = cursor->last_key.type == Value::Type::kNull;
    if (!o.descending && key_null) {
      sql += " AND ((" + c + " IS NULL AND " + r + " > " + rowid + ") OR " + c + " IS NOT NULL)";
    } else if (!o.descending) {
      sql += " AND " + c + " >= " + key + " AND (" + c + " > " + key + " OR " + r + " > " + rowid + ")";
    } else if (key_null) {
      sql += " AND " + c + " IS NULL AND " + r + " < " + rowid;
    } else {
      std::string before = c + " <= " + key + " AND (" + c + " < " + key + " OR " + r + " < " + rowid + ")";
      sql += o.nullable ? " AND ((" + before + ") OR " + c + " IS NULL)" : " AND " + before;
    }
  }
  std::string dir = o.descending ? " DESC" : " ASC";
  sql += " ORDER BY " + c + dir + ", " + r + dir + " LIMIT " + limit;
  if (!cursor) sql += " OFFSET " + offset;
  return sql;
}

void Pager::bind_rows(Stmt& rows, const ListQuery& q, const api::PageQuery& page, const Cursor* cursor) {
  bind_params(rows, q.params);
  int n = static_cast<int>(q.params.size());
  if (cursor) {
    // An unused parameter stays NULL: the SQL for a NULL key does not mention it.
    if (cursor->last_key.type != Value::Type::kNull) rows.bind(n + 1, cursor->last_key);
    rows.bind(n + 2, cursor->last_rowid);
    ++stats_.seeks;
  } else {
    rows.bind(n + 4, static_cast<long long>(page.page - 1) * page.limit);
    ++stats_.offsets;
  }
  rows.bind(n + 3, static_cast<long long>(page.limit));
}

void Pager::remember(std::string key, const ChangeStamp& now, const api::PageQuery& page, Value last_key,
                     long long rowid) {
  // The cursor that served this page (or an older one for the same place) moves on.
  cursors_.erase(std::remove_if(cursors_.begin(), cursors_.end(),
                                [&](const Cursor& c) {
                                  return c.key == key && c.limit == page.limit &&
                                         (c.next_page == page.page || c.next_page == page.page + 1);
                                }),
                 cursors_.end());
  keep_bounded(cursors_, Cursor{std::move(key), now, page.limit, page.page + 1, std::move(last_key), rowid});
}

}  // namespace gomo::local

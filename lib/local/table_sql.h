#pragma once
// The SQL of a resource stored one field per column, from its field table (api/field_table.h): the
// column lists of SELECT, INSERT and UPDATE, and the binding of a row to the struct and back. Adding
// a field to such a resource is one line in its table (plus a migration when the column is new).
//
// Text, integer, boolean and real members are bound and read directly; lists, nested objects and
// custom fields (graphs, retry strategies, custom attributes) are stored as the compact JSON text of
// what the API writes for them (Mode::kResponse). An unset optional is NULL.
//
// Internal to lib/local's .cc files and tests: it includes nlohmann/json.hpp through the field tables.
// A SqlTable is immutable after set-up and may be shared between threads; statements run on the
// caller's connection under the caller's lock.
#include <string>
#include <utility>
#include <vector>

#include "api/resource_tables.h"
#include "store/sql.h"

namespace gomo::local {

// The column list and row codec of one SQL table, whatever the resource type.
class SqlColumns {
 public:
  // `table` is the SQL table; `alias`, when not empty, names it in select() ("audiences a").
  SqlColumns(std::string table, std::vector<api::fields::Column> columns, std::string alias = "");

  // A read-only column: `expression` (in select() only), read into `column`'s member.
  void add_computed(const api::fields::Column& column, std::string expression);

  // "c.id, c.organization_id, ..." for prefix "c."; computed columns last, as written.
  std::string list(const std::string& prefix = "") const;
  // The statements are built once, at set-up. "SELECT <list(alias.)> FROM table [alias]": append
  // WHERE, ORDER BY, LIMIT.
  const std::string& select() const { return select_; }
  // "INSERT INTO table (stored columns) VALUES (?, ...)".
  const std::string& insert() const { return insert_; }
  // "UPDATE table SET col = ?, ... WHERE id = ?": every stored column but the ones a row keeps for
  // life (id, organization_id, created_at).
  const std::string& update() const { return update_; }

  // `resource` is the object the columns were listed from (a T of SqlTable<T>).
  // Binds its members from parameter 1 in insert() order.
  void bind_insert(store::sql::Stmt& s, const void* resource) const;
  // Binds the SET values in update() order, then `id`.
  void bind_update(store::sql::Stmt& s, const void* resource, const std::string& id) const;
  // Reads the row at the statement's current step, from column `first` on (list() order), into
  // `resource`'s members.
  void read(store::sql::Stmt& s, int first, void* resource) const;

 private:
  struct Entry {
    api::fields::Column column;
    std::string expression;  // column name, or a computed expression
    bool stored;             // false: computed, read only
    bool fixed;              // written at insert only
  };
  void build_statements();
  std::string table_, alias_;
  std::vector<Entry> entries_;
  std::string select_, insert_, update_;
};

// SqlColumns for resource T, from table_of<T>().
template <typename T>
class SqlTable {
 public:
  explicit SqlTable(std::string table, std::string alias = "")
      : columns_(std::move(table), api::fields::columns_of<T>(), std::move(alias)) {}

  // A read-only member computed by `expression` (the audience's contactCount), selected after the
  // stored columns. REQUIRES: T's table has a field named `name`.
  SqlTable&& computed(const char* name, std::string expression) && {
    for (const auto& f : api::fields::table_of<T>().fields) {
      if (f.name && std::string(f.name) == name)
        columns_.add_computed(api::fields::column_for(f), std::move(expression));
    }
    return std::move(*this);
  }

  std::string list(const std::string& prefix = "") const { return columns_.list(prefix); }
  const std::string& select() const { return columns_.select(); }

  // Inserts `value` as a new row. Throws sql::SqlError.
  void insert(sqlite3* db, const T& value) const {
    store::sql::Stmt s(db, columns_.insert());
    columns_.bind_insert(s, &value);
    s.step();
  }
  // Rewrites the row of value.id (all but id, organization_id and created_at). Throws sql::SqlError.
  void update(sqlite3* db, const T& value) const {
    store::sql::Stmt s(db, columns_.update());
    columns_.bind_update(s, &value, value.id);
    s.step();
  }
  // The same through a statement prepared from insert_sql() or update_sql() and run once per row:
  // a batch prepares each statement once. The statement is reset first.
  const std::string& insert_sql() const { return columns_.insert(); }
  const std::string& update_sql() const { return columns_.update(); }
  void insert(store::sql::Stmt& s, const T& value) const {
    s.reset();
    columns_.bind_insert(s, &value);
    s.step();
  }
  void update(store::sql::Stmt& s, const T& value) const {
    s.reset();
    columns_.bind_update(s, &value, value.id);
    s.step();
  }
  // The row at the statement's current step, its columns from `first` on in list() order.
  // Members without a column keep T's defaults.
  T read(store::sql::Stmt& s, int first = 0) const {
    T value{};
    columns_.read(s, first, &value);
    return value;
  }

 private:
  SqlColumns columns_;
};

}  // namespace gomo::local

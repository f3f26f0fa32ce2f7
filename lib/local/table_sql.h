#pragma once
// The SQL of a resource stored one field per column, from its field table (api/field_table.h): the
// column lists of SELECT, INSERT and UPDATE, and the binding of a row to the struct and back. Adding
// a field to such a resource is one line in its table (plus a migration when the column is new).
//
// A row travels through the resource's JSON form (encode_object in Mode::kResponse, decode_object),
// so each column holds what the API writes for its field: text, integers, reals, or for lists,
// nested objects and custom fields (graphs, retry strategies, custom attributes) their compact JSON
// text; an unset optional is NULL.
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

  // A read-only column: `expression` (in select() only) read as JSON member `name`.
  void add_computed(const char* name, std::string expression, api::fields::ColumnKind kind);

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

  // Binds `obj`'s members (the resource's JSON form) from parameter 1 in insert() order; a missing
  // member binds NULL.
  void bind_insert(store::sql::Stmt& s, const nlohmann::json& obj) const;
  // Binds the SET values in update() order, then obj["id"].
  void bind_update(store::sql::Stmt& s, const nlohmann::json& obj) const;
  // The JSON form of the row at the statement's current step, from column `first` on (list() order);
  // NULL columns are null members.
  nlohmann::json read(store::sql::Stmt& s, int first = 0) const;

 private:
  struct Entry {
    std::string name;        // JSON member
    std::string expression;  // column name, or a computed expression
    api::fields::ColumnKind kind;
    bool stored;  // false: computed, read only
    bool fixed;   // written at insert only
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

  // A read-only computed member (the audience's contactCount): see SqlColumns::add_computed.
  SqlTable&& computed(const char* name, std::string expression, api::fields::ColumnKind kind) && {
    columns_.add_computed(name, std::move(expression), kind);
    return std::move(*this);
  }

  std::string list(const std::string& prefix = "") const { return columns_.list(prefix); }
  const std::string& select() const { return columns_.select(); }

  // Inserts `value` as a new row. Throws sql::SqlError.
  void insert(sqlite3* db, const T& value) const {
    store::sql::Stmt s(db, columns_.insert());
    columns_.bind_insert(s, api::fields::encode_object(value));
    s.step();
  }
  // Rewrites the row of value.id (all but id, organization_id and created_at). Throws sql::SqlError.
  void update(sqlite3* db, const T& value) const {
    store::sql::Stmt s(db, columns_.update());
    columns_.bind_update(s, api::fields::encode_object(value));
    s.step();
  }
  // The row at the statement's current step, its columns from `first` on in list() order.
  T read(store::sql::Stmt& s, int first = 0) const { return api::fields::decode_object<T>(columns_.read(s, first)); }

 private:
  SqlColumns columns_;
};

}  // namespace gomo::local

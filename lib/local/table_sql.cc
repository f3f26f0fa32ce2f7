#include "local/table_sql.h"

namespace gomo::local {

using api::fields::ColumnKind;
using store::sql::Stmt;

namespace {

bool kept_for_life(const std::string& column) {
  return column == "id" || column == "organization_id" || column == "created_at";
}

void bind_value(Stmt& s, int i, const api::fields::ColumnValue& v, ColumnKind kind) {
  if (v.null) {
    s.bind_null(i);
  } else if (kind == ColumnKind::kInteger || kind == ColumnKind::kBoolean) {
    s.bind(i, v.integer);
  } else if (kind == ColumnKind::kReal) {
    s.bind_double(i, v.real);
  } else {
    s.bind(i, v.text);
  }
}

// The owner of a column's member: the resource, or the part of it a flattened column lives in.
void* owner_of(const api::fields::Column& c, void* resource) { return c.part ? c.part(resource) : resource; }

}  // namespace

SqlColumns::SqlColumns(std::string table, std::vector<api::fields::Column> columns, std::string alias)
    : table_(std::move(table)), alias_(std::move(alias)) {
  for (const auto& c : columns) entries_.push_back({c, c.column, true, kept_for_life(c.column)});
  build_statements();
}

void SqlColumns::add_computed(const api::fields::Column& column, std::string expression) {
  entries_.push_back({column, std::move(expression), false, false});
  build_statements();
}

std::string SqlColumns::list(const std::string& prefix) const {
  std::string out;
  for (const auto& e : entries_) {
    if (!out.empty()) out += ", ";
    out += e.stored ? prefix + e.expression : e.expression;
  }
  return out;
}

void SqlColumns::build_statements() {
  select_ = alias_.empty() ? "SELECT " + list() + " FROM " + table_
                           : "SELECT " + list(alias_ + ".") + " FROM " + table_ + " " + alias_;
  std::string columns, values, sets;
  for (const auto& e : entries_) {
    if (!e.stored) continue;
    columns += (columns.empty() ? "" : ", ") + e.expression;
    values += values.empty() ? "?" : ", ?";
    if (!e.fixed) sets += (sets.empty() ? "" : ", ") + e.expression + " = ?";
  }
  insert_ = "INSERT INTO " + table_ + " (" + columns + ") VALUES (" + values + ")";
  update_ = "UPDATE " + table_ + " SET " + sets + " WHERE id = ?";
}

// Binding only reads the resource: owner_of computes an address, nothing is written through it.
void SqlColumns::bind_insert(Stmt& s, const void* resource) const {
  int i = 1;
  api::fields::ColumnValue v;
  for (const auto& e : entries_) {
    if (!e.stored) continue;
    e.column.store(e.column.field, owner_of(e.column, const_cast<void*>(resource)), v);
    bind_value(s, i++, v, e.column.kind);
  }
}

void SqlColumns::bind_update(Stmt& s, const void* resource, const std::string& id) const {
  int i = 1;
  api::fields::ColumnValue v;
  for (const auto& e : entries_) {
    if (!e.stored || e.fixed) continue;
    e.column.store(e.column.field, owner_of(e.column, const_cast<void*>(resource)), v);
    bind_value(s, i++, v, e.column.kind);
  }
  s.bind(i, id);
}

void SqlColumns::read(Stmt& s, int first, void* resource) const {
  int col = first;
  api::fields::ColumnValue v;
  for (const auto& e : entries_) {
    v.null = s.is_null(col);
    if (!v.null) {
      switch (e.column.kind) {
        case ColumnKind::kInteger:
        case ColumnKind::kBoolean: v.integer = s.integer(col); break;
        case ColumnKind::kReal: v.real = s.real(col); break;
        case ColumnKind::kText:
        case ColumnKind::kJson: v.text = s.text(col); break;
      }
    }
    ++col;
    e.column.load(e.column.field, v, owner_of(e.column, resource));
  }
}

}  // namespace gomo::local

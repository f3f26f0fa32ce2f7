#include "local/table_sql.h"

namespace gomo::local {

using api::fields::ColumnKind;
using nlohmann::json;
using store::sql::Stmt;

namespace {

bool kept_for_life(const std::string& column) {
  return column == "id" || column == "organization_id" || column == "created_at";
}

void bind_member(Stmt& s, int i, const json& obj, const std::string& name, ColumnKind kind) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) {
    s.bind_null(i);
  } else if (kind == ColumnKind::kJson || it->is_structured()) {
    s.bind(i, it->dump());
  } else if (it->is_string()) {
    s.bind(i, it->get_ref<const std::string&>());
  } else if (it->is_boolean()) {
    s.bind(i, it->get<bool>());
  } else if (it->is_number_float()) {
    s.bind_double(i, it->get<double>());
  } else {
    s.bind(i, it->get<long long>());
  }
}

json column_value(Stmt& s, int col, ColumnKind kind) {
  if (s.is_null(col)) return nullptr;
  switch (kind) {
    case ColumnKind::kText: return s.text(col);
    case ColumnKind::kInteger: return s.integer(col);
    case ColumnKind::kBoolean: return s.integer(col) != 0;
    case ColumnKind::kReal: return s.real(col);
    case ColumnKind::kJson: break;
  }
  return json::parse(s.text(col));
}

}  // namespace

SqlColumns::SqlColumns(std::string table, std::vector<api::fields::Column> columns, std::string alias)
    : table_(std::move(table)), alias_(std::move(alias)) {
  for (const auto& c : columns) entries_.push_back({c.name, c.column, c.kind, true, kept_for_life(c.column)});
  build_statements();
}

void SqlColumns::add_computed(const char* name, std::string expression, ColumnKind kind) {
  entries_.push_back({name, std::move(expression), kind, false, false});
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

void SqlColumns::bind_insert(Stmt& s, const json& obj) const {
  int i = 1;
  for (const auto& e : entries_) {
    if (e.stored) bind_member(s, i++, obj, e.name, e.kind);
  }
}

void SqlColumns::bind_update(Stmt& s, const json& obj) const {
  int i = 1;
  for (const auto& e : entries_) {
    if (e.stored && !e.fixed) bind_member(s, i++, obj, e.name, e.kind);
  }
  bind_member(s, i, obj, "id", ColumnKind::kText);
}

json SqlColumns::read(Stmt& s, int first) const {
  json obj = json::object();
  int col = first;
  for (const auto& e : entries_) obj[e.name] = column_value(s, col++, e.kind);
  return obj;
}

}  // namespace gomo::local

// Kept prepared statements (keep_statements): reused, fresh after writes, safe when nested.
#include "store/sql.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <optional>
#include <string>

namespace gomo::store::sql {
namespace {

int statement_count(sqlite3* db) {
  int n = 0;
  for (sqlite3_stmt* s = sqlite3_next_stmt(db, nullptr); s; s = sqlite3_next_stmt(db, s)) ++n;
  return n;
}

long long count_rows(sqlite3* db) {
  Stmt s(db, "SELECT COUNT(*) FROM t WHERE v >= ?");
  s.bind(1, 0);
  s.step();
  return s.integer(0);
}

}  // namespace

TEST_CASE("sql: a connection that keeps statements prepares each text once, and reads fresh rows") {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
  exec(db, "CREATE TABLE t (v INTEGER)");
  keep_statements(db);
  for (int i = 0; i < 50; ++i) {
    Stmt(db, "INSERT INTO t VALUES (?)").bind(1, i).step();
    CHECK(count_rows(db) == i + 1);  // the kept SELECT sees the row just inserted
  }
  CHECK(statement_count(db) == 2);  // one INSERT, one SELECT, idle
  {
    // Two at once of the same text, the outer one mid-rows: the inner one is a statement of its own.
    Stmt outer(db, "SELECT v FROM t ORDER BY v");
    REQUIRE(outer.step());
    CHECK(outer.integer(0) == 0);
    Stmt inner(db, "SELECT v FROM t ORDER BY v");
    REQUIRE(inner.step());
    CHECK(inner.integer(0) == 0);
    REQUIRE(outer.step());
    CHECK(outer.integer(0) == 1);
  }
  // Bindings do not carry over: a kept statement starts from NULLs.
  std::optional<Stmt> unbound;
  unbound.emplace(db, "SELECT COUNT(*) FROM t WHERE v >= ?");
  unbound->step();
  CHECK(unbound->integer(0) == 0);
  forget_statements(db);
  CHECK(statement_count(db) == 1);  // `unbound`, still in use
  unbound.reset();                  // no longer kept: finalized
  CHECK(statement_count(db) == 0);
  CHECK(sqlite3_close(db) == SQLITE_OK);
}

TEST_CASE("sql: kept statements stay bounded, and a connection that does not keep them finalizes each") {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
  for (int i = 0; i < 10; ++i) Stmt(db, "SELECT " + std::to_string(i)).step();
  CHECK(statement_count(db) == 0);
  keep_statements(db);
  for (int i = 0; i < 1000; ++i) Stmt(db, "SELECT " + std::to_string(i)).step();  // values in the text
  CHECK(statement_count(db) > 0);
  CHECK(statement_count(db) <= 256);
  forget_statements(db);
  CHECK(statement_count(db) == 0);
  CHECK(sqlite3_close(db) == SQLITE_OK);
}

}  // namespace gomo::store::sql

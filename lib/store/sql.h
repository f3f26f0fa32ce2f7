#pragma once
// SQLite helpers shared by the workspace's source files (internal to lib/store; SQLite itself is
// included only by the .cc files): prepared statements, transactions, ids and timestamps, paging.
// Everything here throws SqlError on a SQLite failure; `guarded` turns that into a 500 ApiError.
#include <mutex>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "api/platform.h"
#include "base/time.h"

struct sqlite3;
struct sqlite3_stmt;

namespace gomo::store::sql {

// SQLite failures inside lib/store; every public entry point turns them into a Status or ApiError.
struct SqlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One prepared statement; parameters are 1-based, columns 0-based (SQLite's conventions).
class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, const std::string& v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string(v)); }
  Stmt& bind(int i, const std::optional<std::string>& v);  // nullopt binds NULL
  Stmt& bind(int i, long long v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<long long>(v)); }
  Stmt& bind(int i, bool v) { return bind(i, v ? 1LL : 0LL); }
  Stmt& bind_double(int i, double v);
  Stmt& bind_null(int i);
  Stmt& bind_blob(int i, const std::string& bytes);
  // True while there is a row.
  bool step();
  std::string text(int col);  // "" for NULL; also reads BLOBs
  std::optional<std::string> opt_text(int col);
  long long integer(int col);
  double real(int col);
  bool is_null(int col);

 private:
  void check(int rc);
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

void exec(sqlite3* db, const char* sql);

// BEGIN IMMEDIATE .. COMMIT, rolled back unless commit() ran (an error return or an exception).
class Transaction {
 public:
  explicit Transaction(sqlite3* db);
  ~Transaction();
  void commit();

 private:
  sqlite3* db_;
  bool done_ = false;
};

std::string random_hex(std::size_t digits);  // from the kernel's CSPRNG
std::string new_uuid();                      // version 4

api::ApiError internal_error(const std::string& what);

// Runs `body` under `mutex`, turning SQLite and JSON failures into a 500.
template <typename Fn>
auto guarded(std::mutex& mutex, Fn body) -> decltype(body()) {
  std::lock_guard<std::mutex> lock(mutex);
  try {
    return body();
  } catch (const SqlError& e) {
    return internal_error(e.what());
  } catch (const std::exception& e) {  // nlohmann::json::exception and friends
    return internal_error(e.what());
  }
}

// LIKE pattern for a search text, with %, _ and \ escaped (ESCAPE '\').
std::string like_pattern(const std::string& search);

struct SortSpec {
  const char* api_name;
  const char* column;
};
std::vector<std::string> api_names(const std::vector<SortSpec>& specs);
// " ORDER BY col dir, rowid dir": createdAt by default, newest first (the docs' default sortOrder).
std::string order_clause(const api::PageQuery& q, const std::vector<SortSpec>& specs, const std::string& prefix);
api::PageMeta page_meta(const api::PageQuery& q, long long total);

}  // namespace gomo::store::sql

#pragma once
// SQLite helpers for the statements of lib/store and lib/local (SQLite itself is included only by
// store's .cc files): prepared statements, transactions, ids, LIKE patterns.
// Everything here throws SqlError on a SQLite failure; callers turn that into a Status or an error
// value at their public entry points (lib/local: local/query.h `guarded`).
#include <optional>
#include <stdexcept>
#include <string>

#include "base/time.h"

struct sqlite3;
struct sqlite3_stmt;

namespace gomo::store::sql {

// A SQLite failure; every public entry point turns it into a Status or an ApiError.
struct SqlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One stored value of any SQLite type, kept to be bound again (a paging cursor's sort key, a
// statement's parameters). Converting constructors make parameter lists easy to write.
struct Value {
  enum class Type { kNull, kInteger, kReal, kText, kBlob };
  Type type = Type::kNull;
  long long integer = 0;
  double real = 0;
  std::string text;  // kText and kBlob

  Value() = default;
  Value(std::string s) : type(Type::kText), text(std::move(s)) {}  // NOLINT: implicit on purpose
  Value(const char* s) : Value(std::string(s)) {}                  // NOLINT: not the bool overload
  Value(long long i) : type(Type::kInteger), integer(i) {}         // NOLINT
  Value(int i) : Value(static_cast<long long>(i)) {}               // NOLINT
  Value(bool b) : Value(b ? 1LL : 0LL) {}                          // NOLINT
  static Value of_real(double d) {
    Value v;
    v.type = Type::kReal;
    v.real = d;
    return v;
  }
};

// What changes whenever any row of the database may have changed: commits by other connections
// (PRAGMA data_version) and rows this connection inserted, updated or deleted (total_changes). Equal
// stamps mean nothing changed in between, so a cached answer is still right.
struct ChangeStamp {
  long long data_version = -1;
  long long total_changes = -1;
  bool operator==(const ChangeStamp&) const = default;
};
ChangeStamp change_stamp(sqlite3* db);

// Keeps the prepared statements of `db` for reuse: a Stmt of the same SQL text then skips preparing
// (parsing and planning cost more than running a one-row statement: a fifth of gomo serve's CPU on
// GET /users/me). A kept statement is reset and its bindings cleared when its Stmt ends, so it holds
// no read transaction while idle. REQUIRES: `db` is used under one mutex (as the workspace's
// connection is), and forget_statements(db) runs before `db` closes; it finalizes them.
void keep_statements(sqlite3* db);
void forget_statements(sqlite3* db);

// One prepared statement (kept for reuse when its connection keeps statements); parameters are 1-based, columns 0-based
// (SQLite's conventions).
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
  Stmt& bind(int i, const Value& v);
  // True while there is a row.
  bool step();
  // The rows the connection's last finished INSERT, UPDATE or DELETE changed (sqlite3_changes).
  int changes() const;
  // Ready to run again from the first row, for a statement prepared once and run many times (a
  // batch: preparing costs more than running a one-row statement). Bindings are cleared to NULL.
  void reset();
  std::string text(int col);  // "" for NULL; also reads BLOBs
  std::optional<std::string> opt_text(int col);
  long long integer(int col);
  double real(int col);
  bool is_null(int col);
  Value value(int col);  // the column as stored, whatever its type
  int column_count();

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
std::string new_uuid();                      // version 7: time-ordered, then random

// LIKE pattern for a search text, with %, _ and \ escaped (ESCAPE '\').
std::string like_pattern(const std::string& search);

}  // namespace gomo::store::sql

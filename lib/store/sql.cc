#include "store/sql.h"

#include <sqlite3.h>

#include <sys/random.h>
#include <chrono>
#include <cstdio>
#include <ctime>

#include <cerrno>
#include <cstring>
#include <functional>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace gomo::store::sql {

namespace {

// Prepared statements kept between uses (keep_statements), by connection, then by SQL text. A slot
// is empty while its statement is in use, so a statement nested in another of the same text gets a
// fresh one. Bounded: past kMaxKeptStatements a connection's idle statements are finalized and it
// starts afresh (SQL built with values in it must not grow the cache without end).
constexpr std::size_t kMaxKeptStatements = 256;

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Slots = std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>>;

struct KeptStatements {
  std::mutex mutex;
  std::unordered_map<sqlite3*, Slots> by_connection;
};

// Never destroyed: a Stmt may end during static destruction.
KeptStatements& kept() {
  static auto* statements = new KeptStatements;
  return *statements;
}

// A kept statement of `sql` on `db`, taken out of its slot; nullptr when there is none.
sqlite3_stmt* take_kept(sqlite3* db, const std::string& sql) {
  auto& k = kept();
  std::lock_guard<std::mutex> lock(k.mutex);
  auto connection = k.by_connection.find(db);
  if (connection == k.by_connection.end()) return nullptr;
  auto slot = connection->second.find(std::string_view(sql));
  if (slot == connection->second.end()) return nullptr;
  return std::exchange(slot->second, nullptr);
}

// Keeps `stmt` for the next Stmt of its text when `db` keeps statements; false: finalize it.
bool give_back(sqlite3* db, sqlite3_stmt* stmt) {
  auto& k = kept();
  std::lock_guard<std::mutex> lock(k.mutex);
  auto connection = k.by_connection.find(db);
  if (connection == k.by_connection.end()) return false;
  // Reset: it holds no read transaction while idle, and the next use binds from NULLs.
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  Slots& slots = connection->second;
  std::string_view text = sqlite3_sql(stmt);
  auto slot = slots.find(text);
  if (slot != slots.end()) {
    if (slot->second) return false;  // a nested one of the same text is kept already
    slot->second = stmt;
    return true;
  }
  if (slots.size() >= kMaxKeptStatements) {
    for (auto& [sql, idle] : slots) {
      if (idle) sqlite3_finalize(idle);
    }
    slots.clear();
  }
  slots.emplace(std::string(text), stmt);
  return true;
}

}  // namespace

void keep_statements(sqlite3* db) {
  auto& k = kept();
  std::lock_guard<std::mutex> lock(k.mutex);
  k.by_connection.try_emplace(db);
}

void forget_statements(sqlite3* db) {
  auto& k = kept();
  std::lock_guard<std::mutex> lock(k.mutex);
  auto connection = k.by_connection.find(db);
  if (connection == k.by_connection.end()) return;
  for (auto& [sql, idle] : connection->second) {
    if (idle) sqlite3_finalize(idle);
  }
  k.by_connection.erase(connection);
}

Stmt::Stmt(sqlite3* db, const std::string& sql) : db_(db), stmt_(take_kept(db, sql)) {
  if (stmt_) return;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) {
    throw SqlError(std::string("prepare: ") + sqlite3_errmsg(db));
  }
}

Stmt::~Stmt() {
  if (stmt_ && !give_back(db_, stmt_)) sqlite3_finalize(stmt_);
}

Stmt& Stmt::bind(int i, const std::string& v) {
  check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  return *this;
}

Stmt& Stmt::bind(int i, const std::optional<std::string>& v) {
  if (v) return bind(i, *v);
  return bind_null(i);
}

Stmt& Stmt::bind(int i, long long v) {
  check(sqlite3_bind_int64(stmt_, i, v));
  return *this;
}

Stmt& Stmt::bind_double(int i, double v) {
  check(sqlite3_bind_double(stmt_, i, v));
  return *this;
}

Stmt& Stmt::bind_null(int i) {
  check(sqlite3_bind_null(stmt_, i));
  return *this;
}

Stmt& Stmt::bind_blob(int i, const std::string& bytes) {
  check(sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
  return *this;
}

Stmt& Stmt::bind(int i, const Value& v) {
  switch (v.type) {
    case Value::Type::kNull: return bind_null(i);
    case Value::Type::kInteger: return bind(i, v.integer);
    case Value::Type::kReal: return bind_double(i, v.real);
    case Value::Type::kText: return bind(i, v.text);
    case Value::Type::kBlob: return bind_blob(i, v.text);
  }
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw SqlError(std::string("step: ") + sqlite3_errmsg(db_));
}

void Stmt::reset() {
  // sqlite3_reset repeats the last step's error, which step() has already thrown.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Stmt::text(int col) {
  if (sqlite3_column_type(stmt_, col) == SQLITE_BLOB) {
    const void* p = sqlite3_column_blob(stmt_, col);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

std::optional<std::string> Stmt::opt_text(int col) {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

int Stmt::changes() const { return sqlite3_changes(db_); }
long long Stmt::integer(int col) { return sqlite3_column_int64(stmt_, col); }
double Stmt::real(int col) { return sqlite3_column_double(stmt_, col); }
bool Stmt::is_null(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Value Stmt::value(int col) {
  switch (sqlite3_column_type(stmt_, col)) {
    case SQLITE_INTEGER: return Value(integer(col));
    case SQLITE_FLOAT: return Value::of_real(real(col));
    case SQLITE_TEXT: return Value(text(col));
    case SQLITE_BLOB: {
      Value v(text(col));
      v.type = Value::Type::kBlob;
      return v;
    }
    default: return Value();
  }
}

int Stmt::column_count() { return sqlite3_column_count(stmt_); }

void Stmt::check(int rc) {
  if (rc != SQLITE_OK) throw SqlError(std::string("bind: ") + sqlite3_errmsg(db_));
}

ChangeStamp change_stamp(sqlite3* db) {
  ChangeStamp stamp;
  Stmt version(db, "PRAGMA data_version");
  if (version.step()) stamp.data_version = version.integer(0);
  stamp.total_changes = sqlite3_total_changes64(db);
  return stamp;
}

void exec(sqlite3* db, const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string text = msg ? msg : "unknown error";
    sqlite3_free(msg);
    throw SqlError(text);
  }
}

Transaction::Transaction(sqlite3* db) : db_(db) { exec(db_, "BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  exec(db_, "COMMIT");
  done_ = true;
}

std::string random_hex(std::size_t digits) {
  // getrandom(2) reads the kernel's CSPRNG: fit for keys. One call per id (std::random_device took
  // one rdseed per 8 digits, a visible cost when a batch inserts 1,000 contacts).
  static const char* kHex = "0123456789abcdef";
  std::string bytes((digits + 1) / 2, '\0');
  for (size_t filled = 0; filled < bytes.size();) {
    ssize_t n = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw SqlError(std::string("getrandom: ") + std::strerror(errno));
    filled += static_cast<size_t>(n);
  }
  std::string s;
  s.reserve(digits);
  for (unsigned char b : bytes) {
    s += kHex[b >> 4];
    if (s.size() < digits) s += kHex[b & 15];
  }
  return s;
}

namespace {

// Random bytes for ids, read from the kernel's CSPRNG 4 KiB at a time per thread: one getrandom(2)
// per id was a twentieth of `gomo serve`'s upsert time. Ids need to be unique, not secret (API keys
// take random_hex, unbuffered). A fork without exec would repeat the parent's next ids in the child
// (and the PRIMARY KEY would refuse them): gomo does not fork that way.
void id_random_bytes(unsigned char* out, size_t n) {
  thread_local unsigned char pool[4096];
  thread_local size_t left = 0;
  if (left < n) {
    for (size_t filled = 0; filled < sizeof pool;) {
      ssize_t got = getrandom(pool + filled, sizeof pool - filled, 0);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) throw SqlError(std::string("getrandom: ") + std::strerror(errno));
      filled += static_cast<size_t>(got);
    }
    left = sizeof pool;
  }
  std::memcpy(out, pool + sizeof pool - left, n);
  std::memset(pool + sizeof pool - left, 0, n);  // used bytes do not stay behind
  left -= n;
}

}  // namespace

std::string new_uuid() {
  // Version 7 (RFC 9562): the Unix time in milliseconds, then random bits. Ids made one after another
  // sort together, so a batch of 1,000 inserts adds to the end of the id index instead of touching
  // (and writing to the WAL) a page in every part of it.
  unsigned char b[16];
  auto ms = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  for (int i = 5; i >= 0; --i, ms >>= 8) b[i] = static_cast<unsigned char>(ms & 0xff);
  id_random_bytes(b + 6, 10);
  b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0f));  // version 7
  b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f));  // variant 10
  static const char* kHex = "0123456789abcdef";
  std::string s;
  s.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
    s += kHex[b[i] >> 4];
    s += kHex[b[i] & 15];
  }
  return s;
}

std::string like_pattern(const std::string& search) {
  std::string p = "%";
  for (char c : search) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

}  // namespace gomo::store::sql

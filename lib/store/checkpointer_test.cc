#include "store/checkpointer.h"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <string>
#include <thread>

#include "store/sql.h"
#include "tests/support/test_support.h"

namespace gomo::store {

namespace {

long long file_size(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : -1;
}

// `commits` transactions of 100 rows of 3,000 bytes each: about 100 WAL pages a commit.
void write_rows(sqlite3* db, int commits) {
  for (int i = 0; i < commits; ++i) {
    sql::Transaction tx(db);
    sql::exec(db,
              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
              "INSERT INTO t (v) SELECT randomblob(3000) FROM n");
    tx.commit();
  }
}

// Small thresholds, so that the test writes a few MB, not the ~150 MB the defaults would take.
constexpr int kTestPages = 300, kTestInlinePages = 1200;

long long row_count(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  long long n = -1;
  {
    sql::Stmt s(db, "SELECT COUNT(*) FROM t");
    if (s.step()) n = s.integer(0);
  }
  sqlite3_close(db);
  return n;
}

}  // namespace

TEST_CASE("store Checkpointer: checkpoints on its own thread, keeps the WAL bounded, loses nothing") {
  std::string path = test::scratch_dir() + "/checkpoint.db";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
  sql::exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE t (v BLOB)");
  const long long page = 4096;
  {
    Checkpointer checkpointer(db, path, kTestPages, kTestInlinePages);
    write_rows(db, 2);  // ~200 pages: below the threshold, nothing is checkpointed
    CHECK(checkpointer.stats().background == 0);
    CHECK(file_size(path + "-wal") > 150 * page);

    // Past the threshold the thread copies the pages; the writer goes on meanwhile.
    int commits = 0;
    for (auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
         checkpointer.stats().background == 0 && std::chrono::steady_clock::now() < until; ++commits) {
      write_rows(db, 1);
      if (commits > kTestPages / 100) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK(checkpointer.stats().background >= 1);

    // Four times the inline threshold of writes later, the WAL was restarted: it never held them all.
    write_rows(db, 4 * kTestInlinePages / 100);
    CHECK(file_size(path + "-wal") < (kTestInlinePages + 1000) * page);
    CHECK(row_count(path) == 100LL * (2 + commits + 4 * kTestInlinePages / 100));
  }
  // The hook is gone with the Checkpointer, the thread joined; the last connection to close takes the WAL.
  write_rows(db, 1);
  sqlite3_close(db);
  CHECK(file_size(path + "-wal") == -1);
  CHECK(row_count(path) > 0);
}

TEST_CASE("store Checkpointer: one that never reached kPages starts no thread and stops at once") {
  std::string path = test::scratch_dir() + "/small.db";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
  sql::exec(db, "PRAGMA journal_mode = WAL; CREATE TABLE t (v BLOB)");
  {
    Checkpointer checkpointer(db, path);  // the defaults
    write_rows(db, 10);                   // ~1,000 pages: SQLite's own automatic checkpoint would have run by now
    CHECK(checkpointer.stats().background == 0);
    CHECK(checkpointer.stats().inline_ == 0);
    CHECK(file_size(path + "-wal") > 900 * 4096LL);
  }
  sqlite3_close(db);
  CHECK(row_count(path) == 1000);
}

}  // namespace gomo::store

#pragma once
// Checkpoints a workspace's WAL on a thread of its own (internal to lib/store).
//
// Why: SQLite's automatic checkpoint runs inside the COMMIT that takes the WAL past 1,000 pages: it
// copies the WAL's pages into the database file and fsyncs both files while the workspace's mutex
// is held, so every other request of `gomo serve` waits for the disk. A batch of 1,000 upserted
// contacts dirties ~1,000 pages of the phone index alone, so that was nearly every commit. Here the
// committing connection only signals; a second connection copies the pages (a PASSIVE checkpoint:
// it never blocks the writer) on a thread started the first time it is needed. A WAL that grows
// past kInlinePages anyway (the thread cannot keep up, or its checkpoints fail) is checkpointed by
// the committing connection itself, as SQLite would: the WAL stays bounded.
//
// Durability is SQLite's: a checkpoint only moves committed pages, whichever connection runs it.
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace gomo::store {

class Checkpointer {
 public:
  // WAL pages after a commit that start a background checkpoint. Larger than SQLite's 1,000: the
  // same index pages, rewritten by every batch, are copied once per checkpoint, not once per batch.
  static constexpr int kPages = 4096;
  // WAL pages after a commit that make the committing connection checkpoint, as SQLite's own
  // automatic checkpoint does.
  static constexpr int kInlinePages = 4 * kPages;

  // Installs itself as `db`'s WAL hook, which turns SQLite's automatic checkpoint off for `db`.
  // `path` is the database file the thread opens its own connection on. `pages` and
  // `inline_pages` are the two thresholds in WAL pages (defaults kPages and kInlinePages; tests
  // pass small ones). REQUIRES: `db` is a WAL connection on `path` and outlives this object;
  // 0 < pages <= inline_pages.
  Checkpointer(sqlite3* db, std::string path, int pages = kPages, int inline_pages = kInlinePages);
  // Removes the hook, then waits for a checkpoint in progress and closes the thread's connection.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // For tests: how many checkpoints the thread and the committing connection have run.
  struct Stats {
    long long background = 0;
    long long inline_ = 0;
  };
  Stats stats();

 private:
  static int on_commit(void* self, sqlite3* db, const char* schema, int pages);
  void run();

  sqlite3* db_;
  std::string path_;
  const int pages_, inline_pages_;
  std::mutex mutex_;  // guards what follows
  std::condition_variable wake_;
  bool due_ = false, stopping_ = false;
  Stats stats_;
  std::thread thread_;  // started by the first commit that reaches kPages
};

}  // namespace gomo::store

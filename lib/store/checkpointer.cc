#include "store/checkpointer.h"

#include <sqlite3.h>

#include <system_error>

namespace gomo::store {

Checkpointer::Checkpointer(sqlite3* db, std::string path, int pages, int inline_pages)
    : db_(db), path_(std::move(path)), pages_(pages), inline_pages_(inline_pages) {
  sqlite3_wal_hook(db_, &Checkpointer::on_commit, this);
}

Checkpointer::~Checkpointer() {
  sqlite3_wal_hook(db_, nullptr, nullptr);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

Checkpointer::Stats Checkpointer::stats() {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

// Runs in the committing thread, after the commit, with `db`'s own mutex held: it must be quick.
int Checkpointer::on_commit(void* self, sqlite3* db, const char* schema, int pages) {
  auto& c = *static_cast<Checkpointer*>(self);
  if (pages >= c.inline_pages_) {
    // What sqlite3_wal_autocheckpoint's hook does; SQLITE_BUSY while the thread checkpoints: skipped.
    if (sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) == SQLITE_OK) {
      std::lock_guard<std::mutex> lock(c.mutex_);
      ++c.stats_.inline_;
    }
    return SQLITE_OK;
  }
  if (pages < c.pages_) return SQLITE_OK;
  {
    std::lock_guard<std::mutex> lock(c.mutex_);
    c.due_ = true;
    if (!c.thread_.joinable()) {
      try {
        c.thread_ = std::thread(&Checkpointer::run, &c);
      } catch (const std::system_error&) {
        return SQLITE_OK;  // no thread: the WAL grows to inline_pages_, then this thread checkpoints
      }
    }
  }
  c.wake_.notify_one();
  return SQLITE_OK;
}

void Checkpointer::run() {
  sqlite3* conn = nullptr;
  // Its own connection: a checkpoint on `db_` would need `db_`'s mutex, which the writer holds.
  if (sqlite3_open_v2(path_.c_str(), &conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    sqlite3_close(conn);
    conn = nullptr;  // the committing connection checkpoints at inline_pages_ instead
  }
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return due_ || stopping_; });
    if (stopping_) break;
    due_ = false;
    if (!conn) continue;
    lock.unlock();
    // PASSIVE: copies what no reader still needs, never waits for the writer. Errors (a full disk)
    // leave the pages in the WAL, where they are safe; the next commit asks again.
    int rc = sqlite3_wal_checkpoint_v2(conn, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
    if (rc == SQLITE_OK) ++stats_.background;
  }
  lock.unlock();
  sqlite3_close(conn);
}

}  // namespace gomo::store

#pragma once
// Workspace::Impl (internal to lib/store): the path, the one connection and its mutex.
#include <memory>
#include <mutex>
#include <string>

#include "store/checkpointer.h"
#include "store/workspace.h"

struct sqlite3;

namespace gomo::store {

struct Workspace::Impl {
  std::string path;
  sqlite3* db = nullptr;
  std::mutex mutex;                            // serialises the one connection
  std::unique_ptr<Checkpointer> checkpointer;  // a file's WAL; gone before `db` closes
  ~Impl();
};

// Seeds a new organisation: three DIDs (+2125 numbers, see README). Runs inside the caller's
// transaction; throws sql::SqlError.
void seed_organization(sqlite3* db, const std::string& organization_id, const std::string& now);

}  // namespace gomo::store

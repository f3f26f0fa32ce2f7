#pragma once
// Workspace::Impl, shared by the workspace's source files (internal to lib/store): workspace.cc
// (opening, migrations, the organisation's platform) and organizations.cc (organisations and keys).
#include <mutex>
#include <string>

#include "store/workspace.h"

struct sqlite3;

namespace gomo::store {

struct Workspace::Impl {
  std::string path;
  sqlite3* db = nullptr;
  std::mutex mutex;  // serialises the one connection
  ~Impl();
};

}  // namespace gomo::store

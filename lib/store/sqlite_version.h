#pragma once
// The version of SQLite the local workspace runs on (SQLite lives in lib/store only).

namespace gomo::store {

// "3.40.1", from the library at run time. Static storage.
const char* sqlite_version();

}  // namespace gomo::store

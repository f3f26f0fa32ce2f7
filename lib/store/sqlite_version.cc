// store::sqlite_version() (sqlite_version.h).
#include "store/sqlite_version.h"

#include <sqlite3.h>

namespace gomo::store {

const char* sqlite_version() { return sqlite3_libversion(); }

}  // namespace gomo::store

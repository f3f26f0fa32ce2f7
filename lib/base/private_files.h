#pragma once
// Files that hold contact data or key digests (the workspace, upsert journals and rejects): readable
// by their owner alone, whatever the umask.
#include <string>

#include "base/status.h"

namespace gomo {

// Creates the missing folders of `dir` (and `dir`), each mode 0700; folders that exist keep their
// mode. io_error naming the folder that could not be made.
Status make_private_dirs(const std::string& dir);

// Creates `path` empty with mode 0600 when it does not exist; an existing file is left as it is.
// io_error with strerror's text when it can be neither found nor made.
Status create_private_file(const std::string& path);

}  // namespace gomo

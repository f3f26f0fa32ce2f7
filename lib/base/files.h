#pragma once
// Reading a whole file: the one way lib/ and cli/ do it.
#include <cstddef>
#include <limits>
#include <string>

#include "base/status.h"

namespace gomo {

constexpr size_t kNoReadLimit = std::numeric_limits<size_t>::max();

// The bytes of the file at `path`, but never more than `limit` + 1 of them: a reader with a size limit
// (document/limits.h) sees that the file is too large without gomo holding all of it (or reading an
// endless pipe). Works on pipes and devices (<(cmd), /dev/stdin) as well as regular files.
// A directory reads as empty text (the readers then say it is not a flow, a config, ...).
// Errors: not_found when the file does not exist (ENOENT), io_error otherwise; the message is
// strerror's ("Permission denied"), without the path: callers say what the file was for.
Result<std::string> read_file(const std::string& path, size_t limit = kNoReadLimit);

}  // namespace gomo

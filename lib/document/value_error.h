#pragma once
// The error a reader of a document returns for a value that is wrong: "path:line:col: message", the
// position being the value's start (1-based).
#include <string>

#include "base/status.h"

namespace gomo::document {

struct Value;

// InvalidArgument "path:line:col: message" at v.begin.
Status error_at(const std::string& path, const Value& v, const std::string& message);

}  // namespace gomo::document

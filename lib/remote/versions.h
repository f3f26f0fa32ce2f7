#pragma once
// The versions of the libraries in the network module, for `gomo version -v`.
#include <string>
#include <vector>

#include "base/status.h"

namespace gomo::remote {

// "libcurl 7.88.1 (OpenSSL/3.0.11)", "cpp-httplib 0.11.4", "libphonenumber 8.12.57": run-time values
// where the library offers one (libcurl and its TLS library), else the version gomo was built with.
// Loads the module; fails as ext::module() does (an internal error naming why).
gomo::Result<std::vector<std::string>> network_library_versions();  // Status, not ApiError

}  // namespace gomo::remote

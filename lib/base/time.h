#pragma once
// Wall-clock timestamps as the API writes them.
#include <string>

namespace gomo {

// Now as ISO 8601 UTC with milliseconds: "2026-11-23T14:10:00.123Z".
std::string now_iso();

}  // namespace gomo

#pragma once
// Programs named on the command line: by id or by name, the way `gomo flow` finds flows.
#include <string>
#include <vector>

#include "api/platform.h"

namespace gomo::programs {

// Platform programs named exactly `name` (a search, then an exact, case-sensitive comparison), in
// the platform's list order. A platform that refuses the search parameter gets the whole list read instead.
api::Result<std::vector<api::Program>> find_programs_by_name(api::Platform& platform, const std::string& name);

// The programs `key` designates: the program with that id, else those named `key`. A key shaped
// like a UUID is tried as an id first, anything else as a name first. Empty: no such program; more
// than one: an ambiguous name (the caller asks for an id).
api::Result<std::vector<api::Program>> find_program(api::Platform& platform, const std::string& key);

}  // namespace gomo::programs

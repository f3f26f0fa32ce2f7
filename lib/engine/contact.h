#pragma once
// Where a simulated call's contact comes from: a YAML/JSON file shaped like the API's contact
// ({primaryPhone, firstName, ..., customAttributes: {...}}), and KEY=VALUE flags.
#include <string>

#include "base/status.h"
#include "engine/engine.h"

namespace gomo::document {
struct Value;
}

namespace gomo::engine {

Result<Contact> load_contact(const std::string& path);
// The same from a mapping already read (e.g. inside a test file); `path` is for messages.
Result<Contact> parse_contact(const document::Value& root, const std::string& path);

// The contact in data row `row` (1-based, after the header) of a CSV file. Columns named like
// contact fields (primaryPhone, or phone/mobile; firstName, lastName, ...) fill those; every other
// non-empty column becomes a custom attribute of that name.
Result<Contact> load_contact_csv(const std::string& path, size_t row);

// Applies "name=value" to `vars`; fails (naming the flag) when there is no '='.
Status apply_assignment(const std::string& assignment, const std::string& flag, Variables& vars);

}  // namespace gomo::engine

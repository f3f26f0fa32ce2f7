#pragma once
// Where a simulated call's contact comes from: a YAML/JSON file shaped like the API's contact
// ({primaryPhone, firstName, ..., customAttributes: {...}}), and KEY=VALUE flags. (A CSV row is read
// by contacts::read_csv_contact, with the CSV reader and column mapping of `contacts upsert`.)
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

// Applies "name=value" to `vars`; fails (naming the flag) when there is no '='.
Status apply_assignment(const std::string& assignment, const std::string& flag, Variables& vars);

}  // namespace gomo::engine

#pragma once
// The one printer for platform resources (contacts, audiences, flows, DIDs, ...): `-o json|yaml|table`
// and `-q` (ids only), like gh's and kubectl's `-o`. Records come in as JSON values in the API's own
// field names (api::wire::encode makes them), so json and yaml show exactly what the platform returns.
#include <nlohmann/json_fwd.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace gomo::report {

struct ResourceColumn {
  std::string header;  // upper case by convention: "ID", "PHONE"
  // Where the cell comes from: a field name ("primaryPhone"), a dotted path ("organization.name"), or
  // several alternatives separated by '|' ("fullName|firstName"): the first non-empty one wins. An
  // alternative may join fields with '+' ("firstName+lastName": the non-empty ones, space-separated).
  // Arrays print joined with ','; objects as compact JSON; null/absent as "".
  std::string field;
};

struct ResourcePrintOptions {
  std::string format = "table";  // table (also "text"), json or yaml
  bool tty = false;              // table: aligned columns on a terminal, tab-separated when piped
  bool ids_only = false;         // print the `id` of each record, one per line, whatever the format
};

// Prints `records` (an array of objects, or one object) to `out`. For a single object the json/yaml
// output is that object, not an array. Fields print in the records' own order (api::wire's records
// are nlohmann::json objects: sorted by name).
void print_resources(std::ostream& out, const nlohmann::json& records, const std::vector<ResourceColumn>& columns,
                     const ResourcePrintOptions& options);

// A table cell's text for a record (exposed for tests): see ResourceColumn::field.
std::string resource_cell(const nlohmann::json& record, const std::string& field);

}  // namespace gomo::report

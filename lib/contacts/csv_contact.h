#pragma once
// One contact from one row of a CSV file, with the CSV reader and the column mapping `contacts upsert`
// uses: what `gomo flow run --contact-csv FILE --row N` simulates a call to. Plain text values; the
// caller turns them into its own contact type (the engine may not depend on contacts).
#include <cstddef>
#include <map>
#include <string>

#include "base/status.h"
#include "contacts/column_map.h"

namespace gomo::contacts {

struct CsvContact {
  std::string id;                                 // an `id` column's value, else ""
  std::map<std::string, std::string> fields;      // API field name -> value, e.g. "firstName" -> "Amina"
  std::map<std::string, std::string> attributes;  // attribute name (slug) -> value; empty values left out
};

// The contact in data row `row` (1-based, after the header) of the CSV file at `path` ("-": standard
// input). The delimiter is detected (or given: ',' ';' '\t'), columns are mapped by map_columns with
// `options` (a column headed exactly `id`, any case, is the contact's id, not an attribute).
// InvalidArgument "path:line: ..." when the file is not CSV, the header does not map, the row does not
// exist or is bad (ragged, unterminated quote, not UTF-8); NotFound when the file cannot be opened.
Result<CsvContact> read_csv_contact(const std::string& path, size_t row, const MappingOptions& options,
                                    char delimiter = '\0');

}  // namespace gomo::contacts

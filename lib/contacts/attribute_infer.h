#pragma once
// `contacts upsert --create-attributes` without --attribute-type: the type of a new custom attribute,
// inferred from its column's values.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "document/csv_reader.h"

namespace gomo::contacts {

struct InferredType {
  std::string type = "text";  // one of api::kCustomAttributeTypes
  size_t values = 0;          // the non-empty values it was inferred from
};

// Reads `reader` (REQUIRES: at its first data row) to its end, one row at a time, and returns for each
// of `columns` (0-based field indexes, in that order) the narrowest of number, boolean, date, email,
// url and phone_number (tried in that order) that every non-empty value (spaces and tabs around it
// trimmed) fits, as attribute_value_for_type checks it (phone numbers with `region`); text when none
// fits or the column has no value. Rows the reader refuses (ragged, invalid UTF-8, ...) are not looked
// at: pass 1 rejects them. Each value is checked only against the types still possible, so a text
// column costs about one check a value. The reader's IoError when reading stopped early.
Result<std::vector<InferredType>> infer_attribute_types(document::CsvReader& reader, const std::vector<size_t>& columns,
                                                        std::string_view region);

}  // namespace gomo::contacts

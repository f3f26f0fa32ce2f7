#pragma once
// How a CSV header row becomes contact fields and custom attributes (--map, --attributes).
// NOTE: a minimal version (exact, case-insensitive names and a few aliases) so that the upsert
// pipeline builds; the column-mapping slice replaces it with the full alias matching, same interface.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace gomo::contacts {

// How other columns become custom attributes (--attributes auto|none|LIST).
struct AttributeChoice {
  enum class Kind { kNone, kAuto, kList } kind = Kind::kNone;
  std::vector<std::string> columns;  // kList: the header names given
};
struct MappingOptions {
  std::vector<std::pair<std::string, std::string>> overrides;  // --map FIELD=COLUMN (and a mapping file), in order
  AttributeChoice attributes;
};
struct FieldColumn {
  std::string field;
  size_t column;
};  // "primaryPhone", 0-based column
struct AttributeColumn {
  std::string name;
  std::string header;
  size_t column;
};  // name: the attribute's name (slug)
struct ColumnMap {
  std::vector<FieldColumn> fields;                        // the standard contact fields found (API JSON names)
  std::vector<AttributeColumn> attributes;                // columns that become custom attributes
  std::vector<size_t> unused;                             // columns that are neither
  const FieldColumn* find(std::string_view field) const;  // nullptr when the field has no column
};
// Maps a header row. Fails (Status, invalid_argument; the message names the column and how to fix it) when
// no phone column is found, when an override names an unknown field or a column not in the header, or two
// columns map to one field.
Result<ColumnMap> map_columns(const std::vector<std::string>& header, const MappingOptions& options);

}  // namespace gomo::contacts

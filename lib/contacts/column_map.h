#pragma once
// Which CSV column holds which contact field: standard fields found by their common names in English,
// French and Arabic (phone, mobile, tel, "First Name", prénom, nom, e-mail, الهاتف, ...), compared
// case-, space-, punctuation- and accent-insensitively; --map FIELD=COLUMN (or a mapping file) over
// that; the other columns become custom attributes named by a readable slug when asked
// (--attributes auto|none|LIST). One mapping for `contacts upsert` and `flow run --contact-csv`.
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
// Details: an override's FIELD is an API name or an alias ("phone", "prénom"), any case; its COLUMN is
// a header name, exact or compared like aliases. For one FIELD a later override replaces an earlier one
// (--map over the mapping file), and auto-detection then leaves that field alone. `fields` and
// `attributes` are in column order. kAuto skips columns whose header has no letter or digit (unused).
Result<ColumnMap> map_columns(const std::vector<std::string>& header, const MappingOptions& options);

// The standard fields, in the API's order: primaryPhone firstName lastName fullName primaryEmail address
// city state zip occupation gender preferredChannel.
const std::vector<std::string>& standard_fields();

// The form names are compared in: slug without separators ("First Name" and "first_name" -> "firstname",
// "Prénom" -> "prenom", "E-mail" -> "email"; Arabic letters kept).
std::string column_key(std::string_view name);

// Adds "FIELD=COLUMN" (a --map value) to options.overrides; InvalidArgument without '=' or with an
// empty side.
Status add_override(MappingOptions& options, std::string_view assignment);
// "auto", "none" or a comma-separated list of header names (an --attributes value).
Result<AttributeChoice> parse_attribute_choice(std::string_view text);

// Reads a mapping file (YAML or JSON; schemas/contact-mapping.schema.json):
//   map: {primaryPhone: "Numéro", firstName: Prénom}   # FIELD: COLUMN, in order
//   attributes: auto                                     # auto | none | [COLUMN, ...]
// NotFound when unreadable; InvalidArgument "path:line:col: what is wrong" for a syntax error, an unknown
// key or field, or a value of the wrong type.
Result<MappingOptions> load_mapping_file(const std::string& path);

}  // namespace gomo::contacts

// Header row -> fields (contacts/column_map.h). Minimal: exact names, case-insensitive.
#include "contacts/column_map.h"

#include <algorithm>

#include "api/validate.h"
#include "base/strings.h"

namespace gomo::contacts {
namespace {

struct Alias {
  const char* field;
  std::vector<const char*> names;  // lower case
};

const std::vector<Alias>& aliases() {
  static const std::vector<Alias> kAliases = {
      {"primaryPhone", {"primaryphone", "phone", "mobile", "tel"}},
      {"firstName", {"firstname", "first_name"}},
      {"lastName", {"lastname", "last_name"}},
      {"fullName", {"fullname", "full_name", "name"}},
      {"primaryEmail", {"primaryemail", "email"}},
      {"address", {"address"}},
      {"city", {"city"}},
      {"state", {"state"}},
      {"zip", {"zip"}},
      {"occupation", {"occupation"}},
      {"gender", {"gender"}},
      {"preferredChannel", {"preferredchannel", "preferred_channel"}},
  };
  return kAliases;
}

bool is_field(std::string_view field) {
  return std::any_of(aliases().begin(), aliases().end(), [&](const Alias& a) { return field == a.field; });
}

}  // namespace

const FieldColumn* ColumnMap::find(std::string_view field) const {
  for (const auto& f : fields) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

Result<ColumnMap> map_columns(const std::vector<std::string>& header, const MappingOptions& options) {
  std::vector<std::string> by_column(header.size());  // field of each column, "" for none
  auto column_of = [&](const std::string& name) -> long {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<long>(i);
    }
    return -1;
  };
  for (const auto& [field, column] : options.overrides) {
    if (!is_field(field)) return Status::invalid_argument("--map " + field + "=" + column + ": unknown field " + field);
    long c = column_of(column);
    if (c < 0)
      return Status::invalid_argument("--map " + field + "=" + column + ": no column \"" + column + "\" in the header");
    by_column[c] = field;
  }
  for (const auto& alias : aliases()) {
    if (std::find(by_column.begin(), by_column.end(), alias.field) != by_column.end()) continue;
    for (size_t i = 0; i < header.size(); ++i) {
      if (!by_column[i].empty()) continue;
      std::string lower = to_lower(header[i]);
      if (std::find(alias.names.begin(), alias.names.end(), lower) != alias.names.end()) {
        by_column[i] = alias.field;
        break;
      }
    }
  }
  ColumnMap map;
  for (size_t i = 0; i < header.size(); ++i) {
    if (!by_column[i].empty()) {
      map.fields.push_back({by_column[i], i});
      continue;
    }
    const auto& listed = options.attributes.columns;
    bool wanted = options.attributes.kind == AttributeChoice::Kind::kAuto ||
                  (options.attributes.kind == AttributeChoice::Kind::kList &&
                   std::find(listed.begin(), listed.end(), header[i]) != listed.end());
    std::string slug = api::attribute_slug(header[i]);
    if (wanted && !slug.empty()) {
      map.attributes.push_back({slug, header[i], i});
    } else {
      map.unused.push_back(i);
    }
  }
  if (!map.find("primaryPhone")) {
    return Status::invalid_argument(
        "no phone column in the header (looked for primaryPhone, phone, mobile, tel); name it with --map "
        "primaryPhone=COLUMN");
  }
  return map;
}

}  // namespace gomo::contacts

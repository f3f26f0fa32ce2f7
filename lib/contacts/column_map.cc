#include "contacts/column_map.h"

#include <algorithm>
#include <map>
#include <optional>

#include "base/unicode.h"
#include "document/document.h"
#include "document/limits.h"

namespace gomo::contacts {
namespace {

struct FieldAliases {
  const char* field;
  std::vector<const char*> aliases;  // compared by column_key; the field's own name is an alias too
};

// Common header names, English, French and Arabic. Keep each alias on one field only.
const std::vector<FieldAliases>& alias_table() {
  static const std::vector<FieldAliases> kTable = {
      {"primaryPhone",
       {"phone",
        "phone number",
        "mobile",
        "mobile phone",
        "mobile number",
        "cell",
        "cell phone",
        "tel",
        "telephone",
        "msisdn",
        "gsm",
        "portable",
        "numero",
        "numero de telephone",
        "num tel",
        "contact number",
        "whatsapp",
        "هاتف",
        "الهاتف",
        "رقم الهاتف",
        "الجوال",
        "جوال",
        "رقم"}},
      {"firstName", {"first name", "first", "given name", "forename", "prenom", "الاسم الأول", "الاسم الاول"}},
      {"lastName", {"last name", "last", "surname", "family name", "nom", "nom de famille", "اللقب", "اسم العائلة"}},
      {"fullName", {"full name", "name", "nom complet", "contact name", "display name", "الاسم الكامل", "الاسم"}},
      {"primaryEmail",
       {"email", "mail", "email address", "courriel", "adresse email", "adresse mail", "البريد الإلكتروني",
        "البريد الالكتروني", "البريد"}},
      {"address", {"address", "adresse", "street", "street address", "rue", "address line 1", "العنوان"}},
      {"city", {"city", "ville", "town", "localite", "المدينة"}},
      {"state", {"state", "region", "province", "wilaya", "المنطقة", "الجهة"}},
      {"zip", {"zip", "zip code", "postal code", "postcode", "code postal", "cp", "الرمز البريدي"}},
      {"occupation", {"occupation", "job", "job title", "profession", "metier", "fonction", "المهنة"}},
      {"gender", {"gender", "sex", "sexe", "genre", "الجنس"}},
      {"preferredChannel", {"preferred channel", "channel", "canal", "canal prefere"}},
  };
  return kTable;
}

// column_key(alias) -> field.
const std::map<std::string, std::string>& alias_index() {
  static const std::map<std::string, std::string> kIndex = [] {
    std::map<std::string, std::string> index;
    for (const auto& f : alias_table()) {
      index[column_key(f.field)] = f.field;
      for (const char* a : f.aliases) index[column_key(a)] = f.field;
    }
    return index;
  }();
  return kIndex;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + ("`" + n + "`");
  return out;
}

std::string field_list() {
  std::string out;
  for (const auto& f : standard_fields()) out += (out.empty() ? "" : " ") + f;
  return out;
}

// The column a user named: the exact header first, else the one header with the same key.
std::optional<size_t> find_column(const std::vector<std::string>& header, const std::vector<std::string>& keys,
                                  const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  std::string key = column_key(name);
  if (key.empty()) return std::nullopt;
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return i;
  return std::nullopt;
}

std::string column_not_found(const std::string& what, const std::string& name, const std::vector<std::string>& header) {
  return what + ": there is no column `" + name + "` in the header (the columns are " + quoted_list(header) +
         "); give a column name as it is written there";
}

}  // namespace

const FieldColumn* ColumnMap::find(std::string_view field) const {
  for (const auto& f : fields)
    if (f.field == field) return &f;
  return nullptr;
}

const std::vector<std::string>& standard_fields() {
  static const std::vector<std::string> kFields = [] {
    std::vector<std::string> out;
    for (const auto& f : alias_table()) out.emplace_back(f.field);
    return out;
  }();
  return kFields;
}

std::string column_key(std::string_view name) {
  std::string key = slug(name, '_');
  std::erase(key, '_');
  return key;
}

Result<ColumnMap> map_columns(const std::vector<std::string>& header, const MappingOptions& options) {
  std::vector<std::string> keys;
  keys.reserve(header.size());
  for (const auto& h : header) keys.push_back(column_key(h));
  std::vector<std::string> field_of(header.size());  // "" when the column has no field
  std::map<std::string, size_t> column_of;           // field -> column
  std::map<std::string, bool> overridden;

  for (const auto& [field_name, column_name] : options.overrides) {
    const std::string what = "--map " + field_name + "=" + column_name;
    auto known = alias_index().find(column_key(field_name));
    if (known == alias_index().end())
      return Status::invalid_argument(what + ": unknown contact field `" + field_name + "`; expected one of " +
                                      field_list() + " (other columns become custom attributes with --attributes)");
    const std::string& field = known->second;
    auto column = find_column(header, keys, column_name);
    if (!column) return Status::invalid_argument(column_not_found(what, column_name, header));
    if (auto previous = column_of.find(field); previous != column_of.end()) field_of[previous->second].clear();
    if (!field_of[*column].empty())
      return Status::invalid_argument(what + ": column `" + header[*column] + "` is already mapped to " +
                                      field_of[*column] + "; a column fills one field");
    field_of[*column] = field;
    column_of[field] = *column;
    overridden[field] = true;
  }

  for (size_t i = 0; i < header.size(); ++i) {
    if (!field_of[i].empty()) continue;
    auto known = alias_index().find(keys[i]);
    if (known == alias_index().end() || overridden.count(known->second)) continue;
    const std::string& field = known->second;
    if (auto previous = column_of.find(field); previous != column_of.end())
      return Status::invalid_argument("columns `" + header[previous->second] + "` (column " +
                                      std::to_string(previous->second + 1) + ") and `" + header[i] + "` (column " +
                                      std::to_string(i + 1) + ") both look like " + field + "; choose one with --map " +
                                      field + "=COLUMN");
    field_of[i] = field;
    column_of[field] = i;
  }
  if (!column_of.count("primaryPhone"))
    return Status::invalid_argument("no phone column: none of the columns (" + quoted_list(header) +
                                    ") is named like a phone number (phone, mobile, tel, telephone, msisdn, ...); name "
                                    "it with --map primaryPhone=COLUMN");

  ColumnMap map;
  for (size_t i = 0; i < header.size(); ++i)
    if (!field_of[i].empty()) map.fields.push_back({field_of[i], i});

  std::vector<bool> is_attribute(header.size(), false);
  if (options.attributes.kind == AttributeChoice::Kind::kAuto) {
    for (size_t i = 0; i < header.size(); ++i) is_attribute[i] = field_of[i].empty() && !keys[i].empty();
  } else if (options.attributes.kind == AttributeChoice::Kind::kList) {
    for (const auto& name : options.attributes.columns) {
      const std::string what = "--attributes " + name;
      auto column = find_column(header, keys, name);
      if (!column) return Status::invalid_argument(column_not_found(what, name, header));
      if (!field_of[*column].empty())
        return Status::invalid_argument(what + ": column `" + header[*column] + "` is the contact field " +
                                        field_of[*column] + ", not an attribute; leave it out of --attributes");
      if (keys[*column].empty())
        return Status::invalid_argument(what + ": column `" + header[*column] +
                                        "` has no letter or digit to name an attribute by; rename the column");
      is_attribute[*column] = true;
    }
  }
  std::map<std::string, size_t> attribute_column;
  for (size_t i = 0; i < header.size(); ++i) {
    if (!field_of[i].empty()) continue;
    if (!is_attribute[i]) {
      map.unused.push_back(i);
      continue;
    }
    std::string name = slug(header[i], '_');
    if (auto previous = attribute_column.find(name); previous != attribute_column.end())
      return Status::invalid_argument("columns `" + header[previous->second] + "` and `" + header[i] +
                                      "` would both become the attribute `" + name +
                                      "`; rename one, or list the attribute columns with --attributes");
    attribute_column[name] = i;
    map.attributes.push_back({name, header[i], i});
  }
  return map;
}

Status add_override(MappingOptions& options, std::string_view assignment) {
  size_t eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == assignment.size())
    return Status::invalid_argument("--map expects FIELD=COLUMN (e.g. --map primaryPhone=\"Numéro\"), got \"" +
                                    std::string(assignment) + "\"");
  options.overrides.emplace_back(std::string(assignment.substr(0, eq)), std::string(assignment.substr(eq + 1)));
  return Status::ok();
}

Result<AttributeChoice> parse_attribute_choice(std::string_view text) {
  AttributeChoice choice;
  if (text == "auto") {
    choice.kind = AttributeChoice::Kind::kAuto;
  } else if (text == "none") {
    choice.kind = AttributeChoice::Kind::kNone;
  } else {
    choice.kind = AttributeChoice::Kind::kList;
    size_t start = 0;
    while (start <= text.size()) {
      size_t comma = std::min(text.find(',', start), text.size());
      std::string_view name = text.substr(start, comma - start);
      if (!name.empty()) choice.columns.emplace_back(name);
      start = comma + 1;
    }
    if (choice.columns.empty())
      return Status::invalid_argument("--attributes expects auto, none or a comma-separated list of columns");
  }
  return choice;
}

Result<MappingOptions> load_mapping_file(const std::string& path) {
  auto read = document::read_document_file(path);
  if (!read) return Status::not_found(path + ": cannot read the mapping file");
  auto doc = std::move(read.value());
  auto at = [&](const document::Mark& m) {
    return path + ":" + std::to_string(m.line) + ":" + std::to_string(m.col) + ": ";
  };
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return Status::invalid_argument(at(p.begin) + p.message);
  }
  const document::Value& root = doc->root;
  if (!root.is_mapping())
    return Status::invalid_argument(at(root.begin) +
                                    "a mapping file is a mapping with `map` (FIELD: COLUMN) and `attributes`");
  MappingOptions options;
  for (const auto& m : root.members) {
    const std::string& key = m.key.text;
    if (key == "map") {
      if (!m.value.is_mapping())
        return Status::invalid_argument(at(m.value.begin) +
                                        "`map` maps contact fields to column names (primaryPhone: Numéro)");
      for (const auto& f : m.value.members) {
        if (!alias_index().count(column_key(f.key.text)))
          return Status::invalid_argument(at(f.key.begin) + "unknown contact field `" + f.key.text +
                                          "`; expected one of " + field_list());
        if (!f.value.is_scalar() || f.value.is_null() || f.value.scalar_text().empty())
          return Status::invalid_argument(at(f.value.begin) + "the column of `" + f.key.text +
                                          "` must be a column name as the header writes it");
        options.overrides.emplace_back(f.key.text, f.value.scalar_text());
      }
    } else if (key == "attributes") {
      if (m.value.is_sequence()) {
        options.attributes.kind = AttributeChoice::Kind::kList;
        for (const auto& item : m.value.items) {
          if (!item.is_scalar() || item.is_null())
            return Status::invalid_argument(at(item.begin) + "attribute columns are column names");
          options.attributes.columns.push_back(item.scalar_text());
        }
      } else if (m.value.is_string() && (m.value.text == "auto" || m.value.text == "none")) {
        options.attributes.kind = m.value.text == "auto" ? AttributeChoice::Kind::kAuto : AttributeChoice::Kind::kNone;
      } else {
        return Status::invalid_argument(at(m.value.begin) + "`attributes` is auto, none or a list of column names");
      }
    } else {
      return Status::invalid_argument(at(m.key.begin) + "unknown key `" + key + "`: a mapping file has `map` and " +
                                      "`attributes`");
    }
  }
  return options;
}

}  // namespace gomo::contacts

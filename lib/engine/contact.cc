#include "engine/contact.h"

#include <algorithm>
#include <fstream>

#include "base/files.h"
#include "base/strings.h"
#include "document/csv_reader.h"
#include "document/document.h"

namespace gomo::engine {

Result<Contact> load_contact(const std::string& path) {
  auto text = read_file(path);
  if (!text) return Status::not_found(path + ": cannot read the contact file");
  auto doc = document::read_document(path, std::move(text.value()));
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return Status::invalid_argument(path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) +
                                    ": " + p.message);
  }
  return parse_contact(doc->root, path);
}

Result<Contact> parse_contact(const document::Value& root, const std::string& path) {
  auto at = [&](const document::Value& v) {
    return path + ":" + std::to_string(v.begin.line) + ":" + std::to_string(v.begin.col) + ": ";
  };
  if (!root.is_mapping())
    return Status::invalid_argument(at(root) +
                                    "a contact is a mapping (primaryPhone, firstName, customAttributes, ...)");
  Contact c;
  for (const auto& m : root.members) {
    const std::string& k = m.key.text;
    if (k == "customAttributes") {
      if (!m.value.is_mapping())
        return Status::invalid_argument(at(m.value) + "`customAttributes` must map attribute names to values");
      for (const auto& a : m.value.members) {
        if (!a.value.is_scalar())
          return Status::invalid_argument(at(a.value) + "attribute values must be text, numbers, booleans or null");
        c.attributes[a.key.text] = Value::from_document(a.value);
      }
    } else if (!m.value.is_scalar()) {
      return Status::invalid_argument(at(m.value) + "`" + k + "` must be a single value");
    } else if (k == "primaryPhone") {
      c.phone = m.value.scalar_text();
    } else if (k == "id") {
      c.id = m.value.scalar_text();
    } else {
      c.fields[k] = Value::from_document(m.value);
    }
  }
  return c;
}

Result<Contact> load_contact_csv(const std::string& path, size_t row) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::not_found(path + ": cannot read the CSV file");
  document::CsvReader reader(f);
  document::CsvRecord header, rec;
  if (!reader.next(header)) return Status::invalid_argument(path + ": the file is empty (expected a header row)");
  if (row == 0) return Status::invalid_argument("--row counts data rows from 1 (the header is not a row)");
  size_t n = 0;
  while (reader.next(rec)) {
    if (++n < row) continue;
    if (!rec.ok) return Status::invalid_argument(path + ":" + std::to_string(rec.line) + ": unterminated quoted field");
    if (rec.fields.size() != header.fields.size())
      return Status::invalid_argument(path + ":" + std::to_string(rec.line) + ": row " + std::to_string(row) + " has " +
                                      std::to_string(rec.fields.size()) + " columns, the header has " +
                                      std::to_string(header.fields.size()));
    static const std::vector<std::string> kFields = {
        "firstName", "lastName", "fullName",   "primaryEmail",     "address", "city",
        "state",     "zip",      "occupation", "preferredChannel", "gender"};
    Contact c;
    for (size_t i = 0; i < header.fields.size(); ++i) {
      const std::string& name = header.fields[i];
      const std::string& value = rec.fields[i];
      const std::string lower = to_lower(name);
      if (lower == "primaryphone" || lower == "phone" || lower == "mobile") c.phone = value;
      else if (lower == "id") c.id = value;
      else if (std::find(kFields.begin(), kFields.end(), name) != kFields.end()) c.fields[name] = Value(value);
      else if (!value.empty()) c.attributes[name] = Value(value);
    }
    return c;
  }
  return Status::invalid_argument(path + ": there is no data row " + std::to_string(row) + " (the file has " +
                                  std::to_string(n) + ")");
}

Status apply_assignment(const std::string& assignment, const std::string& flag, Variables& vars) {
  auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    return Status::invalid_argument(flag + " expects NAME=VALUE, got \"" + assignment + "\"");
  vars[assignment.substr(0, eq)] = Value(assignment.substr(eq + 1));
  return Status::ok();
}

}  // namespace gomo::engine

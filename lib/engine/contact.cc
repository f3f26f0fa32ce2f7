#include "engine/contact.h"

#include "document/document.h"
#include "document/limits.h"

namespace gomo::engine {

Result<Contact> load_contact(const std::string& path) {
  auto read = document::read_document_file(path);
  if (!read) return Status::not_found(path + ": cannot read the contact file");
  auto doc = std::move(read.value());
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

Status apply_assignment(const std::string& assignment, const std::string& flag, Variables& vars) {
  auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    return Status::invalid_argument(flag + " expects NAME=VALUE, got \"" + assignment + "\"");
  vars[assignment.substr(0, eq)] = Value(assignment.substr(eq + 1));
  return Status::ok();
}

}  // namespace gomo::engine

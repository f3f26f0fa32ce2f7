// One CSV row -> contact fields (contacts/upsert_row.h).
#include "contacts/upsert_row.h"

#include "api/validate.h"
#include "base/utf8.h"
#include "contacts/contact_input.h"
#include "contacts/phone.h"

namespace gomo::contacts {
namespace {

std::string trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::optional<std::string> api::ContactFields::*member_of(const std::string& field) {
  using C = api::ContactFields;
  static const std::map<std::string, std::optional<std::string> C::*> kMembers = {
      {"primaryPhone", &C::primary_phone},
      {"firstName", &C::first_name},
      {"lastName", &C::last_name},
      {"fullName", &C::full_name},
      {"primaryEmail", &C::primary_email},
      {"address", &C::address},
      {"city", &C::city},
      {"state", &C::state},
      {"zip", &C::zip},
      {"occupation", &C::occupation},
      {"gender", &C::gender},
      {"preferredChannel", &C::preferred_channel},
  };
  auto it = kMembers.find(field);
  return it == kMembers.end() ? nullptr : it->second;
}

// The reason code of a field error of lib/api's checks (class-validator's wording).
std::string code_of_field_error(const std::string& field, const std::string& message) {
  if (field == "primaryEmail") return "invalid_email";
  if (message.find("longer than") != std::string::npos) return "too_short";
  if (message.find("shorter than") != std::string::npos) return "too_long";
  return "invalid_value";
}

bool refuse(RowProblem& problem, std::string code, std::string column, std::string message) {
  problem = {std::move(code), std::move(column), std::move(message)};
  return false;
}

// Formats the API cannot check for us, kept simple: the platform is the judge, this only keeps
// obviously wrong values out of a batch (which the platform would refuse whole).
bool looks_like(const std::string& type, const std::string& text) {
  if (type == "email") {
    auto at = text.find('@');
    return at != std::string::npos && at > 0 && text.find('.', at) != std::string::npos;
  }
  if (type == "url") return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
  if (type == "date") {
    return text.size() >= 10 && isdigit(text[0]) && isdigit(text[3]) && text[4] == '-' && isdigit(text[5]) &&
           text[7] == '-' && isdigit(text[8]) && isdigit(text[9]);
  }
  return true;
}

}  // namespace

bool convert_row(const std::vector<std::string>& fields, const RowRules& rules, api::ContactFields& out,
                 RowProblem& problem, const std::string& known_e164) {
  const auto& header = *rules.header;
  if (fields.size() != header.size()) {
    return refuse(
        problem, "ragged_row", "",
        "the row has " + std::to_string(fields.size()) + " fields, the header " + std::to_string(header.size()));
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (!is_valid_utf8(fields[i])) {
      return refuse(problem, "invalid_utf8", header[i], "the value is not UTF-8: " + escape_bytes(fields[i], 60));
    }
  }
  out = {};
  for (const auto& fc : rules.map->fields) {
    std::string value = trimmed(fields[fc.column]);
    if (value.empty()) continue;
    if (fc.field == "primaryPhone" && !known_e164.empty()) {
      value = known_e164;
    } else if (fc.field == "primaryPhone") {
      auto phone = normalize_phone(value, rules.region);
      if (!phone.ok()) return refuse(problem, phone_reason_code(phone.reason), header[fc.column], phone.message);
      value = phone.e164;
    }
    if (auto member = member_of(fc.field)) out.*member = value;
  }
  if (!out.primary_phone) {
    const auto* phone = rules.map->find("primaryPhone");
    return refuse(problem, "not_a_number", header[phone->column], "the phone is empty");
  }
  if (auto error = api::validate_contact(out, true)) {
    const auto& [field, messages] = *error->field_errors.begin();
    const auto* fc = rules.map->find(field);
    return refuse(problem, code_of_field_error(field, messages.front()), fc ? header[fc->column] : field,
                  messages.front());
  }
  for (const auto& ac : rules.map->attributes) {
    std::string value = trimmed(fields[ac.column]);
    if (value.empty()) continue;
    auto type_it = rules.attribute_types.find(ac.name);
    std::string type = type_it == rules.attribute_types.end() ? "text" : type_it->second;
    auto typed = attribute_value_for_type(ac.name, value, type, rules.region);
    if (!typed) return refuse(problem, "attribute_type", ac.header, typed.error().message());
    if (!looks_like(type, value)) {
      return refuse(problem, "attribute_type", ac.header, "\"" + value + "\" is not a " + type + " value");
    }
    out.custom_attributes[ac.name] = *typed;
  }
  return true;
}

void merge_fields(api::ContactFields& into, const api::ContactFields& later) {
  using C = api::ContactFields;
  for (auto member : {&C::primary_phone, &C::first_name, &C::last_name, &C::full_name, &C::primary_email, &C::address,
                      &C::city, &C::state, &C::zip, &C::occupation, &C::gender, &C::preferred_channel}) {
    if (later.*member) into.*member = later.*member;
  }
  for (const auto& [k, v] : later.custom_attributes) into.custom_attributes[k] = v;
}

std::string csv_line(const std::vector<std::string>& fields, char delimiter) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line += delimiter;
    const std::string& f = fields[i];
    if (f.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) {
      line += f;
      continue;
    }
    line += '"';
    for (char c : f) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  }
  line += "\r\n";
  return line;
}

}  // namespace gomo::contacts

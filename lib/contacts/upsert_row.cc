// One CSV row -> contact fields (contacts/upsert_row.h).
#include "contacts/upsert_row.h"

#include "api/validate.h"
#include "base/utf8.h"
#include "contacts/contact_input.h"
#include "contacts/phone.h"

namespace gomo::contacts {
namespace {

std::string_view trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

ContactMember member_of(const std::string& field) {
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

// The reject code of a field's finding, from its kind.
const char* code_of_field_problem(const api::FieldProblem& problem) {
  if (problem.field == "primaryEmail") return "invalid_email";
  switch (problem.fault) {
    case api::FieldFault::kTooShort: return "too_short";
    case api::FieldFault::kTooLong: return "too_long";
    default: return "invalid_value";
  }
}

using C = api::ContactFields;
constexpr ContactMember kContactMembers[] = {&C::primary_phone, &C::first_name, &C::last_name, &C::full_name,
                                             &C::primary_email, &C::address,    &C::city,      &C::state,
                                             &C::zip,           &C::occupation, &C::gender,    &C::preferred_channel};

bool refuse(RowProblem& problem, std::string code, std::string column, std::string message) {
  problem = {std::move(code), std::move(column), std::move(message)};
  return false;
}

}  // namespace

void RowRules::bind() {
  members.clear();
  for (const auto& fc : map->fields) members.push_back(member_of(fc.field));
}

bool convert_row(const std::vector<std::string_view>& fields, const RowRules& rules, api::ContactFields& out,
                 RowProblem& problem, std::string_view known_e164) {
  const auto& header = *rules.header;
  if (fields.size() != header.size()) {
    return refuse(
        problem, "ragged_row", "",
        "the row has " + std::to_string(fields.size()) + " fields, the header " + std::to_string(header.size()));
  }
  // Members are assigned in place rather than `out = {}`: a string that stays set keeps its memory.
  for (ContactMember member : kContactMembers) {
    if (out.*member) (out.*member)->clear();
  }
  out.channels.reset();
  out.custom_attributes.clear();
  const bool bound = rules.members.size() == rules.map->fields.size();
  for (size_t i = 0; i < rules.map->fields.size(); ++i) {
    const auto& fc = rules.map->fields[i];
    std::string_view value = trimmed(fields[fc.column]);
    if (value.empty()) continue;
    ContactMember member = bound ? rules.members[i] : member_of(fc.field);
    if (member == &api::ContactFields::primary_phone) {
      if (!known_e164.empty()) {
        value = known_e164;
      } else {
        auto phone = normalize_callable_phone(value, rules.region, rules.allowed_types);
        if (!phone.ok()) return refuse(problem, phone_reason_code(phone.reason), header[fc.column], phone.message);
        out.primary_phone = std::move(phone.e164);
        continue;
      }
    }
    if (!member) continue;
    if (out.*member) {
      (out.*member)->assign(value);
    } else {
      (out.*member).emplace(value);
    }
  }
  // Fields this row leaves blank are unset (their strings were cleared above and stayed empty).
  for (ContactMember member : kContactMembers) {
    if (out.*member && (out.*member)->empty()) (out.*member).reset();
  }
  if (!out.primary_phone) {
    const auto* phone = rules.map->find("primaryPhone");
    return refuse(problem, "not_a_number", header[phone->column], "the phone is empty");
  }
  if (auto found = api::first_contact_problem(out, true)) {
    const auto* fc = rules.map->find(found->field);
    return refuse(problem, code_of_field_problem(*found), fc ? header[fc->column] : found->field,
                  std::move(found->message));
  }
  for (const auto& ac : rules.map->attributes) {
    std::string_view value = trimmed(fields[ac.column]);
    if (value.empty()) continue;
    auto type_it = rules.attribute_types.find(ac.name);
    std::string type = type_it == rules.attribute_types.end() ? "text" : type_it->second;
    auto typed = attribute_value_for_type(ac.name, value, type, rules.region);
    if (!typed) return refuse(problem, "attribute_type", ac.header, typed.error().message());
    out.custom_attributes[ac.name] = *typed;
  }
  return true;
}

void merge_fields(api::ContactFields& into, const api::ContactFields& later) {
  for (ContactMember member : kContactMembers) {
    if (later.*member) into.*member = later.*member;
  }
  for (const auto& [k, v] : later.custom_attributes) into.custom_attributes[k] = v;
}

}  // namespace gomo::contacts

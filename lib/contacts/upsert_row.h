#pragma once
// One CSV row -> api::ContactFields, checked as the platform checks (lib/api's field table), with the
// reject reason codes of CONVENTIONS.md. Internal to the upsert pipeline (contacts/upsert.h).
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "api/platform.h"
#include "contacts/column_map.h"
#include "contacts/phone.h"

namespace gomo::contacts {

using ContactMember = std::optional<std::string> api::ContactFields::*;

struct RowRules {
  const std::vector<std::string>* header = nullptr;
  const ColumnMap* map = nullptr;
  std::map<std::string, std::string> attribute_types;  // attribute name -> its type (text, number, ...)
  std::string region = "MA";
  // Valid phones of other types are refused as not_callable (--allow-types).
  PhoneTypes allowed_types = PhoneTypes::callable();
  // map->fields[i]'s member of api::ContactFields (nullptr: none), filled by bind(); convert_row looks
  // them up by name per row without it (slower).
  std::vector<ContactMember> members;
  // Fills `members` from `map`. REQUIRES: map set; call again when it changes.
  void bind();
};

// Why a row is not sent: a stable code, the header of the column at fault ("" for the whole row) and
// a message for people.
struct RowProblem {
  std::string code, column, message;
};

// Converts `fields` (one data row, as the CSV reader gave it: it has checked UTF-8 and the field count;
// a row of another width is still refused as ragged_row). Returns false and fills `problem` when the
// row is refused; else fills `out`, reusing its strings' memory (pass the same object row after row).
// Blank cells leave their field unset. `known_e164`, when not empty, is the row's phone as an earlier
// conversion of the same row normalised it (libphonenumber is not asked again).
bool convert_row(const std::vector<std::string_view>& fields, const RowRules& rules, api::ContactFields& out,
                 RowProblem& problem, std::string_view known_e164 = {});

// Later set fields of `later` replace those of `into` (custom attributes key by key): --on-duplicate merge.
void merge_fields(api::ContactFields& into, const api::ContactFields& later);

}  // namespace gomo::contacts

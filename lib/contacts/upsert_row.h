#pragma once
// One CSV row -> api::ContactFields, checked as the platform checks (lib/api's field table), with the
// reject reason codes of CONVENTIONS.md. Internal to the upsert pipeline (contacts/upsert.h).
#include <map>
#include <string>
#include <vector>

#include "api/platform.h"
#include "contacts/column_map.h"

namespace gomo::contacts {

struct RowRules {
  const std::vector<std::string>* header = nullptr;
  const ColumnMap* map = nullptr;
  std::map<std::string, std::string> attribute_types;  // attribute name -> its type (text, number, ...)
  std::string region = "MA";
};

// Why a row is not sent: a stable code, the header of the column at fault ("" for the whole row) and
// a message for people.
struct RowProblem {
  std::string code, column, message;
};

// Converts `fields` (one data row, as read). Returns false and fills `problem` when the row is
// refused; else fills `out`. Blank cells leave their field unset. `known_e164`, when not empty, is the
// row's phone as an earlier conversion of the same row normalised it (libphonenumber is not asked again).
bool convert_row(const std::vector<std::string>& fields, const RowRules& rules, api::ContactFields& out,
                 RowProblem& problem, const std::string& known_e164 = "");

// Later set fields of `later` replace those of `into` (custom attributes key by key): --on-duplicate merge.
void merge_fields(api::ContactFields& into, const api::ContactFields& later);

// `fields` as one CSV line (RFC 4180 quoting where needed), with the line end.
std::string csv_line(const std::vector<std::string>& fields, char delimiter);

}  // namespace gomo::contacts

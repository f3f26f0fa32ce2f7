#pragma once
// The documented request constraints (Gomobile docs: Contacts to Flows, Pagination), checked by the local platform
// so that it refuses what the real platform refuses, with the same field names and messages.
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"

namespace gomo::api {

// What is wrong with a field, by kind, for code that must tell the findings apart (the upsert's reject
// codes); people read the messages. In the order a text field's checks report them.
enum class FieldFault {
  kNone,
  kMissing,    // required and unset: "X should not be empty"
  kEmpty,      // "" where text is required
  kTooShort,   // fewer characters than the field's minimum
  kTooLong,    // more characters than the field's maximum
  kNotOneOf,   // not one of the enum's values
  kBadFormat,  // not an email, a UUID, an ISO 8601 instant
  kInvalid,    // anything else (a custom attribute value that is not JSON, a number out of range)
};

// One finding of a validate_* function, with its kind.
struct FieldProblem {
  std::string field;  // as ApiError::field_errors names it: "firstName", "customAttributes.plan"
  FieldFault fault = FieldFault::kInvalid;
  std::string message;  // the field's first message
};

// Each returns the 400 VALIDATION_FAILED error listing every bad field (camelCase names), or nothing.
std::optional<ApiError> validate_contact(const ContactFields& fields, bool create);
// validate_contact's first finding (the first field in name order, as field_errors lists them, and its
// first message), with its kind; nothing when the fields pass (then nothing is allocated).
std::optional<FieldProblem> first_contact_problem(const ContactFields& fields, bool create);
std::optional<ApiError> validate_new_custom_attribute(const NewCustomAttribute& attribute);
std::optional<ApiError> validate_audience(const AudienceFields& fields, bool create);
// Also requires graph_json to be a JSON object with a string startNodeId and nodes (array or object).
std::optional<ApiError> validate_flow(const FlowFields& fields, bool create);
// The body of POST /flows/validate: `graph` must be a JSON object. What is inside is the answer's
// business (problems found), not a refusal.
std::optional<ApiError> validate_flow_graph_request(const std::string& graph_json);
// page >= 1, 1 <= limit <= 100, search <= 100 characters, sort_by in `sort_fields`, sort_order asc|desc.
std::optional<ApiError> validate_page_query(const PageQuery& query, const std::vector<std::string>& sort_fields);

// The attribute name the platform derives from a display name: its words, lowercased, joined by "_"
// ("Last payment date" -> "last_payment_date"). Words are runs of letters and digits of any script
// (base/unicode.h); everything else separates them, with no leading or trailing "_". Accented Latin
// letters become ASCII ("Date échéance" -> "date_echeance"), Arabic-Indic digits ASCII digits; letters
// of other scripts are kept ("الرصيد" -> "الرصيد", "Сумма" -> "сумма"), without Arabic harakat or
// tatweel. Empty when there is no letter or digit. Client checks and the local platform both use it.
std::string attribute_slug(const std::string& display_name);

// Number of characters (UTF-8 code points) in `s`.
std::size_t char_count(const std::string& s);

}  // namespace gomo::api

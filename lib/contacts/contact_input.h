#pragma once
// A contact's fields from what a user typed: flags (--phone, --first-name, --attr NAME=VALUE, ...) and
// a JSON/YAML body file (-f), checked and typed before anything is sent.
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "api/platform.h"
#include "base/status.h"

namespace gomo::contacts {

// A flag that sets one contact field.
struct ContactFlag {
  const char* flag;   // "--first-name"
  const char* field;  // the API's name: "firstName"
  const char* help;
};
// --phone, --first-name, --last-name, --full-name, --email, --address, --city, --state, --zip,
// --occupation, --gender, --preferred-channel.
const std::vector<ContactFlag>& contact_flags();

struct ContactInput {
  std::string body_text;                      // a JSON or YAML object in the API's field names; "" for none
  std::string body_name = "<stdin>";          // its path, for messages
  std::map<std::string, std::string> fields;  // from flags: API field name -> value ("firstName" -> "Amina")
  std::vector<std::string> attributes;        // --attr values, "NAME=VALUE", in order (later ones win)
  std::string region = "MA";                  // for phone numbers written without +
};

struct ContactDraft {
  api::ContactFields fields;
  std::map<std::string, std::string> attribute_texts;  // attribute name -> the text after = of its --attr
};

// The fields `input` describes: the body first (the read-only id, organizationId, createdAt and
// updatedAt of a `contacts get -o json` are dropped; other properties the API does not document are
// refused), flags over it, primaryPhone normalised to E.164, --attr values typed by
// attribute_value_json. InvalidArgument saying what is wrong otherwise.
Result<ContactDraft> contact_draft(const ContactInput& input);

// No field set at all (an update with nothing to change).
bool is_empty(const api::ContactFields& fields);

// The JSON text of an --attr value when the attribute's type is unknown: numbers, true/false, null,
// and JSON arrays/objects stay JSON; anything else becomes a JSON string ("30" -> 30, "tech" -> "tech",
// "007" -> "007", "[\"a\"]" -> ["a"]).
std::string attribute_value_json(std::string_view text);

// The JSON text of an --attr value for an attribute of `type`: number and boolean values must
// be JSON numbers and true/false; phone_number values are normalised to E.164 (with `region`); other
// types take the text as a string (a JSON array stays an array). InvalidArgument naming `name` else.
Result<std::string> attribute_value_for_type(std::string_view name, std::string_view text, std::string_view type,
                                             std::string_view region = "MA");

// Checks the draft's custom attributes against the account's `catalog`: unknown names are refused
// (suggesting the attribute's name when its display name was used, or a close name); --attr values
// are re-typed for their attribute; body values of the wrong JSON type are refused.
Status fit_attribute_types(ContactDraft& draft, const std::vector<api::CustomAttribute>& catalog,
                           std::string_view region = "MA");

// The whole text of `path`, or of `in` when path is "-". NotFound / IoError when unreadable;
// InvalidArgument ("PATH:1:1: the input is larger than 64 MiB, ...") past document::kMaxInputBytes.
Result<std::string> read_input(const std::string& path, std::istream& in);

}  // namespace gomo::contacts

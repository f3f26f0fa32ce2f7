#pragma once
// Arguments that name platform objects: a contact by id or phone, an audience by id or name, lists of
// contacts for audience membership. Shared by the contacts and audiences commands.
#include <string>
#include <utility>
#include <vector>

#include "api/platform.h"

namespace gomo::contacts {

// Why an argument could not be used: either the argument itself is wrong (an ambiguous name, a
// malformed phone: a usage error, exit 2), or the platform's answer (including the 404 gomo reports
// for a name or phone nothing matches, worded like the platform's: exit 3).
struct Failure {
  bool usage = false;
  std::string message;  // usage problems: the whole message (no "gomo: " prefix)
  api::ApiError api;    // !usage: what the platform said

  static Failure usage_error(std::string message) { return Failure{true, std::move(message), {}}; }
  static Failure api_error(api::ApiError error) { return Failure{false, "", std::move(error)}; }
};

// A value or a Failure: base's one Result template.
template <typename T>
using Outcome = Result<T, Failure>;

// The contact `arg` names: a phone number (anything looks_like_phone says is one; normalised with
// `region` first, then found by an exact primaryPhone match), else an id.
// Not found: a 404 NOT_FOUND "Contact with phone +212612345678 not found" or the platform's own; for
// an argument that is no id either (a name), the message adds `gomo contacts list --search NAME`.
Outcome<api::Contact> find_contact(api::Platform& platform, const std::string& arg, const std::string& region);

// The contact ids that `args` (ids or phones) name, in order and without repeats. Ids are taken as
// given (the platform checks them); phones are found with one search each, or, when there are more
// phones than pages of contacts, with one listing of every contact. A malformed phone is a usage
// failure; a phone no contact has, a 404 naming it.
Outcome<std::vector<std::string>> contact_ids_for(api::Platform& platform, const std::vector<std::string>& args,
                                                  const std::string& region);

// The audience `arg` names: an id (when it looks like one and exists), else an exact, case-sensitive
// name match from a search. Several audiences with that name: a usage failure listing them (name an
// id instead). None: 404 NOT_FOUND `Audience "X" not found`, naming close names when a search found
// some.
Outcome<api::Audience> find_audience(api::Platform& platform, const std::string& arg);

// The dictionary `arg` names, among the organisation's and the system ones: its id, else the exact name of
// exactly one (several: a usage failure listing their ids). None: 404 NOT_FOUND `Dictionary "X" not found`,
// with where to look. Dictionaries are few: one listing of them all.
Outcome<api::Dictionary> find_dictionary(api::Platform& platform, const std::string& arg);

// Every audience (custom attribute, member) of a search, following pages of 100 (at most `max_items`).
api::Result<std::vector<api::Audience>> list_all_audiences(api::Platform& platform, api::PageQuery query,
                                                           int max_items = 1000000);
api::Result<std::vector<api::Contact>> list_all_members(api::Platform& platform, const std::string& audience_id,
                                                        api::PageQuery query, int max_items = 1000000);
api::Result<std::vector<api::CustomAttribute>> list_all_custom_attributes(api::Platform& platform, api::PageQuery query,
                                                                          int max_items = 1000000);

// One line of a --from-file list: surrounding blanks removed; "" for blank lines and # comments.
std::string list_file_entry(const std::string& line);

}  // namespace gomo::contacts

// Naming platform objects by id, phone or name (contacts/resolve.h).
#include "contacts/resolve.h"

#include <map>
#include <set>

#include "api/list_all.h"
#include "api/validate_programs.h"
#include "base/strings.h"
#include "contacts/phone.h"

namespace gomo::contacts {

namespace {

Failure bad_phone(const NormalizedPhone& phone) {
  return Failure::usage_error(phone.message + " [" + phone_reason_code(phone.reason) + "]");
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

api::Result<std::vector<api::Audience>> list_all_audiences(api::Platform& platform, api::PageQuery query,
                                                           int max_items) {
  return api::collect_all<api::Audience>([&](const api::PageQuery& q) { return platform.list_audiences(q); }, query,
                                         max_items);
}

api::Result<std::vector<api::CustomAttribute>> list_all_custom_attributes(api::Platform& platform, api::PageQuery query,
                                                                          int max_items) {
  return api::collect_all<api::CustomAttribute>(
      [&](const api::PageQuery& q) { return platform.list_custom_attributes(q); }, query, max_items);
}

api::Result<std::vector<api::Contact>> list_all_members(api::Platform& platform, const std::string& audience_id,
                                                        api::PageQuery query, int max_items) {
  return api::collect_all<api::Contact>(
      [&](const api::PageQuery& q) { return platform.audience_members(audience_id, q); }, query, max_items);
}

Outcome<api::Contact> find_contact(api::Platform& platform, const std::string& arg, const std::string& region) {
  if (!api::is_uuid(arg) && looks_like_phone(arg)) {
    auto phone = normalize_phone(arg, region);
    if (!phone.ok()) return bad_phone(phone);
    auto found = api::find_contact_by_phone(platform, phone.e164);
    if (!found) return Failure::api_error(found.error());
    // A phone stored as written rather than in E.164 (older imports) is still found by its text.
    if (!*found && phone.e164 != arg) {
      found = api::find_contact_by_phone(platform, arg);
      if (!found) return Failure::api_error(found.error());
    }
    if (!*found) return Failure::api_error(api::not_found_error("Contact with phone " + phone.e164));
    return std::move(**found);
  }
  auto contact = platform.get_contact(arg);
  if (!contact) {
    api::ApiError error = contact.error();
    // `gomo contacts get Amina`: a name is neither an id nor a phone; say where names are searched.
    if (!api::is_uuid(arg) && (error.http_status == 404 || error.http_status == 400)) {
      error.message += "; \"" + arg +
                       "\" is neither a contact id nor a phone number: to find contacts by name, run "
                       "gomo contacts list --search \"" +
                       arg + "\"";
    }
    return Failure::api_error(std::move(error));
  }
  return std::move(*contact);
}

Outcome<std::vector<std::string>> contact_ids_for(api::Platform& platform, const std::vector<std::string>& args,
                                                  const std::string& region) {
  // First every argument's kind, so a malformed phone fails before any request.
  std::vector<std::string> ids(args.size());
  std::map<std::string, std::vector<size_t>> phones;  // E.164 -> positions in ids
  for (size_t i = 0; i < args.size(); ++i) {
    if (api::is_uuid(args[i]) || !looks_like_phone(args[i])) {
      ids[i] = args[i];
      continue;
    }
    auto phone = normalize_phone(args[i], region);
    if (!phone.ok()) return bad_phone(phone);
    phones[phone.e164].push_back(i);
  }
  if (!phones.empty()) {
    std::map<std::string, std::string> id_by_phone;
    // One search per phone, or one listing of every contact when that takes fewer requests.
    api::PageQuery probe;
    probe.limit = 1;
    auto first = platform.list_contacts(probe);
    if (!first) return Failure::api_error(first.error());
    const size_t pages = (static_cast<size_t>(first->meta.total) + 99) / 100;
    if (phones.size() > pages) {
      auto all = api::list_all_contacts(platform, {});
      if (!all) return Failure::api_error(all.error());
      for (const auto& c : *all) id_by_phone.emplace(c.fields.primary_phone.value_or(""), c.id);
    } else {
      for (const auto& [phone, positions] : phones) {
        auto found = api::find_contact_by_phone(platform, phone);
        if (!found) return Failure::api_error(found.error());
        if (*found) id_by_phone[phone] = (*found)->id;
      }
    }
    std::vector<std::string> missing;
    for (const auto& [phone, positions] : phones) {
      auto it = id_by_phone.find(phone);
      if (it == id_by_phone.end()) {
        missing.push_back(phone);
        continue;
      }
      for (size_t i : positions) ids[i] = it->second;
    }
    if (!missing.empty()) {
      if (missing.size() == 1) return Failure::api_error(api::not_found_error("Contact with phone " + missing[0]));
      return Failure::api_error(api::not_found_error("Contacts with phones " + join(missing, ", ")));
    }
  }
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (auto& id : ids) {
    if (seen.insert(id).second) unique.push_back(std::move(id));
  }
  return unique;
}

Outcome<api::Audience> find_audience(api::Platform& platform, const std::string& arg) {
  if (api::is_uuid(arg)) {
    auto audience = platform.get_audience(arg);
    if (audience) return std::move(*audience);
    if (audience.error().http_status != 404) return Failure::api_error(audience.error());
  }
  std::vector<api::Audience> named, similar;
  // Names are at most 64 characters and searches 100: a longer argument names nothing.
  if (utf8_length(arg) <= 100 && !arg.empty()) {
    api::PageQuery query;
    query.search = arg;
    auto found = list_all_audiences(platform, query, 10000);
    if (!found) return Failure::api_error(found.error());
    for (auto& a : *found) (a.name == arg ? named : similar).push_back(std::move(a));
  }
  if (named.size() == 1) return std::move(named[0]);
  if (named.size() > 1) {
    std::string message = std::to_string(named.size()) + " audiences are named " + quoted(arg) + ":";
    for (const auto& a : named) message += "\n  " + a.id + "  " + std::to_string(a.contact_count) + " contacts";
    return Failure::usage_error(message + "\nname one by its id");
  }
  auto error = api::not_found_error("Audience " + quoted(arg));
  if (!similar.empty()) {
    std::vector<std::string> names;
    for (size_t i = 0; i < similar.size() && i < 5; ++i) names.push_back(quoted(similar[i].name));
    error.message += "; similar: " + join(names, ", ");
  }
  return Failure::api_error(std::move(error));
}

Outcome<api::Dictionary> find_dictionary(api::Platform& platform, const std::string& arg) {
  auto all = api::collect_all<api::Dictionary>(
      [&](const api::PageQuery& q) {
        return platform.list_dictionaries({q, true});
      },
      api::PageQuery{});
  if (!all) return Failure::api_error(all.error());
  std::vector<api::Dictionary> named;
  for (auto& d : *all) {
    if (d.id == arg) return std::move(d);
    if (d.name == arg) named.push_back(std::move(d));
  }
  if (named.size() == 1) return std::move(named[0]);
  if (named.size() > 1) {
    std::string message = std::to_string(named.size()) + " dictionaries are named " + quoted(arg) + ":";
    for (const auto& d : named) message += "\n  " + d.id + "  " + d.language;
    return Failure::usage_error(message + "\nname one by its id");
  }
  auto error = api::not_found_error("Dictionary " + quoted(arg));
  error.message += "; gomo dictionaries list --system shows them";
  return Failure::api_error(std::move(error));
}

std::string list_file_entry(const std::string& line) {
  const char* blanks = " \t\r\n";
  const auto begin = line.find_first_not_of(blanks);
  if (begin == std::string::npos || line[begin] == '#') return "";
  const auto end = line.find_last_not_of(blanks);
  return line.substr(begin, end - begin + 1);
}

}  // namespace gomo::contacts

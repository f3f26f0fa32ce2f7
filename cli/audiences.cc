// `gomo audiences create|list|get|members|add|remove`: audiences named by id or name, members by
// contact id or phone (Gomobile docs: Audiences).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "api/list_all.h"
#include "api/platform.h"
#include "api/wire.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_codes.h"
#include "cli/resources.h"
#include "cli/target.h"
#include "contacts/contact_input.h"
#include "contacts/membership.h"
#include "contacts/resolve.h"

namespace gomo::cli {
namespace {

struct AudiencesCreateOptions {
  TargetOptions target;
  std::string name, description;
};

struct AudiencesGetOptions {
  ListOptions list;  // members: the page flags; get: only the target
  std::string audience;
};

struct AudiencesChangeOptions {
  TargetOptions target;
  std::string audience;
  std::vector<std::string> contacts;
  std::string from_file;
  std::string region = "MA";
  bool yes = false;
};

std::string audiences_quoted(const std::string& s) { return "\"" + s + "\""; }

int audiences_create(Context& ctx, const AudiencesCreateOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kWrite);
  if (!opened) return exit_code;
  api::AudienceFields fields;
  fields.name = o.name;
  if (!o.description.empty()) fields.description = o.description;
  auto created = opened->platform->create_audience(fields);
  if (!created) return report_api_error(ctx, created.error());
  print_records(ctx, api::wire::encode(*created), audiences_columns());
  print_target_summary(ctx, *opened, "created audience " + created->id + " " + audiences_quoted(created->name));
  return kExitOk;
}

int audiences_list(Context& ctx, const ListOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto listed = api::page_or_all<api::Audience>(
      [&](const api::PageQuery& q) { return opened->platform->list_audiences(q); }, o.query, o.all);
  if (!listed) return report_api_error(ctx, listed.error());
  nlohmann::json records = nlohmann::json::array();
  for (const auto& a : listed->items) records.push_back(api::wire::encode(a));
  print_list(ctx, records, audiences_columns(), listed->meta ? &*listed->meta : nullptr, "audiences");
  return kExitOk;
}

int audiences_get(Context& ctx, const AudiencesGetOptions& o, bool members) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.list.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto audience = contacts::find_audience(*opened->platform, o.audience);
  if (!audience) return report_failure(ctx, audience.error());
  if (!members) {
    print_records(ctx, api::wire::encode(*audience), audiences_columns());
    return kExitOk;
  }
  auto listed = api::page_or_all<api::Contact>(
      [&](const api::PageQuery& q) { return opened->platform->audience_members(audience->id, q); }, o.list.query,
      o.list.all);
  if (!listed) return report_api_error(ctx, listed.error());
  nlohmann::json records = nlohmann::json::array();
  for (const auto& c : listed->items) records.push_back(api::wire::encode(c));
  print_list(ctx, records, contacts_columns(), listed->meta ? &*listed->meta : nullptr, "members");
  return kExitOk;
}

int audiences_change(Context& ctx, const AudiencesChangeOptions& o, bool add) {
  std::vector<std::string> args = o.contacts;
  if (!o.from_file.empty()) {
    auto text = contacts::read_input(o.from_file, ctx.in);
    if (!text) return report_error(ctx, text.error());
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
      if (auto entry = contacts::list_file_entry(line); !entry.empty()) args.push_back(entry);
    }
  }
  if (args.empty()) return report_error(ctx, "no contacts given: name them (ids or phones) or pass --from-file FILE");
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kExisting);
  if (!opened) return exit_code;
  auto audience = contacts::find_audience(*opened->platform, o.audience);
  if (!audience) return report_failure(ctx, audience.error());
  auto ids = contacts::contact_ids_for(*opened->platform, args, o.region);
  if (!ids) return report_failure(ctx, ids.error());
  const std::string what = count_of(ids->size(), "contact", "contacts");
  const std::string name = audiences_quoted(audience->name);
  if (!add) {
    if (int c = confirm_destructive(ctx, o.yes,
                                    "Remove " + what + " from audience " + name + " on " + opened->summary + "?")) {
      return c;
    }
  }
  auto changed = contacts::change_members(*opened->platform, *audience, *ids,
                                          add ? contacts::MembershipChange::kAdd : contacts::MembershipChange::kRemove);
  if (!changed) {
    int code = report_api_error(ctx, changed.error().error);
    if (size_t done = changed.error().done)
      return report_error(ctx,
                          "the first " + std::to_string(done) + " of " + std::to_string(ids->size()) + " were " +
                              (add ? "added" : "removed"),
                          code);
    return code;
  }
  const api::Audience& after = *changed;
  print_records(ctx, api::wire::encode(after), audiences_columns());
  const int moved = add ? after.contact_count - audience->contact_count : audience->contact_count - after.contact_count;
  std::string summary = std::string(add ? "added " : "removed ") + count_of(moved, "contact", "contacts") +
                        (add ? " to" : " from") + " audience " + name;
  if (static_cast<size_t>(moved) != ids->size()) {
    summary += " (" + std::to_string(ids->size() - moved) + (add ? " already in" : " not in") + " it)";
  }
  print_target_summary(ctx, *opened, summary + ", now " + count_of(after.contact_count, "contact", "contacts"));
  return kExitOk;
}

void audiences_add_change(CLI::App& group, Action& action, bool add) {
  auto o = std::make_shared<AudiencesChangeOptions>();
  auto* cmd = group.add_subcommand(add ? "add" : "remove",
                                   add ? "Add contacts (ids or phones) to an audience; members already in stay"
                                       : "Remove contacts (ids or phones) from an audience (asks first; --yes)");
  cmd->footer(
      "Exit codes: 0 ok, 2 usage, ambiguous name or unreadable file, 3 API error (also: not found),\n"
      "4 authentication, 5 network or server unavailable.");
  cmd->add_option("audience", o->audience, "Audience id or name")->required();
  cmd->add_option("contacts", o->contacts, "Contact ids or phone numbers");
  cmd->add_option("--from-file", o->from_file, "File with one contact id or phone per line (# comments); - for stdin")
      ->type_name("FILE");
  if (!add) cmd->add_flag("-y,--yes", o->yes, "Remove without asking (required when stdin is not a terminal)");
  add_region_flag(cmd, o->region);
  add_target_flags(cmd, o->target);
  cmd->callback([o, &action, add] { action = [o, add](Context& c) { return audiences_change(c, *o, add); }; });
}

}  // namespace

void add_audiences_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* group = app.add_subcommand("audiences", "Audiences (contact lists that programs call), by id or name");
  group->require_subcommand(1);
  const std::string footer =
      "Exit codes: 0 ok, 2 usage or ambiguous name, 3 API error (also: not found), 4 authentication,\n"
      "5 network or server unavailable.";

  auto create = std::make_shared<AudiencesCreateOptions>();
  auto* cmd = group->add_subcommand("create", "Create an audience");
  cmd->footer(footer);
  cmd->add_option("--name", create->name, "Name (3-64 characters)")->required();
  cmd->add_option("--description", create->description, "Description (at most 256 characters)");
  add_target_flags(cmd, create->target);
  cmd->callback([create, &action] { action = [create](Context& c) { return audiences_create(c, *create); }; });

  auto list = std::make_shared<ListOptions>();
  cmd = group->add_subcommand("list", "List audiences (one page, or --all)");
  cmd->footer(footer);
  add_list_flags(cmd, *list, "Search names and descriptions", {"name", "createdAt", "updatedAt"});
  cmd->callback([list, &action] { action = [list](Context& c) { return audiences_list(c, *list); }; });

  auto get = std::make_shared<AudiencesGetOptions>();
  cmd = group->add_subcommand("get", "Show one audience, by id or name");
  cmd->footer(footer);
  cmd->add_option("audience", get->audience, "Audience id or name")->required();
  add_target_flags(cmd, get->list.target);
  cmd->callback([get, &action] { action = [get](Context& c) { return audiences_get(c, *get, false); }; });

  auto members = std::make_shared<AudiencesGetOptions>();
  cmd = group->add_subcommand("members", "List the contacts of an audience (one page, or --all)");
  cmd->footer(footer);
  cmd->add_option("audience", members->audience, "Audience id or name")->required();
  add_list_flags(cmd, members->list, "Search first name, last name and phone",
                 {"firstName", "lastName", "primaryPhone", "createdAt"});
  cmd->callback([members, &action] { action = [members](Context& c) { return audiences_get(c, *members, true); }; });

  audiences_add_change(*group, action, true);
  audiences_add_change(*group, action, false);
  (void)ctx;
}

}  // namespace gomo::cli

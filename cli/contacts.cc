// `gomo contacts list|get` (create, update and delete: cli/contacts_edit.cc): contacts of the local
// workspace or of a platform reached over HTTP(S).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "api/list_all.h"
#include "api/platform.h"
#include "api/wire.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/resources.h"
#include "cli/target.h"
#include "contacts/resolve.h"

namespace gomo::cli {
namespace {

struct ContactsGetOptions {
  TargetOptions target;
  std::string contact;
  std::string region = "MA";
};

int contacts_list(Context& ctx, const ListOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto listed = api::page_or_all<api::Contact>(
      [&](const api::PageQuery& q) { return opened->platform->list_contacts(q); }, o.query, o.all);
  if (!listed) return report_api_error(ctx, listed.error());
  nlohmann::json records = nlohmann::json::array();
  for (const auto& c : listed->items) records.push_back(api::wire::encode(c));
  print_list(ctx, records, contacts_columns(), listed->meta ? &*listed->meta : nullptr, "contacts");
  return kExitOk;
}

int contacts_get(Context& ctx, const ContactsGetOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto contact = contacts::find_contact(*opened->platform, o.contact, o.region);
  if (!contact) return report_failure(ctx, contact.error());
  print_records(ctx, api::wire::encode(*contact), contacts_columns());
  return kExitOk;
}

}  // namespace

void add_contacts_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* group = app.add_subcommand("contacts", "Contacts of the local workspace or of the platform");
  group->require_subcommand(1);
  const std::string footer =
      "Exit codes: 0 ok, 2 usage, 3 API error (also: not found), 4 authentication, 5 network or server unavailable.";

  auto list = std::make_shared<ListOptions>();
  auto* cmd = group->add_subcommand("list", "List contacts (one page, or --all)");
  cmd->footer(footer);
  add_list_flags(cmd, *list, "Search names, phone and email",
                 {"firstName", "lastName", "primaryPhone", "primaryEmail", "createdAt"});
  cmd->callback([list, &action] { action = [list](Context& c) { return contacts_list(c, *list); }; });

  auto get = std::make_shared<ContactsGetOptions>();
  cmd = group->add_subcommand("get", "Show one contact, by id or phone number");
  cmd->footer(footer);
  cmd->add_option("contact", get->contact, "Contact id or phone number (E.164, or national with --region)")->required();
  add_target_flags(cmd, get->target);
  add_region_flag(cmd, get->region);
  cmd->callback([get, &action] { action = [get](Context& c) { return contacts_get(c, *get); }; });

  add_contacts_edit_commands(*group, ctx, action);
  add_contacts_upsert_command(*group, ctx, action);
}

}  // namespace gomo::cli

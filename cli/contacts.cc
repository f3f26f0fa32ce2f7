// `gomo contacts list`: contacts of the local workspace or of a platform reached over HTTP(S).
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "api/platform.h"
#include "api/wire.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/target.h"
#include "report/resources.h"

namespace gomo::cli {
namespace {

struct ContactsListOptions {
  TargetOptions target;
  api::PageQuery query;
  bool all = false;
};

std::vector<report::ResourceColumn> contacts_columns() {
  return {{"ID", "id"}, {"PHONE", "primaryPhone"}, {"NAME", "fullName|firstName"}, {"CITY", "city"}};
}

int contacts_list(Context& ctx, const ContactsListOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code);
  if (!opened) return exit_code;
  std::vector<api::Contact> contacts;
  api::PageMeta meta;
  if (o.all) {
    auto all = api::list_all_contacts(*opened->platform, o.query);
    if (!all) return report_api_error(ctx, all.error());
    contacts = std::move(*all);
  } else {
    auto page = opened->platform->list_contacts(o.query);
    if (!page) return report_api_error(ctx, page.error());
    contacts = std::move(page->data);
    meta = page->meta;
  }
  nlohmann::json records = nlohmann::json::array();
  for (const auto& c : contacts) records.push_back(api::wire::encode(c));
  print_records(ctx, records.dump(), contacts_columns());
  if (!o.all && !ctx.quiet && meta.has_next_page) {
    ctx.err << "page " << meta.page << " of " << meta.total_pages << " (" << meta.total
            << " contacts); --page N for more, or --all\n";
  }
  return kExitOk;
}

}  // namespace

void add_contacts_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* group = app.add_subcommand("contacts", "Contacts of the local workspace or of the platform");
  group->require_subcommand(1);
  auto list = std::make_shared<ContactsListOptions>();
  auto* cmd = group->add_subcommand("list", "List contacts (one page, or --all)");
  cmd->footer("Exit codes: 0 ok, 2 usage, 3 API error, 4 authentication, 5 network or server unavailable.");
  add_target_flags(cmd, list->target);
  cmd->add_option("--search", list->query.search, "Search names, phone and email");
  cmd->add_option("--page", list->query.page, "Page number, from 1")->check(CLI::PositiveNumber);
  cmd->add_option("--limit", list->query.limit, "Contacts per page (1-100)")->check(CLI::Range(1, 100));
  cmd->add_option("--sort-by", list->query.sort_by, "firstName, lastName, primaryPhone, primaryEmail or createdAt");
  cmd->add_option("--sort-order", list->query.sort_order, "asc or desc")->check(CLI::IsMember({"asc", "desc"}));
  cmd->add_flag("--all", list->all, "Follow the pages to the end");
  cmd->callback([list, &action] { action = [list](Context& c) { return contacts_list(c, *list); }; });
  (void)ctx;
}

}  // namespace gomo::cli

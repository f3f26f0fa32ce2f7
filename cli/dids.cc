// `gomo dids list`: the caller-ID numbers (DIDs) the account may call from (Gomobile docs: DIDs).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "api/list_all.h"
#include "api/platform.h"
#include "api/wire_programs.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/resources.h"
#include "cli/target.h"

namespace gomo::cli {
namespace {

struct DidsListOptions {
  ListOptions list;
  std::string status;
  bool shared_only = false, own_only = false;
};

std::vector<report::ResourceColumn> dids_columns() {
  return {{"ID", "id"},         {"NUMBER", "number"},   {"COUNTRY", "country"},
          {"STATUS", "status"}, {"SHARED", "isShared"}, {"DESCRIPTION", "description"}};
}

int dids_list(Context& ctx, const DidsListOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.list.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  api::DidQuery query{o.list.query, o.status, std::nullopt};
  if (o.shared_only) query.is_shared = true;
  if (o.own_only) query.is_shared = false;
  auto listed = api::page_or_all<api::Did>(
      [&](const api::PageQuery& q) {
        api::DidQuery page_query = query;
        page_query.page = q;
        return opened->platform->list_available_dids(page_query);
      },
      query.page, o.list.all);
  if (!listed) return report_api_error(ctx, listed.error());
  nlohmann::json records = nlohmann::json::array();
  for (const auto& d : listed->items) records.push_back(api::wire::encode(d));
  print_list(ctx, records, dids_columns(), listed->meta ? &*listed->meta : nullptr, "DIDs");
  return kExitOk;
}

}  // namespace

void add_dids_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* group = app.add_subcommand("dids", "Caller-ID numbers (DIDs) the account may call from");
  group->require_subcommand(1);
  auto list = std::make_shared<DidsListOptions>();
  auto* cmd = group->add_subcommand("list", "List the available DIDs: the account's own and shared ones");
  cmd->footer(
      "Their ids go in a program's didPool and in call requests' didId.\n"
      "Exit codes: 0 ok, 2 usage, 3 API error, 4 authentication, 5 network or server unavailable.");
  add_list_flags(cmd, list->list, "Search numbers and descriptions", {"number", "country", "status", "createdAt"});
  std::vector<std::string> statuses(std::begin(api::kDidStatuses), std::end(api::kDidStatuses));
  cmd->add_option("--status", list->status, "Only DIDs in this status: active, inactive or reserved")
      ->check(CLI::IsMember(statuses));
  auto* shared = cmd->add_flag("--shared", list->shared_only, "Only DIDs shared between organisations");
  cmd->add_flag("--own", list->own_only, "Only the account's own DIDs")->excludes(shared);
  cmd->callback([list, &action] { action = [list](Context& c) { return dids_list(c, *list); }; });
  (void)ctx;
}

}  // namespace gomo::cli

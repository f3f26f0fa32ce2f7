// `gomo attributes list|create`: the custom contact fields of the account (Gomobile docs: Custom attributes).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "api/list_all.h"
#include "api/platform.h"
#include "api/validate.h"
#include "api/wire.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/resources.h"
#include "cli/target.h"

namespace gomo::cli {
namespace {

struct AttributesCreateOptions {
  TargetOptions target;
  api::NewCustomAttribute attribute;
  std::string description;
};

int attributes_list(Context& ctx, const ListOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto listed = api::page_or_all<api::CustomAttribute>(
      [&](const api::PageQuery& q) { return opened->platform->list_custom_attributes(q); }, o.query, o.all);
  if (!listed) return report_api_error(ctx, listed.error());
  nlohmann::json records = nlohmann::json::array();
  for (const auto& a : listed->items) records.push_back(api::wire::encode(a));
  print_list(ctx, records, attributes_columns(), listed->meta ? &*listed->meta : nullptr, "attributes");
  return kExitOk;
}

int attributes_create(Context& ctx, const AttributesCreateOptions& o) {
  api::NewCustomAttribute attribute = o.attribute;
  if (!o.description.empty()) attribute.description = o.description;
  // The platform's own rules (and slug), checked before anything is sent: the local platform and
  // `gomo serve` run the same function.
  if (auto refused = api::validate_new_custom_attribute(attribute)) {
    for (const auto& [field, messages] : refused->field_errors)
      for (const auto& message : messages) report_error(ctx, message);
    return kExitUsage;
  }
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kWrite);
  if (!opened) return exit_code;
  auto created = opened->platform->create_custom_attribute(attribute);
  if (!created) return report_api_error(ctx, created.error());
  print_records(ctx, api::wire::encode(*created), attributes_columns());
  print_target_summary(ctx, *opened, "created attribute " + created->name + " (" + created->type + ")");
  return kExitOk;
}

}  // namespace

void add_attributes_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* group = app.add_subcommand("attributes", "Custom contact attributes of the account");
  group->require_subcommand(1);
  const std::string footer =
      "Exit codes: 0 ok, 2 usage, 3 API error (also: an attribute of that name exists), 4 authentication,\n"
      "5 network or server unavailable.";

  auto list = std::make_shared<ListOptions>();
  auto* cmd = group->add_subcommand("list", "List custom attributes (one page, or --all)");
  cmd->footer(footer);
  add_list_flags(cmd, *list, "Search names, display names and descriptions", {"name", "displayName", "createdAt"});
  cmd->callback([list, &action] { action = [list](Context& c) { return attributes_list(c, *list); }; });

  auto create = std::make_shared<AttributesCreateOptions>();
  cmd = group->add_subcommand("create", "Define a custom attribute; its name is a slug of the display name");
  cmd->footer(
      footer +
      "\nExamples: gomo attributes create --name \"Last payment date\" --type date   (name: last_payment_date)\n"
      "          gomo attributes create --name \"Date échéance\" --type date       (name: date_echeance)\n"
      "          gomo attributes create --name \"الرصيد\" --type number             (name: الرصيد)");
  cmd->add_option("--name", create->attribute.display_name, "Display name (3-64 characters)")->required();
  std::vector<std::string> types(std::begin(api::kCustomAttributeTypes), std::end(api::kCustomAttributeTypes));
  cmd->add_option("--type", create->attribute.type, "text, number, boolean, date, phone_number, email or url")
      ->required()
      ->check(CLI::IsMember(types));
  cmd->add_option("--description", create->description, "Description (1-256 characters)");
  add_target_flags(cmd, create->target);
  cmd->callback([create, &action] { action = [create](Context& c) { return attributes_create(c, *create); }; });
  (void)ctx;
}

}  // namespace gomo::cli

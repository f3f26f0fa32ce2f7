// Helpers shared by the contacts, attributes and audiences commands (cli/resources.h).
#include "cli/resources.h"

#include <CLI/CLI.hpp>

#include "base/confirm.h"
#include "contacts/phone.h"
#include "contacts/resolve.h"

namespace gomo::cli {

void add_list_flags(CLI::App* cmd, ListOptions& o, const std::string& search_help, const std::string& sort_fields) {
  add_target_flags(cmd, o.target);
  cmd->add_option("--search", o.query.search, search_help);
  cmd->add_option("--page", o.query.page, "Page number, from 1")->check(CLI::PositiveNumber);
  cmd->add_option("--limit", o.query.limit, "Items per page (1-100)")->check(CLI::Range(1, 100));
  cmd->add_option("--sort-by", o.query.sort_by, sort_fields);
  cmd->add_option("--sort-order", o.query.sort_order, "asc or desc")->check(CLI::IsMember({"asc", "desc"}));
  cmd->add_flag("--all", o.all, "Follow the pages to the end");
}

void print_list(Context& ctx, const std::string& records_json, const std::vector<report::ResourceColumn>& columns,
                const api::PageMeta* meta, const std::string& plural) {
  print_records(ctx, records_json, columns);
  if (meta && !ctx.quiet && meta->has_next_page) {
    ctx.err << "page " << meta->page << " of " << meta->total_pages << " (" << meta->total << " " << plural
            << "); --page N for more, or --all\n";
  }
}

void add_region_flag(CLI::App* cmd, std::string& region) {
  cmd->add_option("--region", region, "Region of phone numbers written without + (ISO 3166 code)")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            for (auto& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return contacts::is_known_region(value) ? "" : "unknown region " + value + " (use a code such as MA or FR)";
          },
          ""))
      ->type_name("REGION");
}

int report_failure(Context& ctx, const contacts::Failure& failure) {
  if (!failure.usage) return report_api_error(ctx, failure.api);
  ctx.err << "gomo: " << failure.message << "\n";
  return kExitUsage;
}

int confirm_destructive(Context& ctx, bool yes, const std::string& question) {
  switch (confirm(ctx.in, ctx.err, ctx.stdin_tty, yes, question)) {
    case Confirmation::kYes: return kExitOk;
    case Confirmation::kRefused:
      ctx.err << "gomo: refusing without confirmation: stdin is not a terminal; add --yes to go ahead\n";
      return kExitUsage;
    case Confirmation::kNo: break;
  }
  ctx.err << "gomo: cancelled; nothing changed\n";
  return kExitUsage;
}

std::string count_of(size_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

std::vector<report::ResourceColumn> contacts_columns() {
  return {{"ID", "id"}, {"PHONE", "primaryPhone"}, {"NAME", "fullName|firstName"}, {"CITY", "city"}};
}

std::vector<report::ResourceColumn> audiences_columns() {
  return {{"ID", "id"}, {"NAME", "name"}, {"CONTACTS", "contactCount"}, {"DESCRIPTION", "description"}};
}

std::vector<report::ResourceColumn> attributes_columns() {
  return {{"ID", "id"}, {"NAME", "name"}, {"TYPE", "type"}, {"DISPLAY NAME", "displayName"},
          {"DESCRIPTION", "description"}};
}

}  // namespace gomo::cli

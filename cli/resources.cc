// Helpers shared by the contacts, attributes and audiences commands (cli/resources.h).
#include "cli/resources.h"

#include <CLI/CLI.hpp>

#include "base/confirm.h"
#include "base/strings.h"
#include "contacts/phone.h"
#include "contacts/resolve.h"

namespace gomo::cli {

void add_list_flags(CLI::App* cmd, ListOptions& o, const std::string& search_help,
                    const std::vector<std::string>& sort_fields) {
  add_target_flags(cmd, o.target);
  cmd->add_option("--search", o.query.search, search_help);
  cmd->add_option("--page", o.query.page, "Page number, from 1")->check(CLI::PositiveNumber);
  cmd->add_option("--limit", o.query.limit, "Items per page (1-100)")->check(CLI::Range(1, 100));
  // Checked here, before any request, with the nearest field for a typo.
  cmd->add_option("--sort-by", o.query.sort_by, "Sort by this field (ascending unless --sort-order desc)")
      ->check(CLI::Validator(
          [sort_fields](std::string& value) -> std::string {
            if (std::find(sort_fields.begin(), sort_fields.end(), value) != sort_fields.end()) return "";
            std::string guess = closest_match(value, sort_fields);
            return "cannot sort by `" + value + "`; expected " + join_words(sort_fields, " or ", "`") +
                   (guess.empty() ? "" : "; did you mean `" + guess + "`?");
          },
          ""))
      ->type_name("{" + join(sort_fields, ",") + "}");  // shown in --help; `gomo completion` offers them
  cmd->add_option("--sort-order", o.query.sort_order,
                  "asc or desc (default asc with --sort-by; without it the platform's order, newest first)")
      ->check(CLI::IsMember({"asc", "desc"}));
  cmd->add_flag("--all", o.all, "Follow the pages to the end");
  // People who name a field to sort by read it A to Z (sort, kubectl --sort-by); the platform's own
  // default direction is desc (Gomobile docs: Pagination), so the order is always sent with --sort-by.
  cmd->parse_complete_callback([&o] {
    if (!o.query.sort_by.empty() && o.query.sort_order.empty()) o.query.sort_order = "asc";
  });
}

void print_list(Context& ctx, const nlohmann::json& records, const std::vector<report::ResourceColumn>& columns,
                const api::PageMeta* meta, const std::string& plural) {
  print_records(ctx, records, columns);
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

int confirm_destructive(Context& ctx, bool yes, const std::string& question) {
  return report_unconfirmed(ctx, confirm(ctx.in, ctx.err, ctx.stdin_tty, yes, question));
}

int report_unconfirmed(Context& ctx, Confirmation answer) {
  switch (answer) {
    case Confirmation::kYes: return kExitOk;
    case Confirmation::kRefused:
      return report_error(ctx, "refusing without confirmation: stdin is not a terminal; add --yes to go ahead");
    case Confirmation::kNo: break;
  }
  return report_error(ctx, "cancelled; nothing changed");
}

std::string count_of(size_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

std::vector<report::ResourceColumn> contacts_columns() {
  return {{"ID", "id"}, {"PHONE", "primaryPhone"}, {"NAME", "fullName|firstName+lastName"}, {"CITY", "city"}};
}

std::vector<report::ResourceColumn> audiences_columns() {
  return {{"ID", "id"}, {"NAME", "name"}, {"CONTACTS", "contactCount"}, {"DESCRIPTION", "description"}};
}

std::vector<report::ResourceColumn> attributes_columns() {
  return {{"ID", "id"},
          {"NAME", "name"},
          {"TYPE", "type"},
          {"DISPLAY NAME", "displayName"},
          {"DESCRIPTION", "description"}};
}

}  // namespace gomo::cli

#pragma once
// What the contacts, attributes and audiences commands share: list flags and printing, --region,
// --yes confirmation. (A contacts::Failure's message and exit code: report_failure, cli/exit_codes.h.)
#include <string>
#include <vector>

#include "api/platform.h"
#include "base/confirm.h"
#include "cli/context.h"
#include "cli/exit_codes.h"
#include "cli/target.h"
#include "report/resources.h"

namespace gomo::cli {

struct ListOptions {
  TargetOptions target;
  api::PageQuery query;
  bool all = false;
};

// --search, --page, --limit, --sort-by (one of `sort_fields`, checked with a "did you mean"),
// --sort-order (asc when --sort-by is given without it) and --all, plus the target flags.
// REQUIRES: `options` outlives `cmd`'s parsing.
void add_list_flags(CLI::App* cmd, ListOptions& options, const std::string& search_help,
                    const std::vector<std::string>& sort_fields);

// Prints records (an array, as for print_records) and, for one page that is not the last, the hint to stderr:
// "page 1 of 3 (45 audiences); --page N for more, or --all". `meta` null: the whole list was printed.
void print_list(Context& ctx, const nlohmann::json& records, const std::vector<report::ResourceColumn>& columns,
                const api::PageMeta* meta, const std::string& plural);

// --region REGION (default MA): the region of phone numbers written without +. Upper-cases the value
// and refuses regions libphonenumber does not know.
void add_region_flag(CLI::App* cmd, std::string& region);

// The --yes rule: kExitOk to go ahead; else prints why and returns 2 (no terminal and no --yes, or
// the user did not answer y). `question` is e.g. "Delete 3 contacts from local workspace .gomo/workspace.db?".
int confirm_destructive(Context& ctx, bool yes, const std::string& question);
// What confirm_destructive says when the answer was not yes: prints why nothing was done and returns 2
// (kExitOk for kYes), for commands whose lib/ call asked (base/confirm.h).
int report_unconfirmed(Context& ctx, Confirmation answer);

// "1 contact", "3 contacts".
std::string count_of(size_t n, const std::string& singular, const std::string& plural);

std::vector<report::ResourceColumn> contacts_columns();
std::vector<report::ResourceColumn> audiences_columns();
std::vector<report::ResourceColumn> attributes_columns();

}  // namespace gomo::cli

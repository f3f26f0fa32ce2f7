// `gomo contacts upsert FILE.csv`: a CSV file into the platform's contacts (contacts/upsert.h does
// the work; this file parses flags, prints progress and the summary, and picks the exit code).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>

#include "cli/commands.h"
#include "cli/contacts_upsert_summary.h"
#include "cli/context.h"
#include "cli/target.h"
#include "contacts/phone.h"
#include "contacts/upsert.h"
#include "profile/resolve.h"
#include "report/progress.h"

namespace gomo::cli {
namespace {

struct ContactsUpsertOptions {
  TargetOptions target;
  contacts::UpsertRequest request;
  std::string delimiter;                     // "," ";" "tab" or "" (detect)
  std::vector<std::string> maps;             // --map FIELD=COLUMN
  std::string attributes = "none";           // auto|none|COL,COL
  bool attributes_given = false;             // --attributes was on the command line (it then wins over --mapping's)
  std::string mapping_file;                  // --mapping FILE
  std::vector<std::string> attribute_types;  // --attribute-type COLUMN=TYPE
  std::string on_duplicate = "last";
  std::string max_rejects;  // N or P%
  int concurrency = 1;
  std::string default_region;  // --default-region; "": the profile's defaultRegion, else MA
  std::string allow_types;     // --allow-types; "": the profile's allowTypes, else PhoneTypes::callable()
};

// The progress line on a terminal (report/progress.h says what it shows and when it is redrawn).
class UpsertProgress : public contacts::UpsertObserver {
 public:
  explicit UpsertProgress(std::ostream& err) : err_(err), line_(upsert_now_s()) {}
  ~UpsertProgress() override {
    if (line_.drawn()) err_ << "\r\033[K" << std::flush;
  }
  void on_progress(int pass, size_t rows, size_t total) override {
    auto text = line_.update(pass == 1 ? "checking" : "sending", rows, total, upsert_now_s(), upsert_stderr_width());
    if (text) err_ << "\r\033[K" << *text << std::flush;
  }

 private:
  static double upsert_now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
  // The terminal's width less one column, so that the line never reaches the last column and wraps.
  static size_t upsert_stderr_width() { return static_cast<size_t>(std::max(terminal_width(STDERR_FILENO), 2) - 1); }

  std::ostream& err_;
  report::ProgressLine line_;
};

// $XDG_STATE_HOME/gomo/upsert-journals, else ~/.local/state/gomo/upsert-journals ("" without HOME).
std::string upsert_journal_dir() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state && *state == '/') return std::string(state) + "/gomo/upsert-journals";
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.local/state/gomo/upsert-journals" : "";
}

int contacts_upsert(Context& ctx, ContactsUpsertOptions& o) {
  auto& r = o.request;
  if (o.delimiter == "tab" || o.delimiter == "\\t") {
    r.delimiter = '\t';
  } else if (o.delimiter.size() == 1) {
    r.delimiter = o.delimiter[0];
  } else if (!o.delimiter.empty()) {
    return report_error(ctx, "--delimiter " + o.delimiter + ": use one character, or tab");
  }
  // A mapping file first, then --map (a later override of a field wins) and --attributes when given.
  if (!o.mapping_file.empty()) {
    auto loaded = contacts::load_mapping_file(o.mapping_file);
    if (!loaded) return report_error(ctx, loaded.error());
    r.mapping = std::move(*loaded);
  }
  for (const auto& m : o.maps)
    if (Status s = contacts::add_override(r.mapping, m); !s)
      return report_error(ctx, "--map " + m + ": " + s.message());
  for (const auto& t : o.attribute_types) {
    auto eq = t.rfind('=');
    if (eq == std::string::npos || eq == 0)
      return report_error(ctx, "--attribute-type " + t + ": use COLUMN=TYPE (--attribute-type Solde=number)");
    r.attribute_types[t.substr(0, eq)] = t.substr(eq + 1);
  }
  if (o.mapping_file.empty() || o.attributes_given) {
    auto choice = contacts::parse_attribute_choice(o.attributes);
    if (!choice) return report_error(ctx, "--attributes " + o.attributes + ": " + choice.error().message());
    r.mapping.attributes = std::move(*choice);
  }
  static const std::map<std::string, contacts::OnDuplicate> kOnDuplicate = {{"last", contacts::OnDuplicate::kLast},
                                                                            {"first", contacts::OnDuplicate::kFirst},
                                                                            {"merge", contacts::OnDuplicate::kMerge},
                                                                            {"reject", contacts::OnDuplicate::kReject}};
  r.on_duplicate = kOnDuplicate.at(o.on_duplicate);
  if (!o.max_rejects.empty() && !contacts::parse_max_rejects(o.max_rejects, r)) {
    return report_error(ctx, "--max-rejects " + o.max_rejects + ": use a count (100) or a percentage (2%)");
  }
  if (!o.allow_types.empty()) {
    auto types = contacts::parse_phone_types(o.allow_types);
    if (!types) return report_error(ctx, "--allow-types " + o.allow_types + ": " + types.error().message());
    r.allowed_types = *types;
  }
  r.stdin_input = &ctx.in;
  r.journal_dir = upsert_journal_dir();
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, r.dry_run ? TargetAccess::kRead : TargetAccess::kWrite);
  if (!opened) return exit_code;
  if (!o.default_region.empty()) {
    r.default_region = o.default_region;
  } else if (!opened->resolved->default_region.empty()) {
    const auto& resolved = *opened->resolved;
    r.default_region = resolved.default_region;
    for (auto& c : r.default_region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!contacts::is_known_region(r.default_region))
      return report_error(ctx, "defaultRegion " + resolved.default_region + " of " +
                                   profile::describe(resolved.default_region_from) +
                                   " is not a known region: use a code such as MA or FR (gomo config set "
                                   "defaultRegion MA), or pass --default-region");
  }
  if (o.allow_types.empty() && !opened->resolved->allow_types.empty()) {
    const auto& resolved = *opened->resolved;
    auto types = contacts::parse_phone_types(resolved.allow_types);
    if (!types)
      return report_error(ctx, "allowTypes " + resolved.allow_types + " of " +
                                   profile::describe(resolved.allow_types_from) + ": " + types.error().message() +
                                   " (gomo config set allowTypes mobile,fixed_line), or pass --allow-types");
    r.allowed_types = *types;
  }
  r.concurrency = static_cast<unsigned>(o.concurrency);
  r.open_sender = remote_connections(ctx, *opened, 1.0 / o.concurrency);
  if (o.concurrency > 1 && !r.open_sender && !ctx.quiet) {
    report_note(ctx, "--concurrency " + std::to_string(o.concurrency) +
                         " has no effect on a local workspace (one SQLite writer): batches go one at a time");
  }
  std::optional<UpsertProgress> progress;
  if (ctx.stderr_tty && !ctx.quiet) progress.emplace(ctx.err);
  auto result = contacts::upsert_csv(*opened->platform, r, progress ? &*progress : nullptr);
  progress.reset();
  if (!result) {
    const auto& failure = result.error();
    if (failure.kind == contacts::UpsertFailure::Kind::kApi) {
      int code = report_api_error(ctx, failure.api);
      std::string stopped = "stopped after " + std::to_string(failure.partial.rows_read) + " rows (" +
                            std::to_string(failure.partial.sent) + " sent)";
      if (!failure.partial.journal_path.empty()) {
        stopped += "; run the same command again (or with --resume) to continue from the journal " +
                   failure.partial.journal_path;
      }
      report_note(ctx, stopped);
      return code;
    }
    return report_error(ctx, failure.message);
  }
  if (result->resumed_batches && !ctx.quiet) {
    report_note(ctx, "continued an earlier run of this file: " + std::to_string(result->resumed_batches) +
                         " batches it had sent were not sent again");
  }
  print_upsert_summary(ctx, *result, r.rejects_path);
  if (result->over_max_rejects) {
    return report_error(ctx,
                        std::to_string(result->rejected) + " rows rejected, more than --max-rejects allows" +
                            (o.max_rejects.empty() ? " (0 by default; pass --max-rejects N or P%)" : ""),
                        kExitFindings);
  }
  return kExitOk;
}

}  // namespace

void add_contacts_upsert_command(CLI::App& contacts, Context&, Action& action) {
  auto o = std::make_shared<ContactsUpsertOptions>();
  auto* cmd = contacts.add_subcommand("upsert", "Create or update contacts from a CSV file (matched by phone)");
  cmd->footer(
      "The summary counts rows read, valid, sent (created, updated, unchanged: fields already as sent; the real "
      "platform counts those as updated), duplicates and rejected. --dry-run reads the target's contacts to say "
      "what would be created, updated or unchanged (unknown, with the reason, when it cannot read them).\n"
      "Exit codes: 0 ok, 1 more rejected rows than --max-rejects, 2 usage or a file that is not CSV, 3 API error, "
      "4 authentication, 5 network or server unavailable.");
  cmd->add_option("file", o->request.path, "The CSV file (\"-\" reads stdin)")->required();
  cmd->add_option("--delimiter", o->delimiter, "Field separator: , ; or tab (default: detected from the header)");
  cmd->add_option("--map", o->maps, "FIELD=COLUMN: the column of a contact field (repeatable)");
  cmd->add_option("--mapping", o->mapping_file,
                  "A mapping file (YAML or JSON: map: {FIELD: COLUMN}, attributes: auto|none|[COLUMN]); --map and "
                  "--attributes override it")
      ->type_name("FILE");
  cmd->add_option("--attributes", o->attributes,
                  "Other columns as custom attributes: none, auto (all) or a comma-separated list of columns")
      ->capture_default_str()
      ->each([o](const std::string&) { o->attributes_given = true; });
  cmd->add_flag(
      "--create-attributes", o->request.create_attributes,
      "Create missing custom attributes, typed as --attribute-type says, else inferred from the column's values");
  cmd->add_option("--attribute-type", o->attribute_types,
                  "COLUMN=TYPE: the type of an attribute --create-attributes creates (text, number, boolean, date, "
                  "phone_number, email, url; repeatable)")
      ->type_name("COLUMN=TYPE");
  cmd->add_option("--default-region", o->default_region,
                  "Region of phone numbers written without + or 00 (ISO 3166 code; default: the profile's "
                  "defaultRegion, else MA)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            for (auto& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return contacts::is_known_region(value) ? "" : "unknown region " + value + " (use a code such as MA or FR)";
          },
          ""));
  cmd->add_option(
         "--allow-types", o->allow_types,
         "Phone types to accept, comma-separated (mobile, fixed_line, fixed_line_or_mobile, voip, toll_free, "
         "premium_rate, shared_cost, personal_number, pager, uan, voicemail, or all; default: the profile's "
         "allowTypes, else mobile,fixed_line,fixed_line_or_mobile,voip); valid numbers of other types are rejected as "
         "not_callable")
      ->type_name("LIST");
  cmd->add_option("--on-duplicate", o->on_duplicate,
                  "Rows with the same phone: the last, the first, merged, or all rejected")
      ->check(CLI::IsMember({"last", "first", "merge", "reject"}))
      ->capture_default_str();
  cmd->add_option("--batch-size", o->request.batch_size, "Contacts per request (1-1000)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--concurrency", o->concurrency,
                  "Batches in flight at once, each on its own connection (1-16; the rate limit is shared; a "
                  "local workspace takes one at a time)")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  cmd->add_option("--audience", o->request.audience, "Add the upserted contacts to this audience (id or name)");
  cmd->add_flag("--create-audience", o->request.create_audience, "Create the --audience (by name) when missing");
  cmd->add_flag("--dry-run", o->request.dry_run,
                "Check everything and send nothing; count what would be created, updated or left unchanged");
  cmd->add_option("--rejects", o->request.rejects_path,
                  "Write every rejected row (as read, plus gomo_row, gomo_column, gomo_reason, gomo_message) here");
  cmd->add_option("--max-rejects", o->max_rejects, "Fail (exit 1) above this many rejected rows: N or P% (default 0)");
  cmd->add_flag("--resume", o->request.resume,
                "Continue an interrupted run (also automatic when the same file and target are given again)");
  add_target_flags(cmd, o->target);
  cmd->callback([o, &action] { action = [o](Context& c) { return contacts_upsert(c, *o); }; });
}

}  // namespace gomo::cli

// `gomo contacts create|update|delete`: fields from flags or a JSON/YAML body (-f), contacts named by
// id or phone, deletions confirmed (--yes).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "api/platform.h"
#include "api/wire.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/resources.h"
#include "cli/target.h"
#include "contacts/contact_input.h"
#include "contacts/resolve.h"

namespace gomo::cli {
namespace {

struct ContactsEditOptions {
  TargetOptions target;
  std::string contact;                        // update: the contact to change
  std::string file;                           // -f: a JSON/YAML body, "-" for stdin
  std::map<std::string, std::string> fields;  // API field name -> flag value
  std::vector<std::string> attributes;        // --attr NAME=VALUE
  std::string region = "MA";
};

struct ContactsDeleteOptions {
  TargetOptions target;
  std::vector<std::string> contacts;
  std::string region = "MA";
  bool yes = false;
};

// The fields to send, from -f and the flags; nullopt after printing why (exit 2).
std::optional<contacts::ContactDraft> contacts_read_draft(Context& ctx, const ContactsEditOptions& o) {
  contacts::ContactInput input;
  if (!o.file.empty()) {
    auto text = contacts::read_input(o.file, ctx.in);
    if (!text) {
      report_error(ctx, text.error());
      return std::nullopt;
    }
    input.body_text = std::move(*text);
    input.body_name = o.file == "-" ? "<stdin>" : o.file;
    if (input.body_text.find_first_not_of(" \t\r\n") == std::string::npos) {
      report_error(ctx, input.body_name + " is empty");
      return std::nullopt;
    }
  }
  input.fields = o.fields;
  input.attributes = o.attributes;
  input.region = o.region;
  auto draft = contacts::contact_draft(input);
  if (!draft) {
    report_error(ctx, draft.error());
    return std::nullopt;
  }
  return std::move(*draft);
}

// Custom attribute values checked and typed against the account's attributes (one listing, only
// when the contact has some). kExitOk, or the exit code after printing why.
int contacts_fit_attributes(Context& ctx, api::Platform& platform, contacts::ContactDraft& draft,
                            const std::string& region) {
  if (draft.fields.custom_attributes.empty()) return kExitOk;
  auto catalog = contacts::list_all_custom_attributes(platform, {});
  if (!catalog) return report_api_error(ctx, catalog.error());
  if (auto s = contacts::fit_attribute_types(draft, *catalog, region); !s) return report_error(ctx, s);
  return kExitOk;
}

int contacts_create(Context& ctx, const ContactsEditOptions& o) {
  auto draft = contacts_read_draft(ctx, o);
  if (!draft) return kExitUsage;
  if (!draft->fields.primary_phone)
    return report_error(ctx, "a contact needs a phone number: --phone, or primaryPhone in -f FILE");
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kWrite);
  if (!opened) return exit_code;
  if (int fit = contacts_fit_attributes(ctx, *opened->platform, *draft, o.region)) return fit;
  auto created = opened->platform->create_contact(draft->fields);
  if (!created) {
    int code = report_api_error(ctx, created.error());
    if (created.error().http_status == 409) {
      ctx.err << "hint: change it with gomo contacts update " << *draft->fields.primary_phone << " ...\n";
    }
    return code;
  }
  print_records(ctx, api::wire::encode(*created), contacts_columns());
  print_target_summary(ctx, *opened, "created contact " + created->id + " " + *created->fields.primary_phone);
  return kExitOk;
}

int contacts_update(Context& ctx, const ContactsEditOptions& o) {
  auto draft = contacts_read_draft(ctx, o);
  if (!draft) return kExitUsage;
  if (contacts::is_empty(draft->fields))
    return report_error(ctx,
                        "nothing to update: give fields as flags (--first-name, --attr NAME=VALUE, ...) or -f FILE");
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kExisting);
  if (!opened) return exit_code;
  auto contact = contacts::find_contact(*opened->platform, o.contact, o.region);
  if (!contact) return report_failure(ctx, contact.error());
  if (int fit = contacts_fit_attributes(ctx, *opened->platform, *draft, o.region)) return fit;
  auto updated = opened->platform->update_contact(contact->id, draft->fields);
  if (!updated) return report_api_error(ctx, updated.error());
  print_records(ctx, api::wire::encode(*updated), contacts_columns());
  print_target_summary(ctx, *opened, "updated contact " + updated->id + " " + *updated->fields.primary_phone);
  return kExitOk;
}

int contacts_delete(Context& ctx, const ContactsDeleteOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kExisting);
  if (!opened) return exit_code;
  // Every contact is found before anything is deleted, so a typo deletes nothing.
  std::vector<api::Contact> doomed;
  for (const auto& arg : o.contacts) {
    auto contact = contacts::find_contact(*opened->platform, arg, o.region);
    if (!contact) return report_failure(ctx, contact.error());
    bool seen = false;
    for (const auto& d : doomed) seen = seen || d.id == contact->id;
    if (!seen) doomed.push_back(std::move(*contact));
  }
  const std::string what = count_of(doomed.size(), "contact", "contacts");
  if (int c = confirm_destructive(ctx, o.yes, "Delete " + what + " from " + opened->summary + "?")) return c;
  size_t deleted = 0;
  for (const auto& c : doomed) {
    auto done = opened->platform->delete_contact(c.id);
    if (!done) {
      int code = report_api_error(ctx, done.error());
      return report_error(
          ctx, "deleted " + std::to_string(deleted) + " of " + std::to_string(doomed.size()) + " before that", code);
    }
    ++deleted;
    if (ctx.verbose) ctx.err << "deleted contact " << c.id << " " << c.fields.primary_phone.value_or("") << "\n";
  }
  print_target_summary(ctx, *opened, "deleted " + what);
  return kExitOk;
}

void contacts_add_field_flags(CLI::App* cmd, ContactsEditOptions& o) {
  for (const auto& f : contacts::contact_flags()) {
    const std::string field = f.field;
    auto* opt = cmd->add_option(f.flag, f.help)
                    ->each([&o, field](const std::string& v) { o.fields[field] = v; })
                    ->type_name(field == "primaryPhone" ? "PHONE" : "TEXT");
    if (field == "gender") opt->check(CLI::IsMember({"male", "female"}));
  }
  cmd->add_option("--attr", o.attributes,
                  "Custom attribute NAME=VALUE (repeatable); typed by the attribute (number, boolean, ...)")
      ->type_name("NAME=VALUE");
  cmd->add_option("-f,--file", o.file, "Contact fields as a JSON or YAML object (API field names); - for stdin")
      ->type_name("FILE");
  add_region_flag(cmd, o.region);
  add_target_flags(cmd, o.target);
}

}  // namespace

void add_contacts_edit_commands(CLI::App& group, Context& ctx, Action& action) {
  const std::string footer =
      "Exit codes: 0 ok, 2 usage or unreadable input, 3 API error (also: not found, duplicate phone),\n"
      "4 authentication, 5 network or server unavailable.";
  auto create = std::make_shared<ContactsEditOptions>();
  auto* cmd = group.add_subcommand("create", "Create a contact (--phone and other fields, or -f FILE)");
  cmd->footer(footer);
  contacts_add_field_flags(cmd, *create);
  cmd->callback([create, &action] { action = [create](Context& c) { return contacts_create(c, *create); }; });

  auto update = std::make_shared<ContactsEditOptions>();
  cmd = group.add_subcommand("update", "Change fields of a contact, by id or phone; other fields keep their value");
  cmd->footer(footer);
  cmd->add_option("contact", update->contact, "Contact id or phone number")->required();
  contacts_add_field_flags(cmd, *update);
  cmd->callback([update, &action] { action = [update](Context& c) { return contacts_update(c, *update); }; });

  auto del = std::make_shared<ContactsDeleteOptions>();
  cmd = group.add_subcommand("delete", "Delete contacts, by id or phone (asks first; --yes when not on a terminal)");
  cmd->footer(footer);
  cmd->add_option("contacts", del->contacts, "Contact ids or phone numbers")->required();
  cmd->add_flag("-y,--yes", del->yes, "Delete without asking (required when stdin is not a terminal)");
  add_region_flag(cmd, del->region);
  add_target_flags(cmd, del->target);
  cmd->callback([del, &action] { action = [del](Context& c) { return contacts_delete(c, *del); }; });
  (void)ctx;
}

}  // namespace gomo::cli

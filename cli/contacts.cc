// `gomo contacts list`: contacts of the local workspace or of a platform reached over HTTP(S).
// Until profiles exist (gomo config), the target is chosen by flags: --base-url for a remote
// platform (key from the variable --api-key-env names), else the local workspace.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "api/remote_platform.h"
#include "api/wire.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "store/workspace.h"

namespace gomo::cli {
namespace {

struct ContactsTargetOptions {
  std::string base_url;                   // empty: the local workspace
  std::string api_key_env = "GOMO_API_KEY";
  bool bearer = false;
  bool insecure = false;
  double rate_limit = 10;
  std::string workspace = store::kDefaultWorkspacePath;
};

struct ContactsListOptions {
  ContactsTargetOptions target;
  api::PageQuery query;
  bool all = false;
};

// The platform and, for the local workspace, the Workspace it lives in (kept alive alongside).
struct ContactsOpened {
  std::unique_ptr<store::Workspace> workspace;
  std::unique_ptr<api::Platform> platform;
};

int contacts_exit_code(const api::ApiError& e) {
  if (e.is_auth()) return kExitAuth;
  if (e.is_unavailable()) return kExitNetwork;
  return kExitApiError;
}

int contacts_report(Context& ctx, const api::ApiError& e) {
  ctx.err << "gomo: ";
  if (e.http_status) ctx.err << "API error " << e.http_status << " ";
  ctx.err << e.code << ": " << e.message << "\n";
  for (const auto& [field, messages] : e.field_errors) {
    for (const auto& m : messages) ctx.err << "  " << field << ": " << m << "\n";
  }
  return contacts_exit_code(e);
}

// Opens the target; on failure prints why and sets `exit_code`.
std::optional<ContactsOpened> contacts_open(Context& ctx, const ContactsTargetOptions& o, int& exit_code) {
  const char* key_value = std::getenv(o.api_key_env.c_str());
  std::string key = key_value ? key_value : "";
  ContactsOpened opened;
  if (!o.base_url.empty()) {
    if (key.empty()) {
      ctx.err << "gomo: no API key: set " << o.api_key_env << " (or name another variable with --api-key-env)\n";
      exit_code = kExitAuth;
      return std::nullopt;
    }
    api::ClientOptions client;
    client.base_url = o.base_url;
    client.api_key = key;
    client.bearer = o.bearer;
    client.insecure = o.insecure;
    client.rate_limit = o.rate_limit;
    auto remote = api::RemotePlatform::create(client);
    if (!remote) {
      ctx.err << "gomo: " << remote.error().message << "\n";
      exit_code = kExitUsage;
      return std::nullopt;
    }
    opened.platform = std::move(*remote);
    return opened;
  }
  auto ws = store::Workspace::open(o.workspace);
  if (!ws) {
    ctx.err << "gomo: " << ws.error().message() << "\n";
    exit_code = kExitUsage;
    return std::nullopt;
  }
  // The local workspace answers as the key's organisation, or as its only organisation.
  std::optional<api::Organization> org;
  if (!key.empty()) {
    org = (*ws)->organization_for_key(key);
    if (!org) {
      ctx.err << "gomo: the key in " << o.api_key_env << " belongs to no organisation of " << o.workspace << "\n";
      exit_code = kExitAuth;
      return std::nullopt;
    }
  } else {
    auto orgs = (*ws)->organizations();
    if (orgs.size() != 1) {
      ctx.err << "gomo: " << o.workspace << " has " << orgs.size() << " organisations; say which with the key in "
              << o.api_key_env << (orgs.empty() ? " (create one: gomo serve --init)" : "") << "\n";
      exit_code = kExitAuth;
      return std::nullopt;
    }
    org = orgs[0];
  }
  opened.workspace = std::move(*ws);
  opened.platform = opened.workspace->platform_for(org->id);
  return opened;
}

void contacts_add_target_flags(CLI::App* cmd, ContactsTargetOptions& o) {
  cmd->add_option("--base-url", o.base_url, "Platform API base URL (e.g. https://api.gomobile.ma/api); default: the local workspace");
  cmd->add_option("--api-key-env", o.api_key_env, "Environment variable holding the API key")->capture_default_str();
  cmd->add_flag("--bearer", o.bearer, "Send the key as Authorization: Bearer instead of x-api-key");
  cmd->add_flag("--insecure", o.insecure, "Skip TLS verification and allow plain http to non-loopback hosts");
  cmd->add_option("--rate-limit", o.rate_limit, "Client-side limit in requests per second (0: none)")->capture_default_str();
  cmd->add_option("--workspace", o.workspace, "The local workspace database")->capture_default_str();
}

int contacts_list(Context& ctx, const ContactsListOptions& o) {
  int exit_code = kExitOk;
  auto opened = contacts_open(ctx, o.target, exit_code);
  if (!opened) return exit_code;
  std::vector<api::Contact> contacts;
  api::PageMeta meta;
  if (o.all) {
    auto all = api::list_all_contacts(*opened->platform, o.query);
    if (!all) return contacts_report(ctx, all.error());
    contacts = std::move(*all);
  } else {
    auto page = opened->platform->list_contacts(o.query);
    if (!page) return contacts_report(ctx, page.error());
    contacts = std::move(page->data);
    meta = page->meta;
  }
  if (ctx.output == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : contacts) out.push_back(api::wire::encode(c));
    ctx.out << out.dump(2) << "\n";
  } else {
    ctx.out << "ID\tPHONE\tNAME\tCITY\n";
    for (const auto& c : contacts) {
      const auto& f = c.fields;
      std::string name = f.full_name ? *f.full_name
                                     : f.first_name.value_or("") + (f.first_name && f.last_name ? " " : "") +
                                           f.last_name.value_or("");
      ctx.out << c.id << "\t" << f.primary_phone.value_or("") << "\t" << name << "\t" << f.city.value_or("") << "\n";
    }
  }
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
  contacts_add_target_flags(cmd, list->target);
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

// Opening the target of a platform command (cli/target.h).
#include "cli/target.h"

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "api/remote_platform.h"
#include "report/resources.h"
#include "store/workspace.h"

namespace gomo::cli {

OpenedTarget::OpenedTarget() = default;
OpenedTarget::OpenedTarget(OpenedTarget&&) noexcept = default;
OpenedTarget::~OpenedTarget() = default;

int exit_code_for(const api::ApiError& e) {
  if (e.is_auth()) return kExitAuth;
  if (e.is_unavailable()) return kExitNetwork;
  return kExitApiError;
}

int report_api_error(Context& ctx, const api::ApiError& e) {
  ctx.err << "gomo: ";
  if (e.http_status) ctx.err << "API error " << e.http_status << " ";
  ctx.err << e.code << ": " << e.message << "\n";
  for (const auto& [field, messages] : e.field_errors) {
    for (const auto& m : messages) ctx.err << "  " << field << ": " << m << "\n";
  }
  return exit_code_for(e);
}

// Opens the target; on failure prints why and sets `exit_code`.
std::optional<OpenedTarget> open_target(Context& ctx, const TargetOptions& o, int& exit_code) {
  const char* key_value = std::getenv(o.api_key_env.c_str());
  std::string key = key_value ? key_value : "";
  OpenedTarget opened;
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
  const std::string workspace = o.workspace.empty() ? store::kDefaultWorkspacePath : o.workspace;
  auto ws = store::Workspace::open(workspace);
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
      ctx.err << "gomo: the key in " << o.api_key_env << " belongs to no organisation of " << workspace << "\n";
      exit_code = kExitAuth;
      return std::nullopt;
    }
  } else {
    auto orgs = (*ws)->organizations();
    if (orgs.size() != 1) {
      ctx.err << "gomo: " << workspace << " has " << orgs.size() << " organisations; say which with the key in "
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

void add_target_flags(CLI::App* cmd, TargetOptions& o) {
  cmd->add_option("--base-url", o.base_url, "Platform API base URL (e.g. https://api.gomobile.ma/api); default: the local workspace");
  cmd->add_option("--api-key-env", o.api_key_env, "Environment variable holding the API key")->capture_default_str();
  cmd->add_flag("--bearer", o.bearer, "Send the key as Authorization: Bearer instead of x-api-key");
  cmd->add_flag("--insecure", o.insecure, "Skip TLS verification and allow plain http to non-loopback hosts");
  cmd->add_option("--rate-limit", o.rate_limit, "Client-side limit in requests per second (0: none)")->capture_default_str();
  cmd->add_option("--workspace", o.workspace, std::string("The local workspace database (default ") + store::kDefaultWorkspacePath + ")");
}

void print_records(Context& ctx, const std::string& records_json, const std::vector<report::ResourceColumn>& columns) {
  report::ResourcePrintOptions options;
  options.format = ctx.output == "text" ? "table" : ctx.output;
  options.tty = ctx.stdout_tty;
  options.ids_only = ctx.quiet;
  if (!report::print_resources(ctx.out, records_json, columns, options)) ctx.err << "gomo: internal error: records are not JSON\n";
}

}  // namespace gomo::cli

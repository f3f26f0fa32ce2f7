// Opening the target of a platform command (cli/target.h); the logic is in lib/profile.
#include "cli/target.h"

#include <CLI/CLI.hpp>
#include <mutex>
#include <sstream>

#include "api/platform.h"
#include "base/time.h"
#include "local/workspace.h"
#include "profile/open.h"
#include "profile/resolve.h"
#include "remote/remote_platform.h"
#include "report/resources.h"

namespace gomo::cli {

OpenedTarget::OpenedTarget() = default;
OpenedTarget::OpenedTarget(OpenedTarget&&) noexcept = default;
OpenedTarget::~OpenedTarget() = default;

// exit_code_for and report_api_error (declared in target.h too) are in cli/exit_codes.cc.

std::unique_ptr<profile::ResolvedTarget> resolve_target(Context& ctx, const TargetOptions& o, int& exit_code) {
  auto env = profile::process_env();
  auto config = profile::load_config(env);  // none without HOME: the defaults and the environment apply
  if (!config) {
    exit_code = report_error(ctx, config.error().message());
    return nullptr;
  }
  profile::TargetFlags flags;
  flags.profile = o.profile;
  flags.base_url = o.base_url;
  flags.workspace = o.workspace;
  flags.api_key_env = o.api_key_env;
  flags.bearer = o.bearer;
  flags.insecure = o.insecure;
  if (o.rate_limit_given) flags.rate_limit = o.rate_limit;
  if (!o.timeout.empty()) {
    flags.timeout_ms = parse_duration_ms(o.timeout);
    if (!flags.timeout_ms) {
      exit_code =
          report_error(ctx, "--timeout " + o.timeout +
                                ": expected a duration such as 30s, 500ms or 2m, or a number of seconds (0: none)");
      return nullptr;
    }
  }
  auto resolved = profile::resolve_target(flags, env, *config);
  if (!resolved) {
    exit_code = report_error(ctx, resolved.error().message());
    return nullptr;
  }
  return std::make_unique<profile::ResolvedTarget>(std::move(*resolved));
}

std::optional<OpenedTarget> open_target(Context& ctx, const TargetOptions& o, int& exit_code, TargetAccess access) {
  if (access == TargetAccess::kLookup) {
    // A read whose errors and notes go to a stream nobody reads; the target it opened is the command's.
    std::ostringstream unread;
    Context silent{ctx.out, unread, ctx.in, false, false, false, ctx.output, ctx.color,
                   true,    false,  {},     {},    {},    {},    {}};
    auto opened = open_target(silent, o, exit_code, TargetAccess::kRead);
    if (opened) {
      ctx.auth_note = silent.auth_note;
      ctx.target = silent.target;
      ctx.key_to_mask = silent.key_to_mask;
    }
    return opened;
  }
  auto resolved = resolve_target(ctx, o, exit_code);
  if (!resolved) return std::nullopt;
  if (ctx.verbose) {
    report_note(ctx, "target " + resolved->summary() + " (profile " + resolved->profile + ", " +
                         profile::describe(resolved->profile_from) + "); key " +
                         (resolved->api_key.empty() ? "none" : profile::mask_key(resolved->api_key)) + " from " +
                         profile::describe(resolved->api_key_from));
  }
  ctx.auth_note = profile::key_override_note(*resolved);
  ctx.target = resolved->where();  // before opening: a refused key names the target too
  ctx.key_to_mask = resolved->api_key;
  auto opened = profile::open_platform(
      *resolved, access == TargetAccess::kWrite ? profile::Access::kWrite : profile::Access::kRead);
  if (!opened) {
    exit_code = report_error(ctx, opened.error().message,
                             opened.error().kind == profile::OpenFailure::Kind::kAuth ? kExitAuth : kExitUsage);
    return std::nullopt;
  }
  auto& platform = *opened;
  // An empty read says why even with -q (like kubectl's "No resources found"); a creation is a summary.
  if (!platform.note.empty() && (platform.empty || !ctx.quiet)) report_note(ctx, platform.note);
  // A read names its target for a person at a terminal only; the note above already named a missing workspace.
  if (access == TargetAccess::kRead && ctx.stderr_tty && !ctx.quiet && !ctx.verbose && !o.prints_target &&
      platform.note.empty()) {
    report_note(ctx, "reading " + resolved->summary());
  }
  OpenedTarget target;
  target.empty = platform.empty;
  target.platform = std::move(platform.platform);
  target.summary = resolved->summary();
  if (auto* remote = dynamic_cast<remote::RemotePlatform*>(target.platform.get()); remote && ctx.verbose) {
    remote->http().on_retry([&ctx](const remote::RetryNotice& n) { report_note(ctx, remote::describe_retry(n)); });
  }
  target.resolved = std::move(resolved);
  return target;
}

std::function<Result<std::unique_ptr<api::Platform>>()> remote_connections(Context& ctx, const OpenedTarget& target,
                                                                           double rate_share) {
  if (!target.resolved || !target.resolved->remote) return nullptr;
  return [&ctx, &target, rate_share]() -> Result<std::unique_ptr<api::Platform>> {
    profile::ResolvedTarget share = *target.resolved;
    share.rate_limit *= rate_share;  // <= 0 (none) stays none
    auto opened = profile::open_platform(share, profile::Access::kWrite);
    if (!opened) return Status::invalid_argument(opened.error().message);
    if (auto* remote = dynamic_cast<remote::RemotePlatform*>(opened->platform.get()); remote && ctx.verbose) {
      remote->http().on_retry([&ctx](const remote::RetryNotice& n) {
        static std::mutex one_line_at_a_time;
        std::lock_guard<std::mutex> lock(one_line_at_a_time);
        report_note(ctx, remote::describe_retry(n));
      });
    }
    return std::move(opened->platform);
  };
}

void print_target_summary(Context& ctx, const OpenedTarget& target, const std::string& what) {
  if (ctx.quiet) return;
  ctx.err << what << " \xE2\x86\x92 " << target.summary << "\n";
}

void add_target_flags(CLI::App* cmd, TargetOptions& o) {
  cmd->add_option("--profile", o.profile,
                  "Profile of the config file to use (gomo config list); default: GOMO_PROFILE, else the current one");
  cmd->add_option("--base-url", o.base_url,
                  "Platform API base URL (e.g. https://api.gomobile.ma/api); default: from the profile");
  cmd->add_option("--api-key-env", o.api_key_env, "Environment variable holding the API key")->capture_default_str();
  cmd->add_flag("--bearer", o.bearer, "Send the key as Authorization: Bearer instead of x-api-key");
  cmd->add_flag("--insecure", o.insecure, "Skip TLS verification and allow plain http to non-loopback hosts");
  cmd->add_option("--rate-limit", o.rate_limit, "Client-side limit in requests per second (0: none)")
      ->capture_default_str()
      ->each([&o](const std::string&) { o.rate_limit_given = true; });
  cmd->add_option("--timeout", o.timeout,
                  "Give up on a request after this long, retries included (30s, 500ms, 2m; 0: never); default 60s");
  cmd->add_option("--workspace", o.workspace,
                  std::string("The local workspace database (default ") + local::kDefaultWorkspacePath + ")");
}

void print_records(Context& ctx, const nlohmann::json& records, const std::vector<report::ResourceColumn>& columns) {
  report::ResourcePrintOptions options;
  options.format = ctx.output == "text" ? "table" : ctx.output;
  options.tty = ctx.stdout_tty;
  options.ids_only = ctx.quiet;
  report::print_resources(ctx.out, records, columns, options);
}

}  // namespace gomo::cli

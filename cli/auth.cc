// `gomo config init` (a profile for a platform, its key checked with users/me) and `gomo auth status`.
// Keys are typed without echo or read from stdin, never taken as arguments, and only shown masked.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <variant>

#include "api/platform.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/target.h"
#include "profile/open.h"
#include "profile/prompt.h"
#include "profile/resolve.h"

namespace gomo::cli {
namespace {

struct AuthInitOptions {
  std::string name, base_url;
  bool key_stdin = false, bearer = false, insecure = false, no_verify = false;
};

int auth_init(Context& ctx, const AuthInitOptions& o) {
  std::string name = o.name.empty() ? "default" : o.name;
  std::string base_url = o.base_url.empty() ? profile::kDefaultBaseUrl : o.base_url;
  std::string key;
  bool bearer = o.bearer;
  if (o.key_stdin) {
    key = profile::read_secret_from_stdin();
  } else if (!profile::stdin_is_terminal()) {
    ctx.err << "gomo: config init asks its questions on a terminal; in scripts pass the key on stdin: "
               "gomo config init --name NAME --base-url URL --api-key-stdin\n";
    return kExitUsage;
  } else {
    auto answer = profile::ask(ctx.err, "Profile name", name);
    if (answer) base_url = profile::ask(ctx.err, "Platform API base URL", base_url).value_or("");
    if (answer) key = profile::ask_secret(ctx.err, "API key (input hidden)").value_or("");
    auto auth = profile::ask(ctx.err, "Send the key as x-api-key or bearer", bearer ? "bearer" : "x-api-key");
    if (!answer || !auth) return kExitUsage;
    name = *answer;
    bearer = *auth == "bearer";
  }
  if (key.empty()) {
    ctx.err << "gomo: no API key given" << (o.key_stdin ? " on stdin" : "") << "\n";
    return kExitUsage;
  }
  if (name == profile::kLocalProfile) {
    ctx.err << "gomo: `local` is the built-in local workspace profile; choose another name\n";
    return kExitUsage;
  }
  auto path = profile::config_path(profile::process_env());
  auto cfg = path ? profile::ConfigFile::load(*path) : Result<profile::ConfigFile>(path.error());
  Status s = cfg ? Status::ok() : cfg.error();
  if (s && o.insecure) s = cfg->set(name, "insecure", "true");  // first: it allows a plain http URL
  if (s) s = cfg->set(name, "baseUrl", base_url);  // checks the name and the URL before any request
  if (s) s = cfg->set(name, "apiKey", key);
  if (s && (bearer || cfg->find(name)->where.count("auth"))) s = cfg->set(name, "auth", bearer ? "bearer" : "x-api-key");
  if (s) s = cfg->use(name);
  if (!s) {
    ctx.err << "gomo: " << s.message() << "\n";
    return kExitUsage;
  }
  if (!o.no_verify) {
    profile::ResolvedTarget t;
    t.remote = true;
    t.base_url = base_url;
    t.api_key = key;
    t.bearer = bearer;
    t.insecure = o.insecure;
    auto opened = profile::open_platform(t, profile::Access::kRead);
    if (!opened) {
      ctx.err << "gomo: " << opened.error().message << "\n";
      return kExitUsage;
    }
    auto me = opened->platform->me();
    if (!me) {
      int code = report_api_error(ctx, me.error());
      ctx.err << "gomo: nothing saved; check the key and the URL, or save anyway with --no-verify\n";
      return code;
    }
    if (!ctx.quiet)
      ctx.err << "key " << profile::mask_key(key) << " verified: " << me->email << ", organisation " << me->organization.name << "\n";
  }
  if (s = cfg->save(); !s) {
    ctx.err << "gomo: " << s.message() << "\n";
    return kExitUsage;
  }
  if (!ctx.quiet) ctx.err << "saved profile " << name << " (" << base_url << ") in " << cfg->path() << "; it is now current\n";
  return kExitOk;
}

int auth_status(Context& ctx, const TargetOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  if (opened->empty) return kExitAuth;  // no organisation to be (open_target said why)
  const auto& t = *opened->resolved;
  std::string key = t.api_key.empty() ? "none" : profile::mask_key(t.api_key);
  std::string key_from = t.api_key.empty() ? "the workspace's only organisation" : profile::describe(t.api_key_from);
  auto me = opened->platform->me();
  if (!me) {
    int code = report_api_error(ctx, me.error());
    ctx.err << "gomo: target " << opened->summary << "; key " << key << " from " << key_from << "\n";
    return code;
  }
  std::string user = me->email;
  std::string full = me->first_name + (me->first_name.empty() || me->last_name.empty() ? "" : " ") + me->last_name;
  if (ctx.output == "json") {
    nlohmann::json out = {{"user", {{"id", me->id}, {"email", me->email}, {"name", full}}},
                          {"organization", {{"id", me->organization.id}, {"name", me->organization.name}}},
                          {"target", opened->summary},
                          {"profile", t.profile},
                          {"apiKey", t.api_key.empty() ? nlohmann::json(nullptr) : nlohmann::json(key)},
                          {"apiKeySource", key_from}};
    ctx.out << out.dump(2) << "\n";
    return kExitOk;
  }
  ctx.out << "user\t" << user << (full.empty() ? "" : " (" + full + ")") << "\n"
          << "organisation\t" << me->organization.name << " (" << me->organization.id << ")\n"
          << "target\t" << opened->summary << "\n"
          << "profile\t" << t.profile << "\n"
          << "key\t" << key << " from " << key_from << "\n";
  return kExitOk;
}

}  // namespace

void add_config_init_command(CLI::App& config, Context& ctx, Action& action) {
  auto o = std::make_shared<AuthInitOptions>();
  auto* init = config.add_subcommand("init", "Create a profile for a platform, check its key (users/me) and make it current");
  init->add_option("--name", o->name, "Profile name (default: default)");
  init->add_option("--base-url", o->base_url, std::string("Platform API base URL (default ") + profile::kDefaultBaseUrl + ")");
  init->add_flag("--api-key-stdin", o->key_stdin, "Read the API key from stdin and ask nothing (for scripts)");
  init->add_flag("--bearer", o->bearer, "Send the key as Authorization: Bearer instead of x-api-key");
  init->add_flag("--insecure", o->insecure, "Skip TLS verification (stored in the profile)");
  init->add_flag("--no-verify", o->no_verify, "Save without calling users/me to check the key");
  init->footer(
      "The key is never taken as an argument (it would stay in your shell history): it is typed without echo\n"
      "on a terminal, or read with --api-key-stdin, e.g. gomo config init --name prod --api-key-stdin < key.txt\n"
      "Exit codes: 0 saved, 2 usage, 3 API error, 4 the key was refused, 5 the platform is unreachable (nothing saved).");
  init->callback([o, &action] { action = [o](Context& c) { return auth_init(c, *o); }; });
  (void)ctx;
}

void add_auth_commands(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<TargetOptions>();
  auto* auth = app.add_subcommand("auth", "Check the API key of the target");
  auth->require_subcommand(1);
  auto* status = auth->add_subcommand("status", "Call users/me on the target: user, organisation, target, where the key came from");
  status->footer("Exit codes: 0 ok, 2 usage, 4 missing or refused key, 5 network or server unavailable.");
  add_target_flags(status, *o);
  status->callback([o, &action] { action = [o](Context& c) { return auth_status(c, *o); }; });
  (void)ctx;
}

}  // namespace gomo::cli

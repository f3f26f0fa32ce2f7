// `gomo config init`: create a profile, check its key (users/me) and make it current; the logic is in
// lib/profile (init.h). The key is typed without echo or read from stdin, never taken as an argument.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_codes.h"
#include "profile/init.h"
#include "profile/prompt.h"
#include "profile/resolve.h"

namespace gomo::cli {
namespace {

struct ConfigInitOptions {
  std::string name, base_url;
  bool key_stdin = false, bearer = false, insecure = false, no_verify = false;
};

// The questions of `config init` on a terminal; false when one went unanswered (end of input).
bool config_init_ask(Context& ctx, profile::InitRequest& r) {
  auto answer = profile::ask(ctx.err, "Profile name", r.name);
  if (answer) r.base_url = profile::ask(ctx.err, "Platform API base URL", r.base_url).value_or("");
  if (answer) r.api_key = profile::ask_secret(ctx.err, "API key (input hidden)").value_or("");
  auto auth = profile::ask(ctx.err, "Send the key as x-api-key or bearer", r.bearer ? "bearer" : "x-api-key");
  if (!answer || !auth) return false;
  r.name = *answer;
  r.bearer = *auth == "bearer";
  return true;
}

int config_init(Context& ctx, const ConfigInitOptions& o) {
  profile::InitRequest r;
  if (!o.name.empty()) r.name = o.name;
  if (!o.base_url.empty()) r.base_url = o.base_url;
  r.bearer = o.bearer;
  r.insecure = o.insecure;
  r.verify = !o.no_verify;
  if (o.key_stdin) r.api_key = profile::read_secret_from_stdin();
  else if (!profile::stdin_is_terminal())
    return report_error(ctx,
                        "config init asks its questions on a terminal; in scripts pass the key on stdin: "
                        "gomo config init --name NAME --base-url URL --api-key-stdin");
  else if (!config_init_ask(ctx, r)) return kExitUsage;
  if (r.api_key.empty()) return report_error(ctx, std::string("no API key given") + (o.key_stdin ? " on stdin" : ""));
  // The key check's refusal names where it went (report_api_error), the key masked should it be echoed.
  profile::ResolvedTarget saving;  // the target the profile will name, for its "where" wording
  saving.remote = true;
  saving.profile = r.name;
  saving.base_url = r.base_url;
  saving.base_url_from.source = profile::Source::kProfile;
  ctx.target = saving.where();
  ctx.key_to_mask = r.api_key;
  auto done = profile::init_profile(r, profile::process_env(), [&](const api::User& me) {
    if (!ctx.quiet)
      ctx.err << "key " << profile::mask_key(r.api_key) << " verified: " << me.email << ", organisation "
              << me.organization.name << "\n";
  });
  if (!done && done.error().refused) {
    int code = report_api_error(ctx, *done.error().refused);
    return report_error(ctx, "nothing saved; check the key and the URL, or save anyway with --no-verify", code);
  }
  if (!done) return report_error(ctx, done.error().status);
  if (!ctx.quiet)
    ctx.err << "saved profile " << r.name << " (" << profile::url_for_people(r.base_url) << ") in " << done->config_path
            << "; it is now current\n";
  return kExitOk;
}

}  // namespace

void add_config_init_command(CLI::App& config, Action& action) {
  auto o = std::make_shared<ConfigInitOptions>();
  auto* init =
      config.add_subcommand("init", "Create a profile for a platform, check its key (users/me) and make it current");
  init->add_option("--name", o->name, "Profile name (default: default)");
  init->add_option("--base-url", o->base_url,
                   std::string("Platform API base URL (default ") + profile::kDefaultBaseUrl + ")");
  init->add_flag("--api-key-stdin", o->key_stdin, "Read the API key from stdin and ask nothing (for scripts)");
  init->add_flag("--bearer", o->bearer, "Send the key as Authorization: Bearer instead of x-api-key");
  init->add_flag("--insecure", o->insecure, "Skip TLS verification (stored in the profile)");
  init->add_flag("--no-verify", o->no_verify, "Save without calling users/me to check the key");
  init->footer(
      "The key is never taken as an argument (it would stay in your shell history): it is typed without echo\n"
      "on a terminal, or read with --api-key-stdin, e.g. gomo config init --name prod --api-key-stdin < key.txt\n"
      "Exit codes: 0 saved, 2 usage, 3 API error, 4 the key was refused, 5 the platform is unreachable (nothing saved).");
  init->callback([o, &action] { action = [o](Context& c) { return config_init(c, *o); }; });
}

}  // namespace gomo::cli

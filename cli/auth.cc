// `gomo auth status`: whose key the target takes, checked with users/me. Keys are only shown masked.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "api/platform.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_codes.h"
#include "cli/target.h"
#include "profile/resolve.h"

namespace gomo::cli {
namespace {

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
    return report_error(ctx, "key " + key + " from " + key_from, code);  // the error line named the target
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

void add_auth_commands(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<TargetOptions>();
  o->prints_target = true;  // its output has a target line
  auto* auth = app.add_subcommand("auth", "Check the API key of the target");
  auth->require_subcommand(1);
  auto* status = auth->add_subcommand(
      "status", "Call users/me on the target: user, organisation, target, where the key came from");
  status->footer("Exit codes: 0 ok, 2 usage, 4 missing or refused key, 5 network or server unavailable.");
  add_target_flags(status, *o);
  status->callback([o, &action] { action = [o](Context& c) { return auth_status(c, *o); }; });
  (void)ctx;
}

}  // namespace gomo::cli

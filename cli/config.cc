// `gomo config` (profiles in the user's config file); the logic is in lib/profile. API keys are typed
// without echo or read from stdin, never taken as arguments (shell history), and only shown masked.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_codes.h"
#include "cli/target.h"
#include "profile/listing.h"
#include "profile/prompt.h"
#include "profile/resolve.h"

namespace gomo::cli {
namespace {

struct ConfigOptions {
  TargetOptions target;
  std::string key, value, name;
  bool yes = false;
};

// Loads the config file (none without HOME: saving it then fails); on failure prints why and returns
// nullopt (exit 2).
std::optional<profile::ConfigFile> config_load(Context& ctx) {
  auto cfg = profile::load_config(profile::process_env());
  if (!cfg) {
    report_error(ctx, cfg.error());
    return std::nullopt;
  }
  return std::move(*cfg);
}

int config_list(Context& ctx) {
  auto cfg = config_load(ctx);
  if (!cfg) return kExitUsage;
  auto rows = profile::list_profiles(*cfg, profile::process_env());
  if (ctx.output == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows) {
      out.push_back({{"name", r.name},
                     {"current", r.current},
                     {"local", r.local},
                     {"target", r.target},
                     {"apiKey", r.masked_key ? nlohmann::json(*r.masked_key) : nlohmann::json(nullptr)}});
    }
    ctx.out << out.dump(2) << "\n";
    return kExitOk;
  }
  ctx.out << "CURRENT\tNAME\tTARGET\tKEY\n";
  for (const auto& r : rows) {
    const std::string key = r.masked_key.value_or("");
    ctx.out << (r.current ? "*" : "") << "\t" << r.name << "\t" << r.target << "\t" << (key.empty() ? "-" : key)
            << "\n";
  }
  return kExitOk;
}

int config_show(Context& ctx, const ConfigOptions& o) {
  int exit_code = kExitOk;
  auto t = resolve_target(ctx, o.target, exit_code);
  if (!t) return exit_code;
  auto rows = profile::shown_settings(*t);
  if (ctx.output == "json") {
    nlohmann::ordered_json settings = nlohmann::ordered_json::object();
    for (const auto& r : rows) settings[r.name] = {{"value", r.value}, {"source", r.source}};
    ctx.out << nlohmann::ordered_json{{"configFile", t->config_path.empty() ? nlohmann::ordered_json(nullptr)
                                                                            : nlohmann::ordered_json(t->config_path)},
                                      {"target", t->summary()},
                                      {"remote", t->remote},
                                      {"settings", settings}}
                   .dump(2)
            << "\n";
    return kExitOk;
  }
  ctx.out << "configFile\t" << (t->config_path.empty() ? "(none: HOME is not set)" : t->config_path) << "\n"
          << "target\t" << t->summary() << "\n";
  for (const auto& r : rows) ctx.out << r.name << "\t" << r.value << "\t" << r.source << "\n";
  return kExitOk;
}

int config_get(Context& ctx, const ConfigOptions& o) {
  auto cfg = config_load(ctx);
  if (!cfg) return kExitUsage;
  std::string name = profile::selected_profile(*cfg, o.target.profile, profile::process_env());
  const auto& keys = profile::profile_keys();
  if (std::find(keys.begin(), keys.end(), o.key) == keys.end())
    return report_error(ctx, "unknown key `" + o.key + "`: expected one of " + join(keys, ", "));
  const auto* p = cfg->find(name);
  if (!p && name != profile::kLocalProfile)
    return report_error(ctx, Status::not_found("no profile `" + name + "`; profiles: " + join(cfg->names(), ", ")));
  auto value = p ? p->get(o.key) : std::nullopt;
  if (!value) return report_error(ctx, o.key + " is not set in profile " + name, kExitFindings);
  const bool secret = o.key == "apiKey" || o.key == "sipPassword";
  ctx.out << (secret ? profile::mask_key(*value) : *value) << "\n";
  return kExitOk;
}

// The secret for `config set apiKey -` (or sipPassword): hidden prompt on a terminal, else stdin.
std::string config_read_key(Context& ctx, const char* what) {
  if (profile::stdin_is_terminal())
    return profile::ask_secret(ctx.err, std::string(what) + " (input hidden)").value_or("");
  return profile::read_secret_from_stdin();
}

int config_set(Context& ctx, const ConfigOptions& o, bool unset) {
  auto cfg = config_load(ctx);
  if (!cfg) return kExitUsage;
  std::string name = profile::selected_profile(*cfg, o.target.profile, profile::process_env());
  bool created = !cfg->find(name) && name != profile::kLocalProfile;
  std::string value = o.value;
  if (!unset && (o.key == "apiKey" || o.key == "sipPassword")) {
    const char* what = o.key == "apiKey" ? "API key" : "SIP password";
    if (value != "-")
      return report_error(ctx, std::string("the ") + what +
                                   " is not accepted on the command line (it would stay in your shell history); "
                                   "use `gomo config set " +
                                   o.key + " -` to type it or pipe it on stdin");
    value = config_read_key(ctx, what);
    if (value.empty())
      return report_error(ctx, Status::invalid_argument(std::string("no ") + what + " given on stdin"));
  }
  Status s = Status::ok();
  if (o.target.insecure) {
    // --insecure allows a plain http baseUrl to a host that is not loopback: it is stored first.
    if (unset || o.key != "baseUrl")
      return report_error(ctx, Status::invalid_argument("--insecure goes with `config set baseUrl URL`; "
                                                        "otherwise set insecure true"));
    s = cfg->set(name, "insecure", "true");
  }
  if (s) s = unset ? cfg->unset(name, o.key) : cfg->set(name, o.key, value);
  if (s) s = cfg->save();
  if (!s) return report_error(ctx, s);
  if (!ctx.quiet) {
    ctx.err << (unset ? "unset " : "set ") << name << "." << o.key << " in " << cfg->path() << "\n";
    if (created) ctx.err << "created profile " << name << "; make it current with: gomo config use " << name << "\n";
  }
  return kExitOk;
}

int config_use(Context& ctx, const ConfigOptions& o) {
  auto cfg = config_load(ctx);
  if (!cfg) return kExitUsage;
  Status s = cfg->use(o.name);
  if (s) s = cfg->save();
  if (!s) return report_error(ctx, s);
  if (!ctx.quiet) {
    ctx.err << "now using profile " << o.name << " \xE2\x86\x92 "
            << profile::target_of(profile::profile_or_default(*cfg, o.name)) << "\n";
    if (auto env = profile::process_env()("GOMO_PROFILE"); env && *env != o.name)
      ctx.err << "note: GOMO_PROFILE=" << *env << " is set and wins over the current profile\n";
  }
  return kExitOk;
}

int config_delete(Context& ctx, const ConfigOptions& o) {
  auto cfg = config_load(ctx);
  if (!cfg) return kExitUsage;
  if (!o.yes) {
    if (!profile::stdin_is_terminal())
      return report_error(
          ctx, Status::invalid_argument("deleting profile " + o.name + " needs --yes (stdin is not a terminal)"));
    auto answer = profile::ask(ctx.err, "delete profile " + o.name + " and its key? [y/N]");
    if (!answer || (*answer != "y" && *answer != "yes")) return kExitUsage;
  }
  Status s = cfg->remove(o.name);
  if (s) s = cfg->save();
  if (!s) return report_error(ctx, s);
  if (!ctx.quiet) ctx.err << "deleted profile " << o.name << " from " << cfg->path() << "\n";
  return kExitOk;
}

}  // namespace

void add_config_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* group = app.add_subcommand("config", "Profiles: which platform gomo talks to, with which key");
  group->require_subcommand(1);
  group->footer(
      "Config file: $GOMO_CONFIG, else $XDG_CONFIG_HOME/gomo/config.yaml (~/.config/gomo/config.yaml), mode 0600.\n"
      "Precedence: flag > profile named by --profile > environment > current profile > default (gomo help profiles).");
  auto o = std::make_shared<ConfigOptions>();
  auto leaf = [&](const char* name, const char* help, std::function<int(Context&)> run) {
    auto* cmd = group->add_subcommand(name, help);
    cmd->callback([run, &action] { action = run; });
    return cmd;
  };
  add_config_init_command(*group, action);  // cli/config_init.cc
  auto* set = leaf("set", "Set one value of a profile (apiKey: give `-` and type or pipe the key)",
                   [o](Context& c) { return config_set(c, *o, false); });
  set->add_option(
         "key", o->key,
         "baseUrl, apiKey, auth, insecure, rateLimit, timeout, workspace, defaultRegion, allowTypes, provider, bridge, "
         "sipUser, sipPassword or sipProxy")
      ->required();
  set->add_option("value", o->value, "The value; for apiKey `-` (read from stdin, hidden on a terminal)")->required();
  set->add_option("--profile", o->target.profile, "Profile to change (created when missing; default: the current one)");
  set->add_flag("--insecure", o->target.insecure,
                "With baseUrl: allow plain http to a host that is not loopback (stores insecure: true)");
  auto* unset = leaf("unset", "Remove one value of a profile", [o](Context& c) { return config_set(c, *o, true); });
  unset
      ->add_option(
          "key", o->key,
          "baseUrl, apiKey, auth, insecure, rateLimit, timeout, workspace, defaultRegion, allowTypes, provider, bridge, "
          "sipUser, sipPassword or sipProxy")
      ->required();
  unset->add_option("--profile", o->target.profile, "Profile to change (default: the current one)");
  auto* get = leaf("get", "Print one value of a profile (apiKey masked); exit 1 when unset",
                   [o](Context& c) { return config_get(c, *o); });
  get->add_option(
         "key", o->key,
         "baseUrl, apiKey, auth, insecure, rateLimit, timeout, workspace, defaultRegion, allowTypes, provider, bridge, "
         "sipUser, sipPassword or sipProxy")
      ->required();
  get->add_option("--profile", o->target.profile, "Profile to read (default: the current one)");
  leaf("list", "List the profiles; * marks the one in use (-o json)", config_list);
  auto* use =
      leaf("use", "Make a profile current (local: the local workspace)", [o](Context& c) { return config_use(c, *o); });
  use->add_option("profile", o->name, "Profile name")->required();
  auto* show = leaf("show", "Every resolved setting and where it came from (flag, env, profile, default; -o json)",
                    [o](Context& c) { return config_show(c, *o); });
  add_target_flags(show, o->target);
  auto* del = leaf("delete", "Delete a profile and its key", [o](Context& c) { return config_delete(c, *o); });
  del->add_option("profile", o->name, "Profile name")->required();
  del->add_flag("--yes", o->yes, "Do not ask (required when stdin is not a terminal)");
  (void)ctx;
}

}  // namespace gomo::cli

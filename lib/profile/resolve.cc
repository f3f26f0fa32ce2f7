#include "profile/resolve.h"

#include <cstdio>

#include "base/strings.h"
#include "base/time.h"
#include "local/workspace.h"

namespace gomo::profile {

std::string describe(const Origin& o) {
  switch (o.source) {
    case Source::kFlag: return "flag " + o.name;
    case Source::kEnv: return "env " + o.name + (o.via.empty() ? "" : " (named by " + o.via + ")");
    case Source::kProfile: return "profile " + o.name + (o.at.empty() ? "" : " (" + o.at + ")");
    case Source::kConfig: return "config file" + (o.at.empty() ? "" : " (" + o.at + ")");
    case Source::kDefault: return "default";
    case Source::kNone: return "not set";
  }
  return "";
}

namespace {
// Does summary() name the profile? Only when the URL came from it: a --base-url or GOMO_BASE_URL
// overrides any profile's.
bool names_profile(const ResolvedTarget& t) {
  return t.base_url_from.source == Source::kProfile ||
         (t.base_url_from.source == Source::kDefault && t.profile != kLocalProfile);
}
}  // namespace

std::string url_for_people(const std::string& url) {
  auto sep = url.find("://");
  if (sep == std::string::npos) return url;
  auto authority_end = url.find_first_of("/?#", sep + 3);
  auto at = url.rfind('@', authority_end == std::string::npos ? std::string::npos : authority_end);
  if (at == std::string::npos || at < sep + 3) return url;
  return url.substr(0, sep + 3) + url.substr(at + 1);
}

std::string ResolvedTarget::summary() const {
  if (!remote) return "local workspace " + workspace;
  if (names_profile(*this)) return url_for_people(base_url) + " (" + profile + ")";
  return url_for_people(base_url);
}

std::string ResolvedTarget::where() const {
  if (!remote) return "local workspace " + workspace;
  if (names_profile(*this)) return url_for_people(base_url) + ", profile " + profile;
  return url_for_people(base_url);
}

std::string mask_key(std::string_view key) {
  const std::string ellipsis = "\xE2\x80\xA6";  // …
  if (key.size() < 8) return ellipsis;
  if (key.size() < 16) return ellipsis + std::string(key.substr(key.size() - 2));
  std::string prefix;
  size_t underscore = key.find('_');
  if (underscore != std::string_view::npos && underscore < 8) prefix = std::string(key.substr(0, underscore + 1));
  return prefix + ellipsis + std::string(key.substr(key.size() - 4));
}

std::string key_override_note(const ResolvedTarget& t) {
  if (t.api_key_overrides.source == Source::kNone || t.api_key.empty()) return "";
  return "the key " + mask_key(t.api_key) + " came from " + describe(t.api_key_from) +
         ", which overrides the apiKey of " + describe(t.api_key_overrides) + "; unset " + t.api_key_from.name +
         " to use the profile's key";
}

std::vector<ShownSetting> shown_settings(const ResolvedTarget& t) {
  char rate[32];
  std::snprintf(rate, sizeof rate, "%g", t.rate_limit);
  std::vector<ShownSetting> out;
  out.push_back({"profile", t.profile, describe(t.profile_from)});
  if (t.remote) {
    out.push_back({"baseUrl", t.base_url, describe(t.base_url_from)});
  } else {
    out.push_back({"workspace", t.workspace, describe(t.workspace_from)});
  }
  std::string key = t.api_key.empty() ? "(none)" : mask_key(t.api_key);
  if (t.api_key.empty() && !t.remote) key = "(none: the workspace's only organisation)";
  std::string key_source = t.api_key.empty() ? "looked for in " + t.api_key_wanted : describe(t.api_key_from);
  if (t.api_key_overrides.source != Source::kNone)
    key_source += ", overriding the apiKey of " + describe(t.api_key_overrides);
  out.push_back({"apiKey", key, key_source});
  if (t.remote) {
    out.push_back({"auth", t.bearer ? "bearer" : "x-api-key", describe(t.auth_from)});
    out.push_back({"insecure", t.insecure ? "true" : "false", describe(t.insecure_from)});
    out.push_back({"rateLimit", rate, describe(t.rate_limit_from)});
    out.push_back({"timeout", format_duration_ms(t.timeout_ms), describe(t.timeout_from)});
  }
  if (!t.default_region.empty()) out.push_back({"defaultRegion", t.default_region, describe(t.default_region_from)});
  if (!t.allow_types.empty()) out.push_back({"allowTypes", t.allow_types, describe(t.allow_types_from)});
  return out;
}

namespace {

// The first of GOMO_* and the docs' GOMOBILE_* names that is set.
std::optional<std::pair<std::string, std::string>> first_env(const Env& env, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (auto v = env(n)) return std::make_pair(std::string(n), *v);
  return std::nullopt;
}

Status unknown_profile(const std::string& name, const ConfigFile& config, const std::string& named_by) {
  auto names = config.names();
  std::string msg = "no profile `" + name + "` (named by " + named_by + "); profiles: " + join(names, ", ");
  std::string guess = closest_match(name, names);
  if (!guess.empty()) msg += "; did you mean " + guess + "?";
  if (config.path().empty()) msg += " (no config file: HOME is not set; set GOMO_CONFIG or XDG_CONFIG_HOME)";
  else if (!config.exists())
    msg += " (no config file at " + config.path() + ": create a profile with gomo config init)";
  return Status::invalid_argument(msg);
}

}  // namespace

Result<ResolvedTarget> resolve_target(const TargetFlags& flags, const Env& env, const ConfigFile& config) {
  ResolvedTarget t;
  t.config_path = config.path();

  // 1. The profile.
  if (!flags.profile.empty()) {
    t.profile = flags.profile;
    t.profile_from = {Source::kFlag, "--profile", "", ""};
  } else if (auto p = env("GOMO_PROFILE")) {
    t.profile = *p;
    t.profile_from = {Source::kEnv, "GOMO_PROFILE", "", ""};
  } else if (!config.current().empty()) {
    t.profile = config.current();
    t.profile_from = {Source::kConfig, "current", config.current_at(), ""};
  } else {
    t.profile = kLocalProfile;
    t.profile_from = {Source::kDefault, "", "", ""};
  }
  Profile profile;
  profile.name = t.profile;
  if (const Profile* found = config.find(t.profile)) {
    profile = *found;
  } else if (t.profile != kLocalProfile) {
    std::string by = t.profile_from.source == Source::kFlag  ? "--profile"
                     : t.profile_from.source == Source::kEnv ? "GOMO_PROFILE"
                                                             : "current: at " + config.current_at();
    return unknown_profile(t.profile, config, by);
  }
  if (profile.is_mobtexting())
    return Status::invalid_argument("profile `" + profile.name +
                                    "` is a mobtexting profile (provider: mobtexting): only `gomo call --provider "
                                    "mobtexting` uses it; name a Gomobile profile or the local workspace instead");
  // A profile named on the command line outranks the environment; the current profile does not.
  const bool strong = t.profile_from.source == Source::kFlag;
  auto from_profile = [&](const std::string& key) {
    auto it = profile.where.find(key);
    return Origin{Source::kProfile, profile.name, it == profile.where.end() ? "" : it->second, ""};
  };

  // 2. Local workspace or remote platform, and its address.
  auto env_url = first_env(env, {"GOMO_BASE_URL", "GOMOBILE_API_URL", "GOMOBILE_API_BASE_URL"});
  if (!flags.base_url.empty() && !flags.workspace.empty())
    return Status::invalid_argument("--base-url and --workspace name different targets: give one of them");
  if (!flags.base_url.empty()) {
    t.remote = true;
    t.base_url = flags.base_url;
    t.base_url_from = {Source::kFlag, "--base-url", "", ""};
  } else if (!flags.workspace.empty()) {
    if (strong && !profile.is_local())
      return Status::invalid_argument("--workspace names the local workspace, but profile `" + profile.name +
                                      "` is a platform (" + profile.base_url.value_or(kDefaultBaseUrl) +
                                      "): give one of them");
    t.remote = false;
  } else if (strong || !env_url) {
    t.remote = !profile.is_local();
    if (t.remote && profile.base_url) {
      t.base_url = *profile.base_url;
      t.base_url_from = from_profile("baseUrl");
    } else if (t.remote && env_url) {
      t.base_url = env_url->second;
      t.base_url_from = {Source::kEnv, env_url->first, "", ""};
    } else if (t.remote) {
      t.base_url = kDefaultBaseUrl;
      t.base_url_from = {Source::kDefault, "", "", ""};
    }
  } else {
    t.remote = true;
    t.base_url = env_url->second;
    t.base_url_from = {Source::kEnv, env_url->first, "", ""};
  }
  const bool applies = t.remote != profile.is_local();

  // 3. The workspace file.
  if (!t.remote) {
    if (!flags.workspace.empty()) {
      t.workspace = flags.workspace;
      t.workspace_from = {Source::kFlag, "--workspace", "", ""};
    } else if (applies && profile.workspace) {
      t.workspace = *profile.workspace;
      t.workspace_from = from_profile("workspace");
    } else {
      t.workspace = local::kDefaultWorkspacePath;
    }
  }

  // 4. The key.
  std::optional<std::pair<std::string, std::string>> env_key;
  bool named_by_flag = !flags.api_key_env.empty() && flags.api_key_env != "GOMO_API_KEY";
  if (named_by_flag) {
    t.api_key_wanted = flags.api_key_env + " (named by --api-key-env)";
    if (auto v = env(flags.api_key_env)) {
      t.api_key = *v;
      t.api_key_from = {Source::kEnv, flags.api_key_env, "", "--api-key-env"};
    } else {
      t.api_key_from = {Source::kNone, "", "", ""};
    }
  } else {
    env_key = first_env(env, {"GOMO_API_KEY", "GOMOBILE_API_KEY"});
    t.api_key_wanted = "GOMO_API_KEY";
    const bool profile_key = applies && profile.api_key;
    if (profile_key && (strong || !env_key)) {
      t.api_key = *profile.api_key;
      t.api_key_from = from_profile("apiKey");
    } else if (env_key) {
      t.api_key = env_key->second;
      t.api_key_from = {Source::kEnv, env_key->first, "", ""};
      if (profile_key) t.api_key_overrides = from_profile("apiKey");
    } else {
      t.api_key_from = {Source::kNone, "", "", ""};
    }
  }

  // 5. How to talk to a remote: flag, else the profile, else the default.
  if (flags.bearer) {
    t.bearer = true;
    t.auth_from = {Source::kFlag, "--bearer", "", ""};
  } else if (applies && profile.where.count("auth")) {
    t.bearer = profile.bearer;
    t.auth_from = from_profile("auth");
  }
  if (flags.insecure) {
    t.insecure = true;
    t.insecure_from = {Source::kFlag, "--insecure", "", ""};
  } else if (applies && profile.insecure) {
    t.insecure = *profile.insecure;
    t.insecure_from = from_profile("insecure");
  }
  if (flags.rate_limit) {
    t.rate_limit = *flags.rate_limit;
    t.rate_limit_from = {Source::kFlag, "--rate-limit", "", ""};
  } else if (applies && profile.rate_limit) {
    t.rate_limit = *profile.rate_limit;
    t.rate_limit_from = from_profile("rateLimit");
  }
  if (applies && profile.default_region) {
    t.default_region = *profile.default_region;
    t.default_region_from = from_profile("defaultRegion");
  }
  if (applies && profile.allow_types) {
    t.allow_types = *profile.allow_types;
    t.allow_types_from = from_profile("allowTypes");
  }
  auto env_timeout = t.remote ? env("GOMO_TIMEOUT") : std::nullopt;
  if (flags.timeout_ms) {
    t.timeout_ms = *flags.timeout_ms;
    t.timeout_from = {Source::kFlag, "--timeout", "", ""};
  } else if (applies && profile.timeout_ms && (strong || !env_timeout)) {
    t.timeout_ms = *profile.timeout_ms;
    t.timeout_from = from_profile("timeout");
  } else if (env_timeout) {
    auto ms = parse_duration_ms(*env_timeout);
    if (!ms)
      return Status::invalid_argument("GOMO_TIMEOUT=" + *env_timeout +
                                      ": expected a duration such as 30s, 500ms or 2m, or a number of seconds");
    t.timeout_ms = *ms;
    t.timeout_from = {Source::kEnv, "GOMO_TIMEOUT", "", ""};
  }
  return t;
}

}  // namespace gomo::profile

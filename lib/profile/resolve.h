#pragma once
// Which platform a command talks to, and where each setting came from (like gh and twilio-cli):
// a flag, then the profile named by --profile, then the environment, then the current profile
// (GOMO_PROFILE, else `current:` in the config file, else the built-in `local`), then the default.
// README "Profiles and authentication" has the table.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "profile/config_file.h"

namespace gomo::profile {

// What the command line said. Empty strings and unset optionals: not given.
struct TargetFlags {
  std::string profile;                  // --profile
  std::string base_url;                 // --base-url: a remote target
  std::string workspace;                // --workspace: the local workspace at this path
  std::string api_key_env;              // --api-key-env NAME: the key is in $NAME (no fallback when unset)
  bool bearer = false;                  // --bearer
  bool insecure = false;                // --insecure
  std::optional<double> rate_limit;     // --rate-limit, requests per second (0: none)
  std::optional<long long> timeout_ms;  // --timeout (0: none)
};

enum class Source { kFlag, kProfile, kEnv, kConfig, kDefault, kNone };

// The request deadline when nothing sets one: 60 s (README, Profiles and authentication).
inline constexpr long long kDefaultTimeoutMs = 60000;

// Where one setting came from. `name`: the flag ("--base-url"), the variable ("GOMO_BASE_URL"), or the
// profile's name; `at`: "path:line:col" in the config file, when it is written there.
struct Origin {
  Source source = Source::kDefault;
  std::string name;
  std::string at;
  std::string via;  // how the source was chosen, e.g. "--api-key-env" for a variable named by that flag
};
// "flag --base-url", "env GOMO_BASE_URL", "profile prod (/home/a/.config/gomo/config.yaml:4:14)",
// "config file (path:1:10)", "default", "not set".
std::string describe(const Origin& origin);

struct ResolvedTarget {
  std::string config_path;
  std::string profile;  // the profile in effect, e.g. "local" or "prod"
  Origin profile_from;
  bool remote = false;
  std::string base_url;  // remote only
  Origin base_url_from;
  std::string workspace;  // local only
  Origin workspace_from;
  std::string api_key;  // empty: none (api_key_from.source == kNone). NEVER print it: mask_key()
  Origin api_key_from;
  std::string api_key_wanted;  // where a missing key was looked for, for the error ("GOMO_API_KEY")
  // The profile's apiKey that the environment's key (api_key_from) overrode; source kNone when none was.
  Origin api_key_overrides{Source::kNone, "", "", ""};
  bool bearer = false;
  Origin auth_from;
  bool insecure = false;
  Origin insecure_from;
  double rate_limit = 10;
  Origin rate_limit_from;
  long long timeout_ms = kDefaultTimeoutMs;  // deadline of one request, its retries included; 0: none
  Origin timeout_from;
  std::string default_region;  // the profile's defaultRegion as written; "" when it has none
  Origin default_region_from{Source::kNone, "", "", ""};
  std::string allow_types;  // the profile's allowTypes as written; "" when it has none
  Origin allow_types_from{Source::kNone, "", "", ""};

  // "local workspace .gomo/workspace.db" or "https://api.gomobile.ma/api (prod)"; a user and
  // password written in the URL are left out (url_for_people).
  std::string summary() const;
  // The same for the end of an error line, without nested parentheses: "local workspace
  // .gomo/workspace.db", "https://api.gomobile.ma/api, profile prod" or "http://127.0.0.1:8080/api".
  std::string where() const;
};

// `url` without a user and password ("https://u:secret@host/api" -> "https://host/api"), for output.
std::string url_for_people(const std::string& url);

// Resolves the target. Fails (kInvalidArgument) for an unknown profile name (listing the known ones,
// with "did you mean"), for --base-url with --workspace, for --workspace with a remote profile
// named by --profile, and for a GOMO_TIMEOUT that is no duration (a remote target only). A profile's
// settings apply only to the kind of target it describes: a remote profile's key is never used for the
// local workspace, nor a local profile's key sent over the network.
Result<ResolvedTarget> resolve_target(const TargetFlags& flags, const Env& env, const ConfigFile& config);

// One line of `gomo config show`: a setting's name, its value as text (the key masked) and its source.
struct ShownSetting {
  std::string name, value, source;
};
// The settings that matter for the target: profile, then workspace for the local workspace, or
// baseUrl, auth, insecure, rateLimit and timeout for a remote; apiKey in both.
std::vector<ShownSetting> shown_settings(const ResolvedTarget& target);

// When the environment's key overrode a profile's apiKey: "the key gmk_…9f3a came from env
// GOMO_API_KEY, which overrides the apiKey of profile prod (path:5:13); unset GOMO_API_KEY to use the
// profile's key". Otherwise "".
std::string key_override_note(const ResolvedTarget& target);

// "gomo_…9f3a": the prefix up to the first `_` (when within the first 8 characters) and the last 4
// characters; keys shorter than 16 characters show only "…" and their last 2. Never the whole key.
std::string mask_key(std::string_view key);

}  // namespace gomo::profile

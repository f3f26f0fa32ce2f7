#pragma once
// What `gomo config list/get/set/use` show about the profiles of a config file, as values a test can
// check: which profile a command acts on, where each profile sends commands, one row per profile.
#include <optional>
#include <string>
#include <vector>

#include "profile/config_file.h"

namespace gomo::profile {

// The profile `gomo config get/set/unset` act on: `flag` (--profile) when not empty, else
// $GOMO_PROFILE, else the file's current profile, else `local`.
std::string selected_profile(const ConfigFile& config, const std::string& flag, const Env& env);

// The profile `name` as the file holds it, or an empty profile of that name (the built-in `local`,
// or a name the file does not hold).
Profile profile_or_default(const ConfigFile& config, const std::string& name);

// Where a profile's commands go: "local workspace PATH" (the default workspace path when the profile
// names none) or its base URL (kDefaultBaseUrl when unset).
std::string target_of(const Profile& profile);

struct ProfileRow {
  std::string name;
  bool current = false;                   // the profile selected_profile(config, "", env) names
  bool local = false;                     // Profile::is_local
  std::string target;                     // target_of
  std::optional<std::string> masked_key;  // mask_key(apiKey); nullopt when the profile has no key
};

// One row per profile name, in config.names() order (`local` first, then the file's).
std::vector<ProfileRow> list_profiles(const ConfigFile& config, const Env& env);

}  // namespace gomo::profile

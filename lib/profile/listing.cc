// The profiles as `gomo config` shows them (listing.h).
#include "profile/listing.h"

#include "local/workspace.h"
#include "profile/resolve.h"

namespace gomo::profile {

std::string selected_profile(const ConfigFile& config, const std::string& flag, const Env& env) {
  if (!flag.empty()) return flag;
  if (auto p = env("GOMO_PROFILE")) return *p;
  return config.current().empty() ? kLocalProfile : config.current();
}

Profile profile_or_default(const ConfigFile& config, const std::string& name) {
  if (const Profile* found = config.find(name)) return *found;
  Profile p;
  p.name = name;
  return p;
}

std::string target_of(const Profile& profile) {
  if (profile.is_local()) return "local workspace " + profile.workspace.value_or(local::kDefaultWorkspacePath);
  return profile.base_url.value_or(kDefaultBaseUrl);
}

std::vector<ProfileRow> list_profiles(const ConfigFile& config, const Env& env) {
  const std::string current = selected_profile(config, "", env);
  std::vector<ProfileRow> rows;
  for (const auto& name : config.names()) {
    Profile p = profile_or_default(config, name);
    ProfileRow row;
    row.name = name;
    row.current = name == current;
    row.local = p.is_local();
    row.target = target_of(p);
    if (p.api_key) row.masked_key = mask_key(*p.api_key);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace gomo::profile

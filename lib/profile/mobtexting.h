#pragma once
// The mobtexting profile `gomo call --provider mobtexting` sends through: a profile with
// `provider: mobtexting`, its baseUrl (default kMobtextingBaseUrl), apiKey and bridge number.
#include <string>

#include "base/status.h"
#include "profile/config_file.h"

namespace gomo::profile {

// The variable whose key overrides a mobtexting profile's apiKey.
inline constexpr const char* kMobtextingKeyEnv = "GOMO_MOBTEXTING_API_KEY";

struct MobtextingTarget {
  std::string profile;   // the profile's name
  std::string endpoint;  // baseUrl, default kMobtextingBaseUrl
  std::string api_key;   // NEVER print it: mask_key (resolve.h)
  std::string key_from;  // "env GOMO_MOBTEXTING_API_KEY" or "profile mt"
  std::string bridge;    // the profile's bridge; "" when unset
  bool insecure = false;
  long long timeout_ms = 60000;
  // "mobtexting https://portal.mobtexting.com/api/v2/ (profile mt)".
  std::string summary() const;
};

// The mobtexting profile to use: `profile_name` (--profile) when given, else GOMO_PROFILE, else the
// current profile when it is a mobtexting one, else the only mobtexting profile of the file. Fails
// (kInvalidArgument) with how to make one when there is none, when the profile named is not a mobtexting
// profile, when several could be meant, and when no key is found (apiKey or GOMO_MOBTEXTING_API_KEY).
Result<MobtextingTarget> resolve_mobtexting(const std::string& profile_name, const Env& env, const ConfigFile& config);

}  // namespace gomo::profile

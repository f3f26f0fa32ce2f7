#include "profile/mobtexting.h"

#include <vector>

#include "base/strings.h"
#include "profile/resolve.h"

namespace gomo::profile {
namespace {

constexpr const char* kHowToMake =
    "make one: gomo config set provider mobtexting --profile mt; gomo config set apiKey - --profile mt; "
    "gomo config set bridge 918068280000 --profile mt";

}  // namespace

std::string MobtextingTarget::summary() const { return "mobtexting " + endpoint + " (profile " + profile + ")"; }

Result<MobtextingTarget> resolve_mobtexting(const std::string& profile_name, const Env& env, const ConfigFile& config) {
  const Profile* chosen = nullptr;
  std::string named = profile_name;
  if (named.empty()) named = env("GOMO_PROFILE").value_or("");
  if (!named.empty()) {
    chosen = config.find(named);
    if (!chosen) {
      return Status::invalid_argument("no profile `" + named + "`" +
                                      (config.path().empty() ? std::string() : " in " + config.path()) + "; " +
                                      kHowToMake);
    }
    if (!chosen->is_mobtexting()) {
      return Status::invalid_argument("profile `" + named + "` is not a mobtexting profile (provider: " +
                                      chosen->provider.value_or(kGomobileProvider) +
                                      "); --provider mobtexting needs one with provider: mobtexting, or " + kHowToMake);
    }
  } else if (const Profile* current = config.find(config.current()); current && current->is_mobtexting()) {
    chosen = current;
  } else {
    std::vector<std::string> names;
    for (const auto& p : config.profiles())
      if (p.is_mobtexting()) names.push_back(p.name);
    if (names.empty())
      return Status::invalid_argument("--provider mobtexting: no mobtexting profile; " + std::string(kHowToMake));
    if (names.size() > 1) {
      return Status::invalid_argument("--provider mobtexting: several mobtexting profiles (" + join(names, ", ") +
                                      "); choose one with --profile");
    }
    chosen = config.find(names.front());
  }
  MobtextingTarget t;
  t.profile = chosen->name;
  t.endpoint = chosen->base_url.value_or(kMobtextingBaseUrl);
  t.bridge = chosen->bridge.value_or("");
  t.insecure = chosen->insecure.value_or(false);
  if (chosen->timeout_ms) t.timeout_ms = *chosen->timeout_ms;
  if (auto key = env(kMobtextingKeyEnv)) {
    t.api_key = *key;
    t.key_from = std::string("env ") + kMobtextingKeyEnv;
  } else if (chosen->api_key) {
    t.api_key = *chosen->api_key;
    t.key_from = "profile " + chosen->name;
  } else {
    return Status::invalid_argument("no mobtexting API key: set the apiKey of profile " + chosen->name +
                                    " (gomo config set apiKey - --profile " + chosen->name + ") or " +
                                    kMobtextingKeyEnv);
  }
  return t;
}

}  // namespace gomo::profile

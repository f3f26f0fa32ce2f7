#pragma once
// The organisations one server answers for, each reached by its API keys: what `gomo serve`
// authenticates a request against. lib/local implements it over the workspace; serve sees only this.
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace gomo::api {

class Platform;

class Tenants {
 public:
  virtual ~Tenants() = default;
  // The platform as the organisation owning `api_key` sees it; nullptr for an empty key or a key of
  // no organisation. The platform may outlive this object. Thread-safe.
  virtual std::unique_ptr<Platform> platform_for_key(const std::string& api_key) = 0;
  // A token that changes whenever any organisation's data (its keys included) may have changed, by this
  // process or another: equal tokens mean an answer read at one is still true at the other. nullopt:
  // unknown, so nothing may be reused. Thread-safe.
  virtual std::optional<std::pair<long long, long long>> data_version() { return std::nullopt; }
};

}  // namespace gomo::api

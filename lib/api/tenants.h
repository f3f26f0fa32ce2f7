#pragma once
// The organisations one server answers for, each reached by its API keys: what `gomo serve`
// authenticates a request against. lib/local implements it over the workspace; serve sees only this.
#include <memory>
#include <string>

namespace gomo::api {

class Platform;

class Tenants {
 public:
  virtual ~Tenants() = default;
  // The platform as the organisation owning `api_key` sees it; nullptr for an empty key or a key of
  // no organisation. The platform may outlive this object. Thread-safe.
  virtual std::unique_ptr<Platform> platform_for_key(const std::string& api_key) = 0;
};

}  // namespace gomo::api

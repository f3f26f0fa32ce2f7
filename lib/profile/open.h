#pragma once
// Opening a resolved target: the local workspace (as the key's organisation, or its only one) or the
// remote platform over HTTPS.
#include <memory>
#include <string>
#include <variant>

#include "profile/resolve.h"

namespace gomo::api {
class Platform;
}
namespace gomo::store {
class Workspace;
}

namespace gomo::profile {

// The platform and, for the local workspace, the Workspace it lives in (which must outlive it:
// members are destroyed in reverse order, platform first).
struct OpenedPlatform {
  OpenedPlatform();
  OpenedPlatform(OpenedPlatform&&) noexcept;
  OpenedPlatform& operator=(OpenedPlatform&&) noexcept;
  ~OpenedPlatform();
  std::unique_ptr<store::Workspace> workspace;
  std::unique_ptr<api::Platform> platform;
};

// Why opening failed: kUsage (bad URL, unreadable workspace) or kAuth (no key, a key of no
// organisation, a workspace with several organisations and no key). The message never holds the key.
struct OpenFailure {
  enum class Kind { kUsage, kAuth } kind = Kind::kUsage;
  std::string message;
};

std::variant<OpenedPlatform, OpenFailure> open_platform(const ResolvedTarget& target);

}  // namespace gomo::profile

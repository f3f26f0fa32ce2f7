#pragma once
// Opening a resolved target: the local workspace (as the key's organisation, or its only one) or the
// remote platform over HTTPS.
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "profile/resolve.h"

namespace gomo::api {
class Platform;
struct Organization;
}  // namespace gomo::api

namespace gomo::profile {

// What the command will do on the local workspace: read it (or change objects that must already
// exist), or create something in it.
enum class Access { kRead, kWrite };

// The name of the organisation the first change to a local workspace creates.
inline constexpr const char* kDefaultOrganizationName = "Local organization";

// The opened platform. It owns what it needs (the local platform keeps its workspace's connection
// open), so it may be kept and destroyed on its own.
struct OpenedPlatform {
  OpenedPlatform();
  OpenedPlatform(OpenedPlatform&&) noexcept;
  OpenedPlatform& operator=(OpenedPlatform&&) noexcept;
  ~OpenedPlatform();
  std::unique_ptr<api::Platform> platform;
  // Local workspace only. `empty`: a read of a workspace that does not exist (or has no organisation
  // yet) sees an empty one in memory, and nothing was created. `created`: this change created the
  // workspace or its organisation. `note` says which, for stderr ("" when neither).
  bool empty = false;
  bool created = false;
  std::string note;
};

// Why opening failed: kUsage (bad URL, unreadable workspace) or kAuth (no key, a key of no
// organisation, a workspace with several organisations and no key). The message never holds the key.
struct OpenFailure {
  enum class Kind { kUsage, kAuth } kind = Kind::kUsage;
  std::string message;
};

// Opens the target. A remote is never contacted here. The local workspace answers as the key's
// organisation, or without a key as its only one; with kWrite, a missing workspace is created
// (0600, in a 0700 folder) with its organisation (kDefaultOrganizationName, no key needed), and so is
// the organisation of a workspace that has none. With kRead nothing is ever created: a workspace that
// does not exist or has no organisation reads as empty (`empty`). A key given for a workspace that
// does not exist fails (kAuth) and creates nothing.
Result<OpenedPlatform, OpenFailure> open_platform(const ResolvedTarget& target, Access access);

// The message for a keyless command on a workspace with several organisations: names them and says
// how to pick one (the key's variable, the profile's apiKey, gomo serve --new-key).
std::string several_organizations_message(const ResolvedTarget& target, const std::vector<api::Organization>& orgs);

}  // namespace gomo::profile

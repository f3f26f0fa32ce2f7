#include "profile/open.h"

#include "api/remote_platform.h"
#include "store/workspace.h"

namespace gomo::profile {

OpenedPlatform::OpenedPlatform() = default;
OpenedPlatform::OpenedPlatform(OpenedPlatform&&) noexcept = default;
OpenedPlatform& OpenedPlatform::operator=(OpenedPlatform&&) noexcept = default;
OpenedPlatform::~OpenedPlatform() {
  platform.reset();  // before the workspace it reads
}

namespace {

OpenFailure failure(OpenFailure::Kind kind, std::string message) { return OpenFailure{kind, std::move(message)}; }

std::string key_origin(const ResolvedTarget& t) {
  return "the API key from " + describe(t.api_key_from) + " (" + mask_key(t.api_key) + ")";
}

}  // namespace

std::variant<OpenedPlatform, OpenFailure> open_platform(const ResolvedTarget& t) {
  OpenedPlatform opened;
  if (t.remote) {
    if (t.api_key.empty()) {
      std::string how = t.api_key_wanted.find("--api-key-env") != std::string::npos
                            ? t.api_key_wanted + " is not set"
                            : "set " + t.api_key_wanted + ", or store a key in a profile (gomo config init)";
      return failure(OpenFailure::Kind::kAuth, "no API key for " + t.base_url + ": " + how);
    }
    api::ClientOptions client;
    client.base_url = t.base_url;
    client.api_key = t.api_key;
    client.bearer = t.bearer;
    client.insecure = t.insecure;
    client.rate_limit = t.rate_limit;
    client.timeout_ms = static_cast<int>(t.timeout_ms);
    auto remote = api::RemotePlatform::create(client);
    if (!remote) return failure(OpenFailure::Kind::kUsage, remote.error().message);
    opened.platform = std::move(*remote);
    return opened;
  }
  auto ws = store::Workspace::open(t.workspace);
  if (!ws) return failure(OpenFailure::Kind::kUsage, ws.error().message());
  // The local workspace answers as the key's organisation, or as its only organisation.
  std::optional<api::Organization> org;
  if (!t.api_key.empty()) {
    org = (*ws)->organization_for_key(t.api_key);
    if (!org) return failure(OpenFailure::Kind::kAuth, key_origin(t) + " belongs to no organisation of " + t.workspace);
  } else {
    auto orgs = (*ws)->organizations();
    if (orgs.size() != 1) {
      return failure(OpenFailure::Kind::kAuth,
                     t.workspace + " has " + std::to_string(orgs.size()) + " organisations; say which with the key in " +
                         t.api_key_wanted + (orgs.empty() ? " (create one: gomo serve --init)" : ""));
    }
    org = orgs[0];
  }
  opened.workspace = std::move(*ws);
  opened.platform = opened.workspace->platform_for(org->id);
  return opened;
}

}  // namespace gomo::profile

#include "profile/open.h"

#include "local/workspace.h"
#include "remote/remote_platform.h"

namespace gomo::profile {

OpenedPlatform::OpenedPlatform() = default;
OpenedPlatform::OpenedPlatform(OpenedPlatform&&) noexcept = default;
OpenedPlatform& OpenedPlatform::operator=(OpenedPlatform&&) noexcept = default;
OpenedPlatform::~OpenedPlatform() = default;

namespace {

OpenFailure failure(OpenFailure::Kind kind, std::string message) { return OpenFailure{kind, std::move(message)}; }

std::string key_origin(const ResolvedTarget& t) {
  return "the API key from " + describe(t.api_key_from) + " (" + mask_key(t.api_key) + ")";
}

// "gomo serve --new-key" plus --workspace when the workspace is not the default one.
std::string serve_command(const ResolvedTarget& t, const std::string& flags) {
  std::string cmd = "gomo serve " + flags;
  if (t.workspace != local::kDefaultWorkspacePath) cmd += " --workspace " + t.workspace;
  return cmd;
}

Result<OpenedPlatform, OpenFailure> empty_view(const ResolvedTarget& t, std::string note) {
  auto ws = local::Workspace::open_empty(t.workspace);
  if (!ws) return failure(OpenFailure::Kind::kUsage, ws.error().message());
  OpenedPlatform opened;
  opened.platform = (*ws)->platform_for("");  // no organisation: nothing but the shared rows
  opened.empty = true;
  opened.note = std::move(note);
  return opened;
}

Result<OpenedPlatform, OpenFailure> open_local(const ResolvedTarget& t, Access access) {
  const bool exists = local::Workspace::exists(t.workspace);
  if (!exists && !t.api_key.empty()) {
    return failure(OpenFailure::Kind::kAuth, key_origin(t) + " belongs to no organisation: there is no workspace at " +
                                                 t.workspace + " yet (without a key, the first change creates it)");
  }
  if (!exists && access == Access::kRead)
    return empty_view(t, "there is no local workspace at " + t.workspace + " yet (the first change creates it)");
  auto ws = exists ? local::Workspace::open_existing(t.workspace) : local::Workspace::open(t.workspace);
  if (!ws) return failure(OpenFailure::Kind::kUsage, ws.error().message());
  OpenedPlatform opened;
  // The local workspace answers as the key's organisation, or as its only organisation.
  api::Organization org;
  if (!t.api_key.empty()) {
    auto found = (*ws)->organization_for_key(t.api_key);
    if (!found) {
      std::string note = key_override_note(t);
      return failure(OpenFailure::Kind::kAuth, key_origin(t) + " belongs to no organisation of " + t.workspace +
                                                   (note.empty() ? "" : " (" + note + ")"));
    }
    org = *found;
  } else {
    auto orgs = (*ws)->organizations();
    if (orgs.size() > 1) return failure(OpenFailure::Kind::kAuth, several_organizations_message(t, orgs));
    if (orgs.empty() && access == Access::kRead)
      return empty_view(
          t, "the local workspace " + t.workspace + " has no organisation yet (the first change creates it)");
    if (orgs.empty()) {
      auto sole = (*ws)->sole_organization(kDefaultOrganizationName);
      if (!sole) {
        auto again = (*ws)->organizations();  // another process created a second one meanwhile
        if (again.size() > 1) return failure(OpenFailure::Kind::kAuth, several_organizations_message(t, again));
        return failure(OpenFailure::Kind::kUsage, sole.error().message());
      }
      org = sole->organization;
      opened.created = sole->created;
    } else {
      org = orgs[0];
    }
  }
  if (!exists || opened.created) {
    opened.created = true;
    std::string what = exists
                           ? "created organisation \"" + org.name + "\" in the local workspace " + t.workspace
                           : "created the local workspace " + t.workspace + " with organisation \"" + org.name + "\"";
    opened.note =
        what + " (no API key needed here; a key for HTTP clients of gomo serve: " + serve_command(t, "--new-key") + ")";
  }
  opened.platform = (*ws)->platform_for(org.id);
  return opened;
}

}  // namespace

std::string several_organizations_message(const ResolvedTarget& t, const std::vector<api::Organization>& orgs) {
  std::string names;
  for (size_t i = 0; i < orgs.size() && i < 5; ++i) names += (i ? ", " : "") + orgs[i].name;
  if (orgs.size() > 5) names += ", ...";
  std::string profile_hint = t.profile == kLocalProfile ? "gomo config set apiKey - --profile local"
                                                        : "gomo config set apiKey - --profile " + t.profile;
  return t.workspace + " has " + std::to_string(orgs.size()) + " organisations (" + names +
         ") and no API key says which: put one of their keys in " + t.api_key_wanted + ", or keep it in the profile (" +
         profile_hint + "); " + serve_command(t, "--new-key --org NAME") + " prints a new key for one";
}

Result<OpenedPlatform, OpenFailure> open_platform(const ResolvedTarget& t, Access access) {
  OpenedPlatform opened;
  if (t.remote) {
    if (t.api_key.empty()) {
      std::string how = t.api_key_wanted.find("--api-key-env") != std::string::npos
                            ? t.api_key_wanted + " is not set"
                            : "set " + t.api_key_wanted + ", or store a key in a profile (gomo config init)";
      return failure(OpenFailure::Kind::kAuth, "no API key for " + t.base_url + ": " + how);
    }
    remote::ClientOptions client;
    client.base_url = t.base_url;
    client.api_key = t.api_key;
    client.bearer = t.bearer;
    client.insecure = t.insecure;
    client.rate_limit = t.rate_limit;
    client.timeout_ms = static_cast<int>(t.timeout_ms);
    auto remote = remote::RemotePlatform::create(client);
    if (!remote) return failure(OpenFailure::Kind::kUsage, remote.error().message);
    opened.platform = std::move(*remote);
    return opened;
  }
  return open_local(t, access);
}

}  // namespace gomo::profile

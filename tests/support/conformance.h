#pragma once
// The platform conformance suite (test support): one set of API behaviours every api::Platform must
// show, run on the local workspace directly (lib/local), on the remote client talking to gomo serve in
// this process (lib/serve) and on the real gomo serve binary (tests/cli): the local and remote
// implementations cannot drift apart.
#include <memory>
#include <string>

#include "api/platform.h"
#include "local/workspace.h"
#include "remote/remote_platform.h"

namespace gomo::local {
class LocalOperations;
}

namespace gomo::test::conformance {

// Contacts, custom attributes, audiences, flows, users/me. `p` and `other` are two organisations of
// one platform, both without any objects yet.
void conformance_suite(api::Platform& p, api::Platform& other);
// DIDs, audio, dictionaries, programs, launch, executions, their reports, call requests and call
// reports. `p` and `other` as above; `dialer` records calls for p's organisation (the local dialer
// hook, LocalOperations::record_call_attempt), so reports have data in every variant.
void programs_suite(api::Platform& p, api::Platform& other, local::LocalOperations& dialer);

// A workspace at `path` with two organisations, "Org A" and "Org B", each with a key.
struct TwoOrgs {
  std::unique_ptr<local::Workspace> ws;
  local::NewOrganization a, b;
};
TwoOrgs two_orgs(const std::string& path);

// The remote client for `base_url` with `key` (test_client_options).
std::unique_ptr<remote::RemotePlatform> remote(const std::string& base_url, const std::string& key);

}  // namespace gomo::test::conformance

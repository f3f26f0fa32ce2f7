#pragma once
// A fresh local workspace for tests of code over api::Platform: one file in the test's scratch dir,
// one organisation (with its API key), and the platform as that organisation sees it.
#include <memory>
#include <string>

#include "api/platform.h"
#include "local/workspace.h"

namespace gomo::test {

struct WorkspaceFixture {
  // REQUIREs that the workspace opens and the organisation is created.
  explicit WorkspaceFixture(const std::string& organization_name = "Acme");
  ~WorkspaceFixture();  // the platform goes before the workspace it reads
  WorkspaceFixture(const WorkspaceFixture&) = delete;
  WorkspaceFixture& operator=(const WorkspaceFixture&) = delete;

  std::unique_ptr<local::Workspace> ws;
  local::NewOrganization org;
  std::unique_ptr<api::Platform> platform;
};

}  // namespace gomo::test

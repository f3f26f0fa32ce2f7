#include "tests/support/workspace_fixture.h"

#include <doctest/doctest.h>

#include "tests/support/test_support.h"

namespace gomo::test {

WorkspaceFixture::WorkspaceFixture(const std::string& organization_name) {
  auto opened = local::Workspace::open(scratch_dir() + "/workspace.db");
  REQUIRE_MESSAGE(opened, opened.error().message());
  ws = std::move(*opened);
  auto created = ws->create_organization(organization_name);
  REQUIRE_MESSAGE(created, created.error().message());
  org = *created;
  platform = ws->platform_for(org.organization.id);
}

WorkspaceFixture::~WorkspaceFixture() { platform.reset(); }

}  // namespace gomo::test

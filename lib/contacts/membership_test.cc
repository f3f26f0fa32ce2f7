#include "contacts/membership.h"

#include <doctest/doctest.h>

#include "tests/support/test_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::contacts {

TEST_CASE("change_members: adds across batches, then removes; the audience as after the last batch") {
  test::WorkspaceFixture fx;
  api::AudienceFields af;
  af.name = "Batch";
  auto audience = fx.platform->create_audience(af);
  REQUIRE(audience);
  std::vector<std::string> ids;
  for (int i = 0; i < static_cast<int>(kMembershipBatch) + 2; ++i) {
    api::ContactFields cf;
    cf.primary_phone = "+2126" + std::to_string(10000000 + i);
    auto c = fx.platform->create_contact(cf);
    REQUIRE(c);
    ids.push_back(c->id);
  }
  auto added = change_members(*fx.platform, *audience, ids, MembershipChange::kAdd);
  REQUIRE(added);
  CHECK(added->contact_count == static_cast<int>(ids.size()));
  auto removed = change_members(*fx.platform, *added, {ids[0], ids[1]}, MembershipChange::kRemove);
  REQUIRE(removed);
  CHECK(removed->contact_count == static_cast<int>(ids.size()) - 2);
}

TEST_CASE("change_members: nothing to change returns the audience; a refusal says how many were done") {
  test::WorkspaceFixture fx;
  api::AudienceFields af;
  af.name = "Empty";
  auto audience = fx.platform->create_audience(af);
  REQUIRE(audience);
  auto same = change_members(*fx.platform, *audience, {}, MembershipChange::kAdd);
  REQUIRE(same);
  CHECK(same->id == audience->id);
  api::Audience missing = *audience;
  missing.id = "00000000-0000-4000-8000-000000000000";
  auto refused =
      change_members(*fx.platform, missing, {"00000000-0000-4000-8000-000000000001"}, MembershipChange::kAdd);
  REQUIRE(!refused);
  CHECK(refused.error().done == 0);
  CHECK(refused.error().error.http_status == 404);
}

}  // namespace gomo::contacts

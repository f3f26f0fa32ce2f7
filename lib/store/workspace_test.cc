#include "store/workspace.h"

#include <doctest/doctest.h>

#include "base/sha256.h"
#include "tests/support/test_support.h"

namespace gomo::store {

TEST_CASE("Workspace: creates the file and its folder, migrates once, reopens") {
  std::string path = test::scratch_dir() + "/nested/.gomo/workspace.db";
  std::string key;
  {
    auto ws = Workspace::open(path);
    REQUIRE(ws);
    CHECK((*ws)->schema_version() == Workspace::kSchemaVersion);
    auto org = (*ws)->create_organization("Acme Collections");
    REQUIRE(org);
    key = org->api_key;
    CHECK(key.rfind("gomo_", 0) == 0);
    CHECK(key.size() == 45);
    CHECK(org->organization.slug == "acme-collections");
  }
  auto again = Workspace::open(path);
  REQUIRE(again);
  CHECK((*again)->schema_version() == Workspace::kSchemaVersion);
  CHECK((*again)->organization_count() == 1);
  auto found = (*again)->organization_for_key(key);
  REQUIRE(found);
  CHECK(found->name == "Acme Collections");
  CHECK_FALSE((*again)->organization_for_key(key + "x"));
  CHECK_FALSE((*again)->organization_for_key(""));
  // Only the digest is stored: the key's text appears nowhere in the database files.
  std::string bytes = test::read_file(path);
  CHECK(bytes.find(key) == std::string::npos);
  CHECK(bytes.find(sha256_hex(key)) != std::string::npos);
}

TEST_CASE("Workspace: WAL mode, and a file from a newer gomo is refused") {
  std::string dir = test::scratch_dir();
  {
    auto ws = Workspace::open(dir + "/w.db");
    REQUIRE(ws);
    REQUIRE((*ws)->create_organization("Org one"));
  }
  // WAL mode is persistent in the file header (bytes 18 and 19 are 2 for WAL).
  std::string header = test::read_file(dir + "/w.db").substr(0, 20);
  CHECK(header[18] == 2);
  CHECK(header[19] == 2);
  CHECK_FALSE(Workspace::open("/proc/no/such/dir/w.db"));
}

TEST_CASE("Workspace: each organisation sees only its own rows") {
  auto ws = Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  auto a = (*ws)->create_organization("Org A");
  auto b = (*ws)->create_organization("Org B");
  REQUIRE(a);
  REQUIRE(b);
  auto pa = (*ws)->platform_for(a->organization.id);
  auto pb = (*ws)->platform_for(b->organization.id);
  api::ContactFields f;
  f.primary_phone = "+212612345678";
  auto c = pa->create_contact(f);
  REQUIRE(c);
  CHECK(pb->get_contact(c->id).error().http_status == 404);
  CHECK(pb->delete_contact(c->id).error().http_status == 404);
  // The same phone is a different contact in another organisation.
  CHECK(pb->create_contact(f));
  CHECK(pa->list_contacts({})->meta.total == 1);
  CHECK(pa->me()->organization.name == "Org A");
}

TEST_CASE("Workspace: an upsert batch is all or nothing") {
  auto ws = Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  auto org = (*ws)->create_organization("Org A");
  REQUIRE(org);
  auto p = (*ws)->platform_for(org->organization.id);
  std::vector<api::ContactFields> batch(2);
  batch[0].primary_phone = "+212600000001";
  batch[1].primary_phone = "+212600000002";
  batch[1].custom_attributes["not_defined"] = "1";  // refused: no such attribute
  auto r = p->upsert_contacts(batch);
  REQUIRE_FALSE(r);
  CHECK(r.error().field_errors.count("data.1.customAttributes.not_defined"));
  CHECK(p->list_contacts({})->meta.total == 0);
}

}  // namespace gomo::store

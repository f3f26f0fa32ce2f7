#include "local/workspace.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

#include "api/wire.h"
#include "tests/support/test_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::local {

TEST_CASE("local Workspace: creates the file and its folder, migrates once, reopens") {
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
  // How keys are stored (digests only) is lib/store's: store/workspace_test.cc checks it.
}

TEST_CASE("local Workspace: each organisation sees only its own rows") {
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

TEST_CASE("local Workspace: an upsert batch is all or nothing") {
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

TEST_CASE("local Workspace: an upsert that changes nothing leaves the contact alone and says unchanged") {
  test::WorkspaceFixture f;
  auto& p = f.platform;
  REQUIRE(p->create_custom_attribute({"Solde", std::nullopt, "number"}));
  std::vector<api::ContactFields> batch(2);
  batch[0].primary_phone = "+212600000001";
  batch[0].first_name = "Amina";
  batch[0].custom_attributes["solde"] = "30";
  batch[1].primary_phone = "+212600000002";
  auto first = p->upsert_contacts(batch);
  REQUIRE(first);
  CHECK(first->created == 2);
  const std::string stamped = first->contacts[0].updated_at;
  batch[0].custom_attributes["solde"] = "30.0";  // the same number
  batch[1].city = "Rabat";
  auto again = p->upsert_contacts(batch);
  REQUIRE(again);
  CHECK(again->created == 0);
  CHECK(again->updated == 1);
  CHECK(again->unchanged == 1);
  REQUIRE(again->contacts.size() == 2);
  CHECK(again->contacts[0].updated_at == stamped);
  CHECK(again->contacts[0].id == first->contacts[0].id);
  CHECK(again->contacts[1].fields.city == "Rabat");
}

TEST_CASE("local Workspace: an upsert answers each contact exactly as a later read does") {
  test::WorkspaceFixture f;
  auto& p = f.platform;
  REQUIRE(p->create_custom_attribute({"Solde", std::nullopt, "number"}));
  std::vector<api::ContactFields> batch(2);
  batch[0].primary_phone = "+212600000001";
  batch[0].first_name = "أمينة";
  batch[0].channels = std::vector<std::string>{"phone"};
  batch[0].custom_attributes["solde"] = "12.5";
  batch[1].primary_phone = "+212600000002";
  batch[1].city = "Rabat";
  // Created, then updated (merged with what is stored): both answers are the stored form.
  for (int round = 0; round < 2; ++round) {
    CAPTURE(round);
    auto r = p->upsert_contacts(batch);
    REQUIRE(r);
    REQUIRE(r->contacts.size() == 2);
    for (const auto& answered : r->contacts) {
      auto stored = p->get_contact(answered.id);
      REQUIRE(stored);
      CHECK(api::wire::encode(*stored).dump() == api::wire::encode(answered).dump());
    }
    batch[0].first_name.reset();
    batch[0].last_name = "Benali";
  }
}

TEST_CASE("local Workspace: an upsert counts new, changed and unchanged contacts exactly, in any mix") {
  auto ws = Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  auto a = (*ws)->create_organization("Org A");
  auto b = (*ws)->create_organization("Org B");
  REQUIRE(a);
  REQUIRE(b);
  auto p = (*ws)->platform_for(a->organization.id);
  auto other = (*ws)->platform_for(b->organization.id);
  auto phone = [](int i) { return "+2126000000" + std::to_string(10 + i); };
  // Org B has phone(1): the same phone in another organisation is a new contact of Org A.
  std::vector<api::ContactFields> theirs(1);
  theirs[0].primary_phone = phone(1);
  REQUIRE(other->upsert_contacts(theirs));
  std::vector<api::ContactFields> first(3);
  for (int i = 0; i < 3; ++i) first[i].primary_phone = phone(2 * i);  // 0, 2, 4
  REQUIRE(p->upsert_contacts(first)->created == 3);

  // Known and new alternate (0 to 5), then a run of new ones (6 7), then one phone twice in the
  // batch (8 created, then changed). The first 8 answers as it was before the second.
  std::vector<api::ContactFields> batch(10);
  for (int i = 0; i < 10; ++i) batch[i].primary_phone = phone(std::min(i, 8));
  batch[0].city = "Rabat";  // 0 changed; 2 and 4 unchanged (nothing but the phone sent)
  batch[9].city = "Fes";    // the second 8 changes the first
  auto r = p->upsert_contacts(batch);
  REQUIRE(r);
  CHECK(r->created == 6);    // 1 3 5 6 7 and the first 8
  CHECK(r->updated == 2);    // 0 and the second 8
  CHECK(r->unchanged == 2);  // 2 and 4
  REQUIRE(r->contacts.size() == batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    CAPTURE(i);
    CHECK(r->contacts[i].fields.primary_phone == batch[i].primary_phone);
    auto stored = p->get_contact(r->contacts[i].id);
    REQUIRE(stored);
    if (i != 8) CHECK(api::wire::encode(*stored).dump() == api::wire::encode(r->contacts[i]).dump());
  }
  CHECK(r->contacts[8].id == r->contacts[9].id);
  CHECK(p->list_contacts({})->meta.total == 9);
  CHECK(other->list_contacts({})->meta.total == 1);
}

TEST_CASE("local Workspace: open_existing and open_empty create nothing") {
  std::string dir = test::scratch_dir();
  auto missing = Workspace::open_existing(dir + "/.gomo/workspace.db");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code() == StatusCode::kNotFound);
  CHECK_FALSE(Workspace::exists(dir + "/.gomo"));
  auto empty = Workspace::open_empty(dir + "/.gomo/workspace.db");
  REQUIRE(empty);
  CHECK((*empty)->schema_version() == Workspace::kSchemaVersion);
  CHECK((*empty)->organizations().empty());
  CHECK((*empty)->path() == dir + "/.gomo/workspace.db");
  auto p = (*empty)->platform_for("");
  CHECK(p->list_contacts({})->meta.total == 0);
  CHECK(p->get_contact("x").error().http_status == 404);
  CHECK_FALSE(Workspace::exists(dir + "/.gomo"));
  {
    auto made = Workspace::open(dir + "/w.db");
    REQUIRE(made);
  }
  CHECK(Workspace::open_existing(dir + "/w.db"));
}

TEST_CASE("local Workspace: sole_organization creates one organisation, once, without a key") {
  auto ws = Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  auto first = (*ws)->sole_organization("Local organization");
  REQUIRE(first);
  CHECK(first->created);
  CHECK(first->organization.slug == "local-organization");
  auto again = (*ws)->sole_organization("Local organization");
  REQUIRE(again);
  CHECK_FALSE(again->created);
  CHECK(again->organization.id == first->organization.id);
  CHECK((*ws)->organization_count() == 1);
  // It can be used without a key, and a key can be made for it later.
  auto p = (*ws)->platform_for(first->organization.id);
  CHECK(p->me()->organization.name == "Local organization");
  auto key = (*ws)->create_api_key(first->organization.id);
  REQUIRE(key);
  CHECK(key->rfind("gomo_", 0) == 0);
  CHECK(key->size() == 45);
  CHECK((*ws)->organization_for_key(*key)->id == first->organization.id);
  auto unknown = (*ws)->create_api_key("no-such-org");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code() == StatusCode::kNotFound);
  // Several organisations: none is "the" one.
  REQUIRE((*ws)->create_organization("Second org"));
  CHECK_FALSE((*ws)->sole_organization("Local organization"));
  CHECK((*ws)->organization_count() == 2);
}

TEST_CASE("local Workspace: organisation names have 3 to 64 characters; slugs come from the name") {
  auto ws = Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  for (const std::string& bad : {std::string("ab"), std::string(65, 'x')}) {
    auto refused = (*ws)->create_organization(bad);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message() == "organisation name must have 3 to 64 characters");
    CHECK_FALSE((*ws)->sole_organization(bad));
  }
  CHECK((*ws)->organization_count() == 0);
  auto arabic = (*ws)->create_organization("Ø´Ø±ÙØ©");  // 4 characters, 8 bytes
  REQUIRE(arabic);
  CHECK_FALSE(arabic->organization.slug.empty());
  auto punctuation = (*ws)->create_organization("!!!");
  REQUIRE(punctuation);
  CHECK(punctuation->organization.slug == "org");
}

TEST_CASE("local Workspace: a platform keeps the workspace open after the Workspace is gone") {
  std::unique_ptr<api::Platform> platform;
  {
    auto ws = Workspace::open(test::scratch_dir() + "/w.db");
    REQUIRE(ws);
    auto org = (*ws)->create_organization("Org A");
    REQUIRE(org);
    platform = (*ws)->platform_for(org->organization.id);
  }
  api::ContactFields f;
  f.primary_phone = "+212612345678";
  REQUIRE(platform->create_contact(f));
  CHECK(platform->list_contacts({})->meta.total == 1);
  CHECK(platform->me()->organization.name == "Org A");
}

TEST_CASE("local Workspace: as api::Tenants, a key gives its organisation's platform") {
  auto ws = Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  auto a = (*ws)->create_organization("Org A");
  auto b = (*ws)->create_organization("Org B");
  REQUIRE(a);
  REQUIRE(b);
  api::Tenants& tenants = **ws;
  CHECK_FALSE(tenants.platform_for_key(""));
  CHECK_FALSE(tenants.platform_for_key(a->api_key + "x"));
  auto pb = tenants.platform_for_key(b->api_key);
  REQUIRE(pb);
  CHECK(pb->me()->organization.name == "Org B");
}

TEST_CASE("local Workspace: every workspace, even an empty one, has the system dictionaries") {
  api::DictionaryQuery with_system;
  with_system.include_system = true;
  auto empty = Workspace::open_empty(test::scratch_dir() + "/none.db");
  REQUIRE(empty);
  auto dictionaries = (*empty)->platform_for("")->list_dictionaries(with_system);
  REQUIRE(dictionaries);
  CHECK(dictionaries->meta.total == 3);
  std::string path = test::scratch_dir() + "/w.db";
  auto ws = Workspace::open(path);
  REQUIRE(ws);
  auto org = (*ws)->create_organization("Org A");
  REQUIRE(org);
  CHECK((*ws)->platform_for(org->organization.id)->list_dictionaries(with_system)->meta.total == 3);
  // Reopening adds none twice.
  auto again = Workspace::open_existing(path);
  REQUIRE(again);
  CHECK((*again)->platform_for(org->organization.id)->list_dictionaries(with_system)->meta.total == 3);
}

}  // namespace gomo::local

#include "contacts/upsert_target.h"

#include <doctest/doctest.h>

#include <fstream>

#include "contacts/upsert.h"
#include "tests/support/test_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::contacts {
namespace {

std::string write_csv(const std::string& text) {
  std::string path = test::scratch_dir() + "/target.csv";
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Three contacts already on the target: Amina and Omar (Casablanca), Sara (Rabat, solde 30).
void seed(api::Platform& platform) {
  REQUIRE(platform.create_custom_attribute({"Solde", std::nullopt, "number"}));
  std::vector<api::ContactFields> contacts(3);
  contacts[0].primary_phone = "+212612345678";
  contacts[0].first_name = "Amina";
  contacts[0].city = "Casablanca";
  contacts[1].primary_phone = "+212612345679";
  contacts[1].first_name = "Omar";
  contacts[1].city = "Casablanca";
  contacts[2].primary_phone = "+212612345680";
  contacts[2].first_name = "Sara";
  contacts[2].city = "Rabat";
  contacts[2].custom_attributes["solde"] = "30";
  REQUIRE(platform.upsert_contacts(contacts));
}

}  // namespace

TEST_CASE("sent_fields_hash: the mapped fields' values; a blank field differs from an empty one") {
  std::vector<std::string> header = {"phone", "first_name", "Solde"};
  auto map = map_columns(header, {});
  REQUIRE(map);
  RowRules rules;
  rules.header = &header;
  rules.map = &*map;
  rules.bind();
  // In a vector, not two locals: g++ 12 with the sanitizers warns (maybe-uninitialized) on the locals' strings.
  std::vector<api::ContactFields> two(2);
  api::ContactFields& a = two[0];
  api::ContactFields& b = two[1];
  a.primary_phone = "+212612345678";
  a.first_name = "Amina";
  a.city = "Rabat";  // not a column of this file: not in the hash
  b.primary_phone = "+33612345678";
  b.first_name = "Amina";
  CHECK(sent_fields_hash(a, rules) == sent_fields_hash(b, rules));
  b.first_name = "";
  CHECK(sent_fields_hash(a, rules) != sent_fields_hash(b, rules));
  b.first_name.reset();
  CHECK(sent_fields_hash(a, rules) != sent_fields_hash(b, rules));
}

TEST_CASE("upsert_csv: a dry run counts would-create, would-update and unchanged; the real run agrees") {
  test::WorkspaceFixture fx;
  seed(*fx.platform);
  UpsertRequest request;
  request.path = write_csv(
      "phone,first_name,city,Solde\n"
      "0612345678,Amina,Casablanca,\n"  // unchanged
      "0612345679,Omar,Fes,\n"          // updated: city
      "0612345680,Sara,Rabat,30\n"      // unchanged, attribute included
      "0612345681,Nadia,Tanger,12.5\n"  // created
      "0612345682,Bad,Rabat,not a number\n"
      "0612345681,Nadia,Tanger,12.5\n");  // a duplicate of the created one
  request.mapping.attributes.kind = AttributeChoice::Kind::kAuto;
  request.max_rejects = 10;
  request.dry_run = true;
  auto dry = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(dry);
  CHECK(dry->unknown_outcome.empty());
  CHECK(dry->sent == 4);
  CHECK(dry->created == 1);
  CHECK(dry->updated == 1);
  CHECK(dry->unchanged == 2);
  // With a rejects file the counts come from the second pass: the same.
  request.rejects_path = test::scratch_dir() + "/rejects.csv";
  auto with_rejects = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(with_rejects);
  CHECK(with_rejects->created == 1);
  CHECK(with_rejects->updated == 1);
  CHECK(with_rejects->unchanged == 2);

  request.dry_run = false;
  auto real = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(real);
  CHECK(real->sent == 4);
  CHECK(real->created == 1);
  CHECK(real->updated == 1);
  CHECK(real->unchanged == 2);
  // Again: nothing left to change, and the dry run says so too.
  auto again = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(again);
  CHECK(again->unchanged == 4);
  request.dry_run = true;
  request.rejects_path.clear();
  auto dry_again = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(dry_again);
  CHECK(dry_again->created == 0);
  CHECK(dry_again->updated == 0);
  CHECK(dry_again->unchanged == 4);
}

TEST_CASE("upsert_csv: a dry run with --on-duplicate merge compares the merged contact") {
  test::WorkspaceFixture fx;
  seed(*fx.platform);
  UpsertRequest request;
  // Amina's rows merge to what is stored; Omar's to a new city.
  request.path = write_csv(
      "phone,first_name,city\n0612345678,Amina,\n0612345679,Omar,\n0612345678,,Casablanca\n0612345679,,Fes\n");
  request.on_duplicate = OnDuplicate::kMerge;
  request.dry_run = true;
  auto dry = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(dry);
  CHECK(dry->sent == 2);
  CHECK(dry->created == 0);
  CHECK(dry->updated == 1);
  CHECK(dry->unchanged == 1);
}

TEST_CASE("upsert_csv: a dry run into an empty target would create every contact sent") {
  test::WorkspaceFixture fx;
  UpsertRequest request;
  request.path = write_csv("phone,first_name\n0612345678,Amina\n0612345679,Omar\n");
  request.dry_run = true;
  auto dry = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(dry);
  CHECK(dry->created == 2);
  CHECK(dry->updated + dry->unchanged == 0);
}

}  // namespace gomo::contacts

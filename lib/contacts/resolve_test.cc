#include "contacts/resolve.h"

#include <doctest/doctest.h>

#include "api/validate_programs.h"
#include "tests/support/test_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::contacts {

namespace {

struct Fixture : test::WorkspaceFixture {
  std::string contact(const std::string& phone) {
    api::ContactFields f;
    f.primary_phone = phone;
    auto c = platform->create_contact(f);
    REQUIRE(c);
    return c->id;
  }
  std::string audience(const std::string& name) {
    api::AudienceFields f;
    f.name = name;
    auto a = platform->create_audience(f);
    REQUIRE(a);
    return a->id;
  }
};

}  // namespace

TEST_CASE("api::is_uuid (ids told from names) and list_file_entry") {
  CHECK(api::is_uuid("3f2b1c4e-0000-4000-8000-00000000abcd"));
  CHECK(api::is_uuid("3F2B1C4E-0000-4000-8000-00000000ABCD"));
  CHECK_FALSE(api::is_uuid("3f2b1c4e-0000-4000-8000-00000000abc"));
  CHECK_FALSE(api::is_uuid("3f2b1c4e00000-4000-8000-00000000abcd"));
  CHECK_FALSE(api::is_uuid("VIP"));
  CHECK(list_file_entry("  +212612345678 \r\n") == "+212612345678");
  CHECK(list_file_entry("# header").empty());
  CHECK(list_file_entry("   ").empty());
}

TEST_CASE("find_contact: by id, by phone in any form, not found, malformed phone") {
  Fixture f;
  const std::string id = f.contact("+212612345678");
  auto by_id = find_contact(*f.platform, id, "MA");
  REQUIRE(by_id);
  CHECK(by_id->fields.primary_phone == "+212612345678");
  for (const char* phone : {"+212612345678", "0612345678", "+212 6 12 34 56 78"}) {
    auto by_phone = find_contact(*f.platform, phone, "MA");
    REQUIRE_MESSAGE(by_phone, phone);
    CHECK(by_phone->id == id);
  }
  auto missing = find_contact(*f.platform, "+212612345679", "MA");
  REQUIRE_FALSE(missing);
  CHECK_FALSE(missing.error().usage);
  CHECK(missing.error().api.http_status == 404);
  CHECK(missing.error().api.message == "Contact with phone +212612345679 not found");
  auto bad = find_contact(*f.platform, "+2126", "MA");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().usage);
  CHECK(bad.error().message.find("[too_short]") != std::string::npos);
  auto unknown_id = find_contact(*f.platform, "3f2b1c4e-0000-4000-8000-00000000abcd", "MA");
  REQUIRE_FALSE(unknown_id);
  CHECK(unknown_id.error().api.code == "NOT_FOUND");
}

TEST_CASE("contact_ids_for: ids and phones, in order, without repeats; one listing for many phones") {
  Fixture f;
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(f.contact("+21261234567" + std::to_string(i)));
  // Few contacts (one page): five phones take one listing rather than five searches.
  auto got = contact_ids_for(*f.platform, {"0612345672", ids[0], "+212612345672", "+212 6 12 34 56 74"}, "MA");
  REQUIRE(got);
  CHECK(*got == std::vector<std::string>{ids[2], ids[0], ids[4]});
  // One phone, one search.
  auto one = contact_ids_for(*f.platform, {"+212612345671"}, "MA");
  REQUIRE(one);
  CHECK(*one == std::vector<std::string>{ids[1]});

  auto missing = contact_ids_for(*f.platform, {"+212612345678", "+212612345679", ids[0]}, "MA");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().api.http_status == 404);
  CHECK(missing.error().api.message == "Contacts with phones +212612345678, +212612345679 not found");
  auto bad = contact_ids_for(*f.platform, {ids[0], "+2126"}, "MA");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().usage);
}

TEST_CASE("find_audience: by id, by exact name; ambiguous names and unknown names") {
  Fixture f;
  const std::string vip = f.audience("VIP");
  f.audience("VIP customers");
  const std::string twin1 = f.audience("Casablanca"), twin2 = f.audience("Casablanca");
  auto by_id = find_audience(*f.platform, vip);
  REQUIRE(by_id);
  CHECK(by_id->name == "VIP");
  auto by_name = find_audience(*f.platform, "VIP");
  REQUIRE(by_name);
  CHECK(by_name->id == vip);

  auto ambiguous = find_audience(*f.platform, "Casablanca");
  REQUIRE_FALSE(ambiguous);
  CHECK(ambiguous.error().usage);
  CHECK(ambiguous.error().message.find("2 audiences are named \"Casablanca\"") == 0);
  CHECK(ambiguous.error().message.find(twin1) != std::string::npos);
  CHECK(ambiguous.error().message.find(twin2) != std::string::npos);

  auto unknown = find_audience(*f.platform, "VI");  // not exact: the search finds close names
  REQUIRE_FALSE(unknown);
  CHECK_FALSE(unknown.error().usage);
  CHECK(unknown.error().api.http_status == 404);
  CHECK(unknown.error().api.message.find("Audience \"VI\" not found; similar: ") == 0);
  auto none = find_audience(*f.platform, "3f2b1c4e-0000-4000-8000-00000000abcd");
  REQUIRE_FALSE(none);
  CHECK(none.error().api.message == "Audience \"3f2b1c4e-0000-4000-8000-00000000abcd\" not found");
}

TEST_CASE("find_dictionary: by id or exact name, the system ones too; twins and unknown names") {
  Fixture f;
  auto ours = f.platform->create_dictionary({std::string("Nos chiffres"), std::nullopt, std::string("fr")});
  REQUIRE(ours);
  auto by_id = find_dictionary(*f.platform, ours->id);
  REQUIRE(by_id);
  CHECK(by_id->name == "Nos chiffres");
  auto by_name = find_dictionary(*f.platform, "Nos chiffres");
  REQUIRE(by_name);
  CHECK(by_name->id == ours->id);
  auto system = find_dictionary(*f.platform, "System numbers and dates (French)");
  REQUIRE(system);
  CHECK(system->is_system);

  auto twin = f.platform->create_dictionary({std::string("Nos chiffres"), std::nullopt, std::string("ar")});
  REQUIRE(twin);
  auto ambiguous = find_dictionary(*f.platform, "Nos chiffres");
  REQUIRE_FALSE(ambiguous);
  CHECK(ambiguous.error().usage);
  CHECK(ambiguous.error().message.find("2 dictionaries are named \"Nos chiffres\"") == 0);
  CHECK(ambiguous.error().message.find(twin->id) != std::string::npos);

  auto unknown = find_dictionary(*f.platform, "Nos chif");
  REQUIRE_FALSE(unknown);
  CHECK_FALSE(unknown.error().usage);
  CHECK(unknown.error().api.http_status == 404);
  CHECK(unknown.error().api.message == "Dictionary \"Nos chif\" not found; gomo dictionaries list --system shows them");
}

TEST_CASE("list_all_*: every page") {
  Fixture f;
  for (int i = 0; i < 105; ++i) f.audience("Audience " + std::to_string(i));
  auto all = list_all_audiences(*f.platform, {});
  REQUIRE(all);
  CHECK(all->size() == 105);
  auto few = list_all_audiences(*f.platform, {}, 7);
  REQUIRE(few);
  CHECK(few->size() == 7);
  auto attrs = list_all_custom_attributes(*f.platform, {});
  REQUIRE(attrs);
  CHECK(attrs->empty());
}

}  // namespace gomo::contacts

#include "contacts/csv_contact.h"

#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo::contacts;

TEST_CASE("csv contact: a semicolon file with first_name/last_name, attributes by slug") {
  auto dir = gomo::test::scratch_dir();
  auto csv = gomo::test::write_file(dir, "c.csv",
                                    "\xEF\xBB\xBFID;Téléphone;first_name;last_name;Date échéance;vide\r\n"
                                    "c-1;+212600000001;Amina;Benali;2026-01-31;\r\n"
                                    "c-2;0600000002;\"Hélène; B.\";العلوي;2026-02-28;\r\n");
  MappingOptions options;
  options.attributes.kind = AttributeChoice::Kind::kAuto;
  auto c = read_csv_contact(csv, 2, options);
  REQUIRE(c.has_value());
  CHECK(c->id == "c-2");
  CHECK(c->fields.at("primaryPhone") == "0600000002");
  CHECK(c->fields.at("firstName") == "Hélène; B.");
  CHECK(c->fields.at("lastName") == "العلوي");
  CHECK(c->attributes == std::map<std::string, std::string>{{"date_echeance", "2026-02-28"}});

  auto missing = read_csv_contact(csv, 3, options);
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().message() == csv + ": there is no data row 3 (the file has 2)");
}

TEST_CASE("csv contact: bad rows and files that are not CSV are errors with positions") {
  auto dir = gomo::test::scratch_dir();
  auto ragged = gomo::test::write_file(dir, "r.csv", "phone,name\n+1,A\n+2,B,extra\n");
  auto r = read_csv_contact(ragged, 2, {});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message() == ragged +
                                   ":3: row 2 (line 3) has 3 fields, the header has 2 (column 3 is extra); quote "
                                   "fields that contain the delimiter ','");
  CHECK(read_csv_contact(ragged, 1, {}).has_value());
  auto json = gomo::test::write_file(dir, "j.csv", "{\"phone\": 1}\n");
  auto j = read_csv_contact(json, 1, {});
  REQUIRE_FALSE(j.has_value());
  CHECK(j.error().message().find("looks like a JSON document") != std::string::npos);
  auto nophone = gomo::test::write_file(dir, "n.csv", "name,city\nA,B\n");
  auto n = read_csv_contact(nophone, 1, {});
  REQUIRE_FALSE(n.has_value());
  CHECK(n.error().message().find(nophone + ": line 1: no phone column") == 0);
  CHECK_FALSE(read_csv_contact(dir + "/missing.csv", 1, {}).has_value());
}

TEST_CASE("csv contact: the sample CRM export with the sample mapping file") {
  auto mapping = load_mapping_file(gomo::test::source_path("tests/fixtures/contacts/mapping.yaml"));
  REQUIRE(mapping.has_value());
  auto c = read_csv_contact(gomo::test::source_path("tests/fixtures/contacts/crm-export.csv"), 3, *mapping);
  REQUIRE(c.has_value());
  CHECK(c->fields == std::map<std::string, std::string>{
                         {"primaryPhone", "0661000000"}, {"fullName", "يوسف العلوي"}, {"city", "الرباط"}});
  CHECK(c->attributes == std::map<std::string, std::string>{{"date_echeance", "2026-03-31"}, {"solde", "1 200,00"}});
  // Without the mapping: Portable is the phone (`Tel fixe` is no alias) and Client is no field.
  auto plain = read_csv_contact(gomo::test::source_path("tests/fixtures/contacts/crm-export.csv"), 1, {});
  REQUIRE(plain.has_value());
  CHECK(plain->fields.at("primaryPhone") == "06 12 34 56 78");
  CHECK(plain->fields.count("fullName") == 0);
}

#include "api/validate.h"

#include <doctest/doctest.h>

namespace gomo::api {

TEST_CASE("validate_contact: create needs primaryPhone; lengths, email and gender follow the docs") {
  ContactFields f;
  auto e = validate_contact(f, true);
  REQUIRE(e);
  CHECK(e->http_status == 400);
  CHECK(e->code == "VALIDATION_FAILED");
  CHECK(e->field_errors.at("primaryPhone").at(0) == "primaryPhone should not be empty");
  CHECK_FALSE(validate_contact(f, false));  // update: nothing required

  f.primary_phone = "12";
  f.first_name = "A";
  f.primary_email = "not-an-email";
  f.gender = "other";
  f.address = std::string(257, 'x');
  e = validate_contact(f, true);
  REQUIRE(e);
  CHECK(e->field_errors.at("primaryPhone").at(0) == "primaryPhone must be longer than or equal to 3 characters");
  CHECK(e->field_errors.at("firstName").at(0) == "firstName must be longer than or equal to 2 characters");
  CHECK(e->field_errors.at("primaryEmail").at(0) == "primaryEmail must be an email");
  CHECK(e->field_errors.at("gender").at(0) == "gender must be one of the following values: male, female");
  CHECK(e->field_errors.at("address").at(0) == "address must be shorter than or equal to 256 characters");

  ContactFields good;
  good.primary_phone = "+212612345678";
  good.first_name = "Amina";
  good.primary_email = "amina@example.ma";
  good.gender = "female";
  good.custom_attributes["age"] = "30";
  CHECK_FALSE(validate_contact(good, true));
}

TEST_CASE("first_contact_problem: validate_contact's first finding, with its kind") {
  ContactFields f;
  auto missing = first_contact_problem(f, true);
  REQUIRE(missing);
  CHECK(missing->field == "primaryPhone");
  CHECK(missing->fault == FieldFault::kMissing);
  CHECK(missing->message == "primaryPhone should not be empty");
  CHECK_FALSE(first_contact_problem(f, false));

  f.primary_phone = "+212612345678";
  struct Case {
    std::optional<std::string> ContactFields::*member;
    std::string value, field;
    FieldFault fault;
  };
  for (const Case& c : {Case{&ContactFields::first_name, "A", "firstName", FieldFault::kTooShort},
                        Case{&ContactFields::city, std::string(65, 'x'), "city", FieldFault::kTooLong},
                        Case{&ContactFields::gender, "other", "gender", FieldFault::kNotOneOf},
                        Case{&ContactFields::primary_email, "not-an-email", "primaryEmail", FieldFault::kBadFormat}}) {
    ContactFields one = f;
    one.*c.member = c.value;
    auto found = first_contact_problem(one, true);
    REQUIRE_MESSAGE(found, c.field);
    CHECK(found->field == c.field);
    CHECK(found->fault == c.fault);
    CHECK(found->message == validate_contact(one, true)->field_errors.at(c.field).at(0));
  }
  // Several: the first field by name, as field_errors lists them.
  ContactFields two = f;
  two.zip = "1";
  two.city = "x";
  auto first = first_contact_problem(two, true);
  REQUIRE(first);
  CHECK(first->field == "city");
  CHECK(first->fault == FieldFault::kTooShort);
  CHECK_FALSE(first_contact_problem(f, true));
}

TEST_CASE("validate: lengths count characters, not bytes") {
  ContactFields f;
  f.primary_phone = "+212600000000";
  f.first_name = "عل";  // two Arabic letters, four bytes
  CHECK_FALSE(validate_contact(f, true));
  f.first_name = std::string(64, 'a');
  CHECK_FALSE(validate_contact(f, true));
  f.first_name = std::string(65, 'a');
  CHECK(validate_contact(f, true));
}

TEST_CASE("attribute_slug: the platform's name for a display name") {
  CHECK(attribute_slug("Last payment date") == "last_payment_date");
  CHECK(attribute_slug("  Amount (MAD) due ") == "amount_mad_due");
  CHECK(attribute_slug("Zone-2") == "zone_2");
  CHECK(attribute_slug("éé") == "ee");
  NewCustomAttribute a{"Due", std::nullopt, "money"};
  auto e = validate_new_custom_attribute(a);
  REQUIRE(e);
  CHECK(e->field_errors.count("type"));
  a.type = "number";
  CHECK_FALSE(validate_new_custom_attribute(a));
}

TEST_CASE("attribute_slug: letters of every script are letters; Latin accents become ASCII") {
  CHECK(attribute_slug("Date échéance") == "date_echeance");
  CHECK(attribute_slug("Ça coûte (€)") == "ca_coute");
  CHECK(attribute_slug("Straße Nº 5") == "strasse_no_5");
  CHECK(attribute_slug("Ștefan Łódź") == "stefan_lodz");
  CHECK(attribute_slug("Date e\xCC\x81"
                       "che\xCC\x81"
                       "ance") == "date_echeance");  // accents written apart
  CHECK(attribute_slug("الرصيد") == "الرصيد");
  CHECK(attribute_slug("الرَّصِيد المتبقي") == "الرصيد_المتبقي");  // harakat dropped, words joined
  CHECK(attribute_slug("مبلغ ٣٠٠") == "مبلغ_300");
  CHECK(attribute_slug("Сумма долга") == "сумма_долга");
  CHECK(attribute_slug("残高") == "残高");
  CHECK(attribute_slug("ⵜⴰⵎⴰⵣⵉⵖⵜ") == "ⵜⴰⵎⴰⵣⵉⵖⵜ");  // Tifinagh
  CHECK(attribute_slug("«…» — ، ؟") == "");
  CHECK(attribute_slug("\xFF\xFE"
                       "ab") == "ab");  // malformed bytes separate, never leak into the name

  NewCustomAttribute arabic{"الرصيد", std::nullopt, "number"};
  CHECK_FALSE(validate_new_custom_attribute(arabic));
  NewCustomAttribute symbols{"«؟»", std::nullopt, "number"};
  auto e = validate_new_custom_attribute(symbols);
  REQUIRE(e);
  CHECK(e->field_errors.at("displayName").at(0) == "displayName must contain a letter or a digit");
}

TEST_CASE("validate_page_query: limit 1..100, known sort fields") {
  PageQuery q;
  CHECK_FALSE(validate_page_query(q, {"createdAt"}));
  q.limit = 101;
  q.sort_by = "city";
  q.sort_order = "up";
  auto e = validate_page_query(q, {"createdAt", "firstName"});
  REQUIRE(e);
  CHECK(e->field_errors.at("limit").at(0) == "limit must not be greater than 100");
  CHECK(e->field_errors.at("sortBy").at(0) == "sortBy must be one of the following values: createdAt, firstName");
  CHECK(e->field_errors.count("sortOrder"));
}

TEST_CASE("validate_flow: graph must be an object with startNodeId and nodes") {
  FlowFields f{"Greeting", std::nullopt, R"({"startNodeId":"a","nodes":[]})"};
  CHECK_FALSE(validate_flow(f, true));
  f.graph_json = "[1]";
  CHECK(validate_flow(f, true));
  f.graph_json = R"({"nodes":{}})";
  auto e = validate_flow(f, true);
  REQUIRE(e);
  CHECK(e->field_errors.at("graph").at(0) == "graph.startNodeId must be a string");
}

}  // namespace gomo::api

#include "contacts/contact_input.h"

#include <doctest/doctest.h>

#include <sstream>

#include "tests/support/test_support.h"

namespace gomo::contacts {

namespace {

api::CustomAttribute attribute(const std::string& name, const std::string& type, const std::string& display = "") {
  api::CustomAttribute a;
  a.name = name;
  a.display_name = display.empty() ? name : display;
  a.type = type;
  return a;
}

}  // namespace

TEST_CASE("attribute_value_json: numbers, booleans and arrays as JSON, else strings") {
  CHECK(attribute_value_json("30") == "30");
  CHECK(attribute_value_json("-2.5") == "-2.5");
  CHECK(attribute_value_json("true") == "true");
  CHECK(attribute_value_json("null") == "null");
  CHECK(attribute_value_json("[\"tech\",\"sport\"]") == "[\"tech\",\"sport\"]");
  CHECK(attribute_value_json("tech") == "\"tech\"");
  CHECK(attribute_value_json("007") == "\"007\"");
  CHECK(attribute_value_json("+212612345678") == "\"+212612345678\"");
  CHECK(attribute_value_json("") == "\"\"");
  CHECK(attribute_value_json("say \"hi\"") == "\"say \\\"hi\\\"\"");
}

TEST_CASE("attribute_value_for_type: typed by the account's attribute") {
  CHECK(*attribute_value_for_type("age", "30", "number") == "30");
  auto not_number = attribute_value_for_type("age", "thirty", "number");
  REQUIRE_FALSE(not_number);
  CHECK(not_number.error().message() == "\"thirty\" is not a number (age is a number attribute)");
  CHECK(*attribute_value_for_type("vip", "false", "boolean") == "false");
  CHECK_FALSE(attribute_value_for_type("vip", "yes", "boolean"));
  CHECK(*attribute_value_for_type("zip", "20000", "text") == "\"20000\"");
  CHECK(*attribute_value_for_type("tags", "[\"a\"]", "text") == "[\"a\"]");
  CHECK(*attribute_value_for_type("since", "2024-01-31", "date") == "\"2024-01-31\"");
  // Dates, emails and URLs are strings of a shape: one that is not is refused before anything is sent.
  CHECK(attribute_value_for_type("since", "tomorrow", "date").error().message() ==
        "\"tomorrow\" is not a date (YYYY-MM-DD) (since is a date attribute)");
  CHECK(attribute_value_for_type("contact", "nobody@", "email").error().message() ==
        "\"nobody@\" is not an email address (contact is an email attribute)");
  CHECK_FALSE(attribute_value_for_type("site", "example.ma", "url"));
  CHECK(*attribute_value_for_type("site", "https://example.ma", "url") == "\"https://example.ma\"");
  CHECK(*attribute_value_for_type("other_phone", "0612345678", "phone_number") == "\"+212612345678\"");
  auto bad_phone = attribute_value_for_type("other_phone", "12", "phone_number");
  REQUIRE_FALSE(bad_phone);
  CHECK(bad_phone.error().message().find("[too_short]") != std::string::npos);
}

TEST_CASE("contact_draft: flags, attributes and the phone in E.164") {
  ContactInput in;
  in.fields = {{"primaryPhone", "06 12 34 56 78"}, {"firstName", "Amina"}, {"city", "Rabat"}};
  in.attributes = {"age=30", "plan=gold", "age=31"};
  auto d = contact_draft(in);
  REQUIRE(d);
  CHECK(d->fields.primary_phone == "+212612345678");
  CHECK(d->fields.first_name == "Amina");
  CHECK(d->fields.city == "Rabat");
  CHECK_FALSE(d->fields.last_name);
  CHECK(d->fields.custom_attributes == std::map<std::string, std::string>{{"age", "31"}, {"plan", "\"gold\""}});
  CHECK(d->attribute_texts.at("age") == "31");

  ContactInput bad_attr;
  bad_attr.attributes = {"=3"};
  CHECK(contact_draft(bad_attr).error().message().find("expected NAME=VALUE") != std::string::npos);
  bad_attr.attributes = {"age"};
  CHECK_FALSE(contact_draft(bad_attr));

  ContactInput bad_phone;
  bad_phone.fields = {{"primaryPhone", "hello"}};
  auto refused = contact_draft(bad_phone);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code() == StatusCode::kInvalidArgument);
  CHECK(refused.error().message() == "primaryPhone: \"hello\" is not a phone number [not_a_number]");

  ContactInput fr;
  fr.fields = {{"primaryPhone", "0612345678"}};
  fr.region = "FR";
  CHECK(contact_draft(fr)->fields.primary_phone == "+33612345678");
  CHECK(is_empty(api::ContactFields{}));
  CHECK_FALSE(is_empty(d->fields));
}

TEST_CASE("contact_draft: JSON and YAML bodies, flags over them, read-only fields dropped") {
  ContactInput yaml;
  yaml.body_name = "amina.yaml";
  yaml.body_text = "primaryPhone: '0612345678'\nfirstName: Amina\ncustomAttributes:\n  age: 30\n  interests: [tech]\n";
  yaml.fields = {{"firstName", "Nadia"}};
  auto d = contact_draft(yaml);
  REQUIRE_MESSAGE(d, d.error().message());
  CHECK(d->fields.primary_phone == "+212612345678");
  CHECK(d->fields.first_name == "Nadia");
  CHECK(d->fields.custom_attributes.at("age") == "30");
  CHECK(d->fields.custom_attributes.at("interests") == "[\"tech\"]");
  CHECK(d->attribute_texts.empty());

  // What `contacts get -o json` prints can be edited and sent back.
  ContactInput got;
  got.body_name = "c.json";
  got.body_text =
      R"({"id":"x","organizationId":"o","primaryPhone":"+212612345678","city":"Fes","createdAt":"t","updatedAt":"t"})";
  auto g = contact_draft(got);
  REQUIRE_MESSAGE(g, g.error().message());
  CHECK(g->fields.city == "Fes");

  ContactInput extra;
  extra.body_name = "c.json";
  extra.body_text = R"({"primaryPhone":"+212612345678","mobile":"x"})";
  CHECK(contact_draft(extra).error().message() == "c.json: mobile: property mobile should not exist");
  ContactInput syntax;
  syntax.body_name = "c.json";
  syntax.body_text = "{\"primaryPhone\": }";
  CHECK(contact_draft(syntax).error().message().find("c.json:1:") == 0);
  ContactInput list;
  list.body_name = "c.yaml";
  list.body_text = "- a\n- b\n";
  CHECK(contact_draft(list).error().message().find("expected an object") != std::string::npos);
}

TEST_CASE("fit_attribute_types: unknown names, --attr re-typed, body values checked") {
  const std::vector<api::CustomAttribute> catalog = {attribute("age", "number"), attribute("zip_code", "text"),
                                                     attribute("last_payment", "date", "Last payment")};
  ContactInput in;
  in.attributes = {"zip_code=20000", "age=30"};
  auto d = contact_draft(in);
  REQUIRE(d);
  CHECK(d->fields.custom_attributes.at("zip_code") == "20000");  // typed as a number until the type is known
  REQUIRE(fit_attribute_types(*d, catalog).is_ok());
  CHECK(d->fields.custom_attributes.at("zip_code") == "\"20000\"");
  CHECK(d->fields.custom_attributes.at("age") == "30");

  ContactInput display;
  display.attributes = {"Last payment=2024-01-31"};
  auto dd = contact_draft(display);
  auto s = fit_attribute_types(*dd, catalog);
  CHECK(s.message().find("unknown custom attribute \"Last payment\"; did you mean \"last_payment\"?") == 0);
  ContactInput typo;
  typo.attributes = {"agee=3"};
  auto dt = contact_draft(typo);
  CHECK(fit_attribute_types(*dt, catalog).message() ==
        "unknown custom attribute \"agee\"; did you mean \"age\"? (attributes: age, zip_code, last_payment)");
  CHECK(fit_attribute_types(*dt, {}).message().find("the account has none") != std::string::npos);
  ContactInput wrong_type;
  wrong_type.attributes = {"last_payment=soon"};
  auto dw = contact_draft(wrong_type);
  CHECK(fit_attribute_types(*dw, catalog).message() ==
        "--attr last_payment: \"soon\" is not a date (YYYY-MM-DD) (last_payment is a date attribute)");

  ContactInput body;
  body.body_text = R"({"customAttributes":{"age":"thirty"}})";
  auto db = contact_draft(body);
  REQUIRE(db);
  CHECK(fit_attribute_types(*db, catalog).message() == "customAttributes.age: \"thirty\" is not a number value");
}

TEST_CASE("read_input: a file or stdin") {
  std::string dir = test::scratch_dir();
  std::string path = test::write_file(dir, "ids.txt", "a\nb\n");
  std::istringstream none;
  CHECK(*read_input(path, none) == "a\nb\n");
  std::istringstream in("from stdin");
  CHECK(*read_input("-", in) == "from stdin");
  CHECK(read_input(dir + "/missing.txt", none).error().code() == StatusCode::kNotFound);
}

}  // namespace gomo::contacts

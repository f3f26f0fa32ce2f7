#include "contacts/column_map.h"

#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo::contacts;

namespace {

std::string field_at(const ColumnMap& map, std::string_view field, const std::vector<std::string>& header) {
  const FieldColumn* f = map.find(field);
  return f ? header[f->column] : "";
}

std::string error_of(const std::vector<std::string>& header, const MappingOptions& options = {}) {
  auto map = map_columns(header, options);
  return map ? "ok" : map.error().message();
}

}  // namespace

TEST_CASE("column map: aliases in English, French and Arabic, any case, spacing, punctuation or accents") {
  std::vector<std::string> header = {"Téléphone", "Prénom", "NOM", "E-mail", "Code Postal", "Ville", "Sexe"};
  auto map = map_columns(header, {});
  REQUIRE(map.has_value());
  CHECK(field_at(*map, "primaryPhone", header) == "Téléphone");
  CHECK(field_at(*map, "firstName", header) == "Prénom");
  CHECK(field_at(*map, "lastName", header) == "NOM");
  CHECK(field_at(*map, "primaryEmail", header) == "E-mail");
  CHECK(field_at(*map, "zip", header) == "Code Postal");
  CHECK(field_at(*map, "city", header) == "Ville");
  CHECK(field_at(*map, "gender", header) == "Sexe");
  CHECK(map->find("occupation") == nullptr);

  std::vector<std::string> english = {"Phone Number", "First Name", "last_name", "email", "Full-Name", "msisdn_x"};
  auto en = map_columns(english, {});
  REQUIRE(en.has_value());
  CHECK(field_at(*en, "primaryPhone", english) == "Phone Number");
  CHECK(field_at(*en, "firstName", english) == "First Name");
  CHECK(field_at(*en, "lastName", english) == "last_name");
  CHECK(field_at(*en, "fullName", english) == "Full-Name");
  CHECK(en->unused == std::vector<size_t>{5});  // attributes: none by default

  std::vector<std::string> arabic = {"رقم الهاتف", "الاسم الأول", "اللقب", "المدينة"};
  auto ar = map_columns(arabic, {});
  REQUIRE(ar.has_value());
  CHECK(field_at(*ar, "primaryPhone", arabic) == "رقم الهاتف");
  CHECK(field_at(*ar, "firstName", arabic) == "الاسم الأول");
  CHECK(field_at(*ar, "lastName", arabic) == "اللقب");
  CHECK(field_at(*ar, "city", arabic) == "المدينة");

  std::vector<std::string> api = {"primaryPhone", "firstName", "lastName", "preferredChannel"};
  auto same = map_columns(api, {});
  REQUIRE(same.has_value());
  CHECK(same->fields.size() == 4);
  CHECK(same->fields[3].field == "preferredChannel");
}

TEST_CASE("column map: attributes auto, none and a list, named by slugs") {
  std::vector<std::string> header = {"mobile", "Date échéance", "الرصيد", "plan", "---"};
  MappingOptions options;
  options.attributes.kind = AttributeChoice::Kind::kAuto;
  auto map = map_columns(header, options);
  REQUIRE(map.has_value());
  REQUIRE(map->attributes.size() == 3);
  CHECK(map->attributes[0].name == "date_echeance");
  CHECK(map->attributes[0].header == "Date échéance");
  CHECK(map->attributes[0].column == 1);
  CHECK(map->attributes[1].name == "الرصيد");
  CHECK(map->attributes[2].name == "plan");
  CHECK(map->unused == std::vector<size_t>{4});

  options.attributes = {AttributeChoice::Kind::kList, {"plan", "date echeance"}};
  auto listed = map_columns(header, options);
  REQUIRE(listed.has_value());
  REQUIRE(listed->attributes.size() == 2);
  CHECK(listed->attributes[0].name == "date_echeance");
  CHECK(listed->attributes[1].name == "plan");
  CHECK(listed->unused == std::vector<size_t>{2, 4});

  options.attributes = {AttributeChoice::Kind::kList, {"balance"}};
  CHECK(error_of(header, options).find("--attributes balance: there is no column `balance` in the header") == 0);
  options.attributes = {AttributeChoice::Kind::kList, {"mobile"}};
  CHECK(error_of(header, options).find("is the contact field primaryPhone, not an attribute") != std::string::npos);
  options.attributes.kind = AttributeChoice::Kind::kAuto;
  CHECK(error_of({"phone", "Plan", "plan"}, options) ==
        "columns `Plan` and `plan` would both become the attribute `plan`; rename one, or list the attribute columns "
        "with --attributes");
}

TEST_CASE("column map: overrides, and the errors that say how to fix the mapping") {
  std::vector<std::string> header = {"Numéro", "Client", "Tel fixe", "Portable"};
  CHECK(error_of(header) ==
        "columns `Numéro` (column 1) and `Portable` (column 4) both look like primaryPhone; "
        "choose one with --map primaryPhone=COLUMN");
  MappingOptions options;
  REQUIRE(add_override(options, "phone=Portable").is_ok());
  REQUIRE(add_override(options, "fullName=client").is_ok());
  auto map = map_columns(header, options);
  REQUIRE(map.has_value());
  CHECK(field_at(*map, "primaryPhone", header) == "Portable");
  CHECK(field_at(*map, "fullName", header) == "Client");
  CHECK(map->unused == std::vector<size_t>{0, 2});

  // A later override of the same field wins (--map over a mapping file).
  REQUIRE(add_override(options, "primaryPhone=Numéro").is_ok());
  auto later = map_columns(header, options);
  REQUIRE(later.has_value());
  CHECK(field_at(*later, "primaryPhone", header) == "Numéro");

  CHECK(error_of({"name", "city"}) ==
        "no phone column: none of the columns (`name`, `city`) is named like a phone number (phone, mobile, tel, "
        "telephone, msisdn, ...); name it with --map primaryPhone=COLUMN");
  MappingOptions bad;
  bad.overrides = {{"birthday", "Client"}};
  CHECK(error_of(header, bad)
            .find("--map birthday=Client: unknown contact field `birthday`; expected one of "
                  "primaryPhone firstName") == 0);
  bad.overrides = {{"phone", "Mobile"}};
  CHECK(error_of(header, bad) ==
        "--map phone=Mobile: there is no column `Mobile` in the header (the columns are `Numéro`, `Client`, `Tel "
        "fixe`, `Portable`); give a column name as it is written there");
  bad.overrides = {{"phone", "Portable"}, {"firstName", "Portable"}};
  CHECK(error_of(header, bad).find("column `Portable` is already mapped to primaryPhone") != std::string::npos);
  CHECK_FALSE(add_override(bad, "phone").is_ok());
  CHECK_FALSE(add_override(bad, "=x").is_ok());
}

TEST_CASE("column map: --attributes values") {
  CHECK(parse_attribute_choice("auto")->kind == AttributeChoice::Kind::kAuto);
  CHECK(parse_attribute_choice("none")->kind == AttributeChoice::Kind::kNone);
  auto list = parse_attribute_choice("plan,Date échéance");
  REQUIRE(list.has_value());
  CHECK(list->kind == AttributeChoice::Kind::kList);
  CHECK(list->columns == std::vector<std::string>{"plan", "Date échéance"});
  CHECK_FALSE(parse_attribute_choice(",").has_value());
}

TEST_CASE("column map: mapping files, with positioned errors") {
  auto dir = gomo::test::scratch_dir();
  auto yaml =
      gomo::test::write_file(dir, "m.yaml", "map:\n  primaryPhone: Numéro\n  prénom: Client\nattributes: [plan]\n");
  auto loaded = load_mapping_file(yaml);
  REQUIRE(loaded.has_value());
  CHECK(loaded->overrides ==
        std::vector<std::pair<std::string, std::string>>{{"primaryPhone", "Numéro"}, {"prénom", "Client"}});
  CHECK(loaded->attributes.kind == AttributeChoice::Kind::kList);
  CHECK(loaded->attributes.columns == std::vector<std::string>{"plan"});

  auto json = gomo::test::write_file(dir, "m.json", "{\"map\": {\"phone\": \"Tel\"}, \"attributes\": \"auto\"}");
  auto j = load_mapping_file(json);
  REQUIRE(j.has_value());
  CHECK(j->attributes.kind == AttributeChoice::Kind::kAuto);

  auto error_in = [&](const std::string& text) {
    auto path = gomo::test::write_file(dir, "bad.yaml", text);
    auto r = load_mapping_file(path);
    return r ? std::string("ok") : r.error().message().substr(path.size());
  };
  CHECK(error_in("map:\n  birthday: Date\n") ==
        ":2:3: unknown contact field `birthday`; expected one of primaryPhone firstName lastName fullName primaryEmail "
        "address city state zip occupation gender preferredChannel");
  CHECK(error_in("map:\n  phone: [a]\n") ==
        ":2:10: the column of `phone` must be a column name as the header writes it");
  CHECK(error_in("attributes: some\n") == ":1:13: `attributes` is auto, none or a list of column names");
  CHECK(error_in("colums: {}\n") == ":1:1: unknown key `colums`: a mapping file has `map` and `attributes`");
  CHECK(error_in("map: [\n").find(":") == 0);
  CHECK_FALSE(load_mapping_file(dir + "/missing.yaml").has_value());
}

#include "contacts/attribute_infer.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "contacts/resolve.h"
#include "contacts/upsert.h"
#include "tests/support/test_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::contacts {

TEST_CASE("infer_attribute_types: the narrowest type every non-empty value fits, else text") {
  std::istringstream in(
      "n,b,d,e,u,p,t,empty,mixed\n"
      "1000,true,2024-01-31,a@b.ma,https://x.ma,+212612345678,hello,,1\n"
      " 12.5 ,false,2025-12-01,c@d.fr,http://y.fr/z,0612345679,42,,true\n"
      ",,,,,,,,\n"
      "-3,true,2024-02-29,e@f.com,https://z.com,+33612345678,x,,2024-01-31\n");
  document::CsvReader reader(in);
  REQUIRE(reader.read_header().is_ok());
  auto types = infer_attribute_types(reader, {0, 1, 2, 3, 4, 5, 6, 7, 8}, "MA");
  REQUIRE(types);
  std::vector<std::string> got;
  for (const auto& t : *types) got.push_back(t.type);
  CHECK(got ==
        std::vector<std::string>{"number", "boolean", "date", "email", "url", "phone_number", "text", "text", "text"});
  CHECK((*types)[0].values == 3);
  CHECK((*types)[7].values == 0);
}

TEST_CASE("upsert_csv: --create-attributes infers the types it creates; --attribute-type wins; dry runs say") {
  test::WorkspaceFixture fx;
  UpsertRequest request;
  request.path = test::scratch_dir() + "/infer.csv";
  std::ofstream(request.path, std::ios::binary) << "phone,Solde,Date échéance,Note\n"
                                                   "0612345678,1000,2024-01-31,12\n"
                                                   "0612345679,-20.5,,7\n";
  request.mapping.attributes.kind = AttributeChoice::Kind::kAuto;
  request.create_attributes = true;
  request.attribute_types["Note"] = "text";
  request.dry_run = true;
  auto dry = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(dry);
  REQUIRE(dry->attributes_created.size() == 3);
  CHECK(dry->attributes_created[0].column == "Solde");
  CHECK(dry->attributes_created[0].type == "number");
  CHECK(dry->attributes_created[0].inferred);
  CHECK(dry->attributes_created[0].values == 2);
  CHECK(dry->attributes_created[1].type == "date");
  CHECK(dry->attributes_created[1].values == 1);
  CHECK(dry->attributes_created[2].type == "text");
  CHECK_FALSE(dry->attributes_created[2].inferred);
  CHECK(list_all_custom_attributes(*fx.platform, {})->empty());

  request.dry_run = false;
  auto real = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(real);
  CHECK(real->sent == 2);
  auto catalog = list_all_custom_attributes(*fx.platform, {});
  REQUIRE(catalog);
  std::map<std::string, std::string> types;
  for (const auto& a : *catalog) types[a.name] = a.type;
  CHECK(types["solde"] == "number");
  CHECK(types["date_echeance"] == "date");
  CHECK(types["note"] == "text");
}

}  // namespace gomo::contacts

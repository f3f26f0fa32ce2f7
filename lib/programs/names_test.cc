#include "programs/names.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/workspace_fixture.h"

namespace gomo::programs {

TEST_CASE("names: each distinct id read once; a name that cannot be read falls back to the id") {
  test::WorkspaceFixture f;
  api::Platform& p = *f.platform;
  const std::string graph = R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})";
  auto audience = p.create_audience({std::string("Debtors"), std::nullopt});
  auto flow = p.create_flow({std::string("Reminder"), std::nullopt, graph});
  auto gone = p.create_flow({std::string("Gone"), std::nullopt, graph});
  REQUIRE(audience);
  REQUIRE(flow);
  REQUIRE(gone);
  api::ProgramFields fields;
  fields.name = "March";
  fields.audience_id = audience->id;
  fields.flow_id = flow->id;
  auto program = p.create_program(fields);
  REQUIRE(program);
  REQUIRE(p.delete_flow(gone->id));

  Names names(p);
  for (int i = 0; i < 3; ++i) {  // rows of a list pointing at the same objects
    CHECK(names.program(program->id) == "March");
    CHECK(names.flow_or_id(flow->id) == "Reminder");
    CHECK(names.audience_or_id(audience->id) == "Debtors");
    CHECK(names.flow(gone->id).empty());
    CHECK(names.flow_or_id(gone->id) == gone->id);
    CHECK(names.program_or_id("00000000-0000-4000-8000-000000000000") == "00000000-0000-4000-8000-000000000000");
  }
  CHECK(names.lookups() == 5);  // one per distinct id, failures included
  CHECK(names.flow("").empty());
  CHECK(names.lookups() == 5);  // an empty id asks nothing

  auto records = nlohmann::json::array();
  records.push_back({{"flowId", flow->id}, {"audienceId", audience->id}});
  records.push_back({{"flowId", gone->id}, {"audienceId", nullptr}});
  add_reference_names(names, records);
  CHECK(records[0].at("flowName") == "Reminder");
  CHECK(records[0].at("audienceName") == "Debtors");
  CHECK_FALSE(records[1].contains("flowName"));  // the table falls back to flowId
  CHECK_FALSE(records[1].contains("audienceName"));
  CHECK(names.lookups() == 5);
}

}  // namespace gomo::programs

#include "programs/names.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/workspace_fixture.h"

namespace gomo::programs {

TEST_CASE("names: each distinct id read once; a name that cannot be read is empty") {
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
  CHECK(names.program(program->id) == "March");
  CHECK(names.flow(flow->id) == "Reminder");
  CHECK(names.audience(audience->id) == "Debtors");
  CHECK(names.flow(gone->id).empty());
  CHECK(names.program("00000000-0000-4000-8000-000000000000").empty());
  CHECK(names.flow("").empty());
  // Read once: a later change on the platform is not seen, a gone flow is not asked for again.
  api::FlowFields rename;
  rename.name = "Renamed";
  REQUIRE(p.update_flow(flow->id, rename));
  REQUIRE(p.get_flow(flow->id)->name == "Renamed");
  for (int i = 0; i < 3; ++i) {  // rows of a list pointing at the same objects
    CHECK(names.flow(flow->id) == "Reminder");
    CHECK(names.flow(gone->id).empty());
  }

  auto records = nlohmann::json::array();
  records.push_back({{"flowId", flow->id}, {"audienceId", audience->id}});
  records.push_back({{"flowId", gone->id}, {"audienceId", nullptr}});
  add_reference_names(names, records);
  CHECK(records[0].at("flowName") == "Reminder");
  CHECK(records[0].at("audienceName") == "Debtors");
  CHECK_FALSE(records[1].contains("flowName"));  // the table falls back to flowId
  CHECK_FALSE(records[1].contains("audienceName"));
}

}  // namespace gomo::programs

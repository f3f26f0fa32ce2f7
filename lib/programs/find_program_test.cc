#include "programs/find_program.h"

#include <doctest/doctest.h>

#include <set>

#include "tests/support/workspace_fixture.h"

namespace gomo::programs {
namespace {

const char* const kGraph = R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})";

std::string make_program(api::Platform& p, const std::string& name) {
  auto audience = p.create_audience({std::string("Audience of ") + name, std::nullopt});
  REQUIRE(audience);
  auto flow = p.create_flow({std::string("Flow of ") + name, std::nullopt, std::string(kGraph)});
  REQUIRE(flow);
  api::ProgramFields fields;
  fields.name = name;
  fields.audience_id = audience->id;
  fields.flow_id = flow->id;
  auto program = p.create_program(fields);
  REQUIRE_MESSAGE(program, program.error().message);
  return program->id;
}

}  // namespace

TEST_CASE("find_program: by id, by exact name, ambiguous names, nothing") {
  test::WorkspaceFixture f;
  const std::string march = make_program(*f.platform, "March reminders");
  make_program(*f.platform, "March reminders (copy)");
  const std::string twin_a = make_program(*f.platform, "Twins");
  const std::string twin_b = make_program(*f.platform, "Twins");

  auto by_id = find_program(*f.platform, march);
  REQUIRE(by_id);
  REQUIRE(by_id->size() == 1);
  CHECK(by_id->front().name == "March reminders");

  auto by_name = find_program(*f.platform, "March reminders");
  REQUIRE(by_name);
  REQUIRE(by_name->size() == 1);  // the search also finds "(copy)": only the exact name counts
  CHECK(by_name->front().id == march);

  auto twins = find_program(*f.platform, "Twins");
  REQUIRE(twins);
  REQUIRE(twins->size() == 2);
  CHECK(std::set<std::string>{twins->front().id, twins->back().id} == std::set<std::string>{twin_a, twin_b});

  auto none = find_program(*f.platform, "April");
  REQUIRE(none);
  CHECK(none->empty());
  auto unknown_id = find_program(*f.platform, "00000000-0000-4000-8000-000000000000");
  REQUIRE(unknown_id);
  CHECK(unknown_id->empty());
}

}  // namespace gomo::programs

#include "programs/launch.h"

#include <doctest/doctest.h>

#include "programs/transition.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::programs {
namespace {

const char* const kGoodGraph = R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})";
// A play node with an output play nodes do not have, pointing at a node that does not exist.
const char* const kBadGraph =
    R"({"startNodeId":"hello","nodes":[{"id":"hello","type":"play","label":"Hello","config":{"audioItems":[]},"outputs":{"onEnd":"nowhere"}}]})";

struct LaunchFixture {
  test::WorkspaceFixture f;
  std::string audience_id, flow_id;

  explicit LaunchFixture(int contacts = 2, const char* graph = kGoodGraph) {
    auto audience = f.platform->create_audience({std::string("Reminders"), std::nullopt});
    REQUIRE(audience);
    audience_id = audience->id;
    std::vector<std::string> ids;
    for (int i = 0; i < contacts; ++i) {
      api::ContactFields c;
      c.primary_phone = "+21261234567" + std::to_string(i);
      auto created = f.platform->create_contact(c);
      REQUIRE(created);
      ids.push_back(created->id);
    }
    if (!ids.empty()) REQUIRE(f.platform->add_audience_contacts(audience_id, ids));
    auto flow = f.platform->create_flow({std::string("Greeting"), std::nullopt, std::string(graph)});
    REQUIRE(flow);
    flow_id = flow->id;
  }

  api::Program program(const std::string& name = "March") {
    api::ProgramFields fields;
    fields.name = name;
    fields.audience_id = audience_id;
    fields.flow_id = flow_id;
    auto p = f.platform->create_program(fields);
    REQUIRE_MESSAGE(p, p.error().message);
    return *p;
  }
};

}  // namespace

TEST_CASE("launch: a valid program becomes a running execution over its audience") {
  LaunchFixture t;
  auto launched = launch(*t.f.platform, t.program());
  REQUIRE_MESSAGE(launched, launched.error().api.message);
  CHECK(launched->status == "running");
  CHECK(launched->total_contacts == 2);
  CHECK(launched->contacts_pending == 2);
}

TEST_CASE("launch: each precondition has its own code and says how to fix it") {
  SUBCASE("an execution already running, named") {
    LaunchFixture t;
    api::Program p = t.program();
    auto first = launch(*t.f.platform, p);
    REQUIRE(first);
    auto again = launch(*t.f.platform, p);
    REQUIRE_FALSE(again);
    CHECK(again.error().api.code == api::kExecutionAlreadyRunning);
    CHECK(again.error().api.http_status == 409);
    CHECK(again.error().api.message.find(first->id) != std::string::npos);
    CHECK(again.error().api.message.find("running") != std::string::npos);
    // Once cancelled, the program launches again.
    REQUIRE(t.f.platform->cancel_execution(first->id));
    CHECK(launch(*t.f.platform, p));
  }
  SUBCASE("an empty audience") {
    LaunchFixture t(0);
    auto r = launch(*t.f.platform, t.program());
    REQUIRE_FALSE(r);
    CHECK(r.error().api.code == api::kAudienceEmpty);
    CHECK(r.error().api.http_status == 400);
    CHECK(r.error().api.message.find("gomo audiences add \"Reminders\"") != std::string::npos);
  }
  SUBCASE("an archived program") {
    LaunchFixture t;
    api::Program p = t.program();
    api::ProgramFields archive;
    archive.status = "archived";
    auto archived = t.f.platform->update_program(p.id, archive);
    REQUIRE(archived);
    auto r = launch(*t.f.platform, *archived);
    REQUIRE_FALSE(r);
    CHECK(r.error().api.code == api::kProgramArchived);
    CHECK(r.error().api.http_status == 409);
  }
  SUBCASE("an invalid flow: gomo's validator's findings, positioned in the graph") {
    LaunchFixture t(2, kBadGraph);
    auto r = launch(*t.f.platform, t.program());
    REQUIRE_FALSE(r);
    CHECK(r.error().api.code == api::kFlowInvalid);
    REQUIRE(r.error().flow_findings.size() == 1);
    const checks::FileResult& file = r.error().flow_findings.front();
    CHECK(file.path == "flow/Greeting");
    bool unknown_output = false;
    for (const auto& d : file.diagnostics) {
      if (d.rule == "unknown-output") {
        unknown_output = true;
        CHECK(d.location.line > 1);  // the graph is printed indented: findings have lines
      }
    }
    CHECK(unknown_output);
    // Nothing was launched.
    auto executions = program_executions(*t.f.platform, t.program("Other").id);
    REQUIRE(executions);
    CHECK(executions->empty());
  }
}

TEST_CASE("resolve_program: by name or id; an unknown key is a 404 naming it; twins are a usage error") {
  LaunchFixture t;
  api::Program p = t.program("Once");
  auto by_name = resolve_program(*t.f.platform, "Once");
  REQUIRE(by_name);
  CHECK(by_name->id == p.id);
  auto missing = resolve_program(*t.f.platform, "Nope");
  REQUIRE_FALSE(missing);
  CHECK_FALSE(missing.error().usage);
  CHECK(missing.error().api.http_status == 404);
  CHECK(missing.error().api.message.find("\"Nope\"") != std::string::npos);
  t.program("Twice");
  t.program("Twice");
  auto twins = resolve_program(*t.f.platform, "Twice");
  REQUIRE_FALSE(twins);
  CHECK(twins.error().usage);
  CHECK(twins.error().message.find("2 programs are named \"Twice\"") != std::string::npos);
}

}  // namespace gomo::programs

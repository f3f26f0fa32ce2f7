#pragma once
// A program over a one-contact audience, launched: a running execution (on the local workspace it
// stays running: nothing dials yet). For tests of execution control and watching.
#include <doctest/doctest.h>

#include <string>

#include "tests/support/workspace_fixture.h"

namespace gomo::test {

struct RunningProgram {
  WorkspaceFixture f;
  api::Program program;
  api::Execution execution;

  RunningProgram() {
    auto audience = f.platform->create_audience({std::string("Reminders"), std::nullopt});
    REQUIRE(audience);
    api::ContactFields c;
    c.primary_phone = "+212612345670";
    auto contact = f.platform->create_contact(c);
    REQUIRE(contact);
    REQUIRE(f.platform->add_audience_contacts(audience->id, {contact->id}));
    auto flow = f.platform->create_flow(
        {std::string("Bye"), std::nullopt,
         std::string(R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})")});
    REQUIRE(flow);
    api::ProgramFields fields;
    fields.name = "March";
    fields.audience_id = audience->id;
    fields.flow_id = flow->id;
    auto p = f.platform->create_program(fields);
    REQUIRE(p);
    program = *p;
    auto e = f.platform->launch_program(program.id);
    REQUIRE(e);
    execution = *e;
  }
};

}  // namespace gomo::test

#pragma once
// A program launched on a fresh local workspace, for tests of the workspace's api::Dialing
// (lib/local/dialing_test.cc) and of what must behave the same in memory (campaign/memory_dialing).
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "api/dialing.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::test {

constexpr api::EpochMillis kT = 1772355600000;  // 2026-03-01T09:00:00Z, on the dialer's clock

// A launched program over `contacts` new contacts (in audience order), with `extra`'s settings.
struct DialingCampaign {
  WorkspaceFixture f;
  api::Dialing* dialing = nullptr;
  std::string execution_id, program_id;
  std::vector<std::string> contact_ids;

  explicit DialingCampaign(int contacts, api::ProgramFields extra = {}) {
    dialing = f.platform->dialing();
    REQUIRE(dialing);
    auto audience = f.platform->create_audience({std::string("Debtors"), std::nullopt});
    REQUIRE(audience);
    std::vector<api::ContactFields> batch;
    for (int i = 0; i < contacts; ++i) {
      api::ContactFields c;
      c.primary_phone = "+2126" + std::to_string(10000000 + i);
      c.first_name = "Contact" + std::to_string(i);
      batch.push_back(c);
    }
    auto made = f.platform->upsert_contacts(batch);
    REQUIRE_MESSAGE(made, made.error().message);
    for (const auto& c : made->contacts) contact_ids.push_back(c.id);
    // Added in reverse creation order: audience order is the order added, not the contacts' ids.
    std::reverse(contact_ids.begin(), contact_ids.end());
    REQUIRE(f.platform->add_audience_contacts(audience->id, contact_ids));
    auto flow = f.platform->create_flow(
        {std::string("Bye"), std::nullopt,
         std::string(R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})")});
    REQUIRE(flow);
    extra.name = "March";
    extra.audience_id = audience->id;
    extra.flow_id = flow->id;
    auto p = f.platform->create_program(extra);
    REQUIRE_MESSAGE(p, p.error().message);
    program_id = p->id;
    auto e = f.platform->launch_program(p->id);
    REQUIRE_MESSAGE(e, e.error().message);
    execution_id = e->id;
  }

  // The execution's counters, checked to add up.
  api::Execution counters() {
    auto e = f.platform->get_execution(execution_id);
    REQUIRE(e);
    CHECK(e->total_contacts == static_cast<int>(contact_ids.size()));
    CHECK(e->contacts_completed + e->contacts_failed + e->contacts_pending + e->contacts_in_progress ==
          e->total_contacts);
    return *e;
  }

  api::FinishedAttempt done(const std::string& contact, const std::string& outcome, const std::string& status,
                            std::optional<api::EpochMillis> retry_at = std::nullopt) {
    api::FinishedAttempt d;
    d.execution_id = execution_id;
    d.contact_id = contact;
    d.attempt.call.status = outcome;
    d.attempt.call.from = "+212500000001";
    d.attempt.call.to = "+212600000000";
    if (outcome == "completed") {
      d.attempt.call.answered_at = "2026-03-01T09:00:02.000Z";
      d.attempt.call.duration_ms = 9000;
    }
    d.attempt.outcome = outcome;
    d.attempt.outcome_reason = "test";
    d.contact_status = status;
    d.next_attempt_at = retry_at;
    d.node_counts = {{"bye", 1}};
    return d;
  }
};

}  // namespace gomo::test

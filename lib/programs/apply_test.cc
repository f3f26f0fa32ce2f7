#include "programs/apply.h"

#include <doctest/doctest.h>

#include "tests/support/workspace_fixture.h"

namespace gomo::programs {
namespace {

const char* const kGraph = R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})";

struct Catalog {
  std::string flow_id, audience_id;
};

Catalog seed(api::Platform& p) {
  auto flow = p.create_flow({"Reminder", std::nullopt, std::string(kGraph)});
  REQUIRE(flow);
  auto audience = p.create_audience({"Debtors", std::nullopt});
  REQUIRE(audience);
  return {flow->id, audience->id};
}

std::string program_yaml(const std::string& retry) {
  return "name: March\nflow: Reminder\naudience: Debtors\ndids: ['+212800000000']\n"
         "retry: " +
         retry + "\npauseWindows:\n  monday: [{startAt: '12:00', endAt: '14:00'}]\n";
}

}  // namespace

TEST_CASE("apply: creates by name, then unchanged, then a dry run and an update of the changed field only") {
  test::WorkspaceFixture f;
  Catalog ids = seed(*f.platform);
  const std::string first = program_yaml("{type: fixed_delay, delayMinutes: 30, maxRetries: 3}");

  auto created = apply_program_file(*f.platform, "p.yaml", first, false);
  INFO(format_changes(created.changes));
  REQUIRE_MESSAGE(created.status == ApplyStatus::kCreated, apply_status_name(created.status),
                  (created.error ? created.error->message : ""));
  REQUIRE(created.program);
  CHECK(created.program->flow_id == ids.flow_id);
  CHECK(created.program->audience_id == ids.audience_id);
  CHECK(created.program->did_pool == std::vector<std::string>{"00000000-0000-4000-8000-00000000d1d0"});
  CHECK(created.program->retry_strategy.max_retries == 3);

  auto again = apply_program_file(*f.platform, "p.yaml", first, false);
  CHECK(again.status == ApplyStatus::kUnchanged);
  CHECK(again.changes.empty());

  const std::string second = program_yaml("{type: fixed_delay, delayMinutes: 45, maxRetries: 3}");
  auto dry = apply_program_file(*f.platform, "p.yaml", second, true);
  CHECK(dry.status == ApplyStatus::kWouldUpdate);
  REQUIRE(dry.changes.size() == 1);
  CHECK(dry.changes[0].field == "retryStrategy");
  CHECK(dry.changes[0].before.find("30") != std::string::npos);
  CHECK(dry.changes[0].after.find("45") != std::string::npos);
  auto unchanged_by_dry_run = f.platform->get_program(created.program->id);
  REQUIRE(unchanged_by_dry_run);
  CHECK(unchanged_by_dry_run->retry_strategy.delay_ms == 30 * 60000);

  auto updated = apply_program_file(*f.platform, "p.yaml", second, false);
  CHECK(updated.status == ApplyStatus::kUpdated);
  REQUIRE(updated.program);
  CHECK(updated.program->id == created.program->id);
  CHECK(updated.program->retry_strategy.delay_ms == 45 * 60000);
}

TEST_CASE("apply: unknown names are findings; an ambiguous program name sends nothing") {
  test::WorkspaceFixture f;
  seed(*f.platform);
  auto invalid = apply_program_file(*f.platform, "p.yaml", "name: March\nflow: Remindr\naudience: Debtors\n", false);
  CHECK(invalid.status == ApplyStatus::kInvalid);
  REQUIRE(invalid.checked.diagnostics.size() == 1);
  CHECK(invalid.checked.diagnostics[0].rule == "unknown-flow");

  const std::string text = "name: Twins\nflow: Reminder\naudience: Debtors\n";
  REQUIRE(apply_program_file(*f.platform, "p.yaml", text, false).status == ApplyStatus::kCreated);
  auto copy = apply_program_file(*f.platform, "p.yaml", text, false);
  REQUIRE(copy.status == ApplyStatus::kUnchanged);
  api::ProgramFields twin;
  twin.name = "Twins";
  twin.flow_id = copy.program->flow_id;
  twin.audience_id = copy.program->audience_id;
  REQUIRE(f.platform->create_program(twin));
  auto ambiguous = apply_program_file(*f.platform, "p.yaml", text, false);
  CHECK(ambiguous.status == ApplyStatus::kAmbiguous);
  CHECK(ambiguous.candidates.size() == 2);
}

TEST_CASE("apply: program validate's rule selection; ignored or re-graded rules do not block, strict warnings do") {
  test::WorkspaceFixture f;
  seed(*f.platform);
  const std::string text = program_yaml("{type: fixed_delay, delayMinutes: 30, maxRetries: 3}") +
                           "autoPauseRules: [{nodeId: by, threshold: 5}]\n";
  auto blocked = apply_program_file(*f.platform, "p.yaml", text, true);
  CHECK(blocked.status == ApplyStatus::kInvalid);
  REQUIRE(blocked.checked.diagnostics.size() == 1);
  CHECK(blocked.checked.diagnostics[0].rule == "unknown-node");

  ProgramRuleChoice warning;
  warning.rules.severity["unknown-node"] = diag::Severity::kWarning;
  auto warned = apply_program_file(*f.platform, "p.yaml", text, true, &warning);
  CHECK(warned.status == ApplyStatus::kWouldCreate);
  REQUIRE(warned.checked.diagnostics.size() == 1);
  CHECK(warned.checked.diagnostics[0].severity == diag::Severity::kWarning);
  warning.strict = true;
  CHECK(apply_program_file(*f.platform, "p.yaml", text, true, &warning).status == ApplyStatus::kInvalid);

  auto ignored = choose_program_rules({"unknown-node"}, false, "", /*no_config=*/true);
  REQUIRE(ignored);
  auto created = apply_program_file(*f.platform, "p.yaml", text, false, &*ignored);
  REQUIRE_MESSAGE(created.status == ApplyStatus::kCreated, apply_status_name(created.status));
  CHECK(created.checked.diagnostics.empty());
  REQUIRE(created.program);
  REQUIRE(created.program->auto_pause_rules.size() == 1);
  CHECK(created.program->auto_pause_rules[0].node_id == "by");  // as written: the platform has the last word
}

}  // namespace gomo::programs

#include <doctest/doctest.h>

#include "programs/apply.h"
#include "programs/flow_nodes.h"
#include "programs/rule_test_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::programs {
namespace {

const char* const kGraph = R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"},)"
                           R"({"id":"transfer","type":"hangup","label":"Transfer"}]})";

// The workspace's catalog after adding the flow `Reminder` and the audience `Debtors` (test::kHead's).
ProgramCatalog seeded_catalog(api::Platform& platform) {
  REQUIRE(platform.create_flow({"Reminder", std::nullopt, std::string(kGraph)}));
  REQUIRE(platform.create_audience({"Debtors", std::nullopt}));
  auto catalog = read_catalog(platform);
  REQUIRE(catalog);
  return std::move(catalog.value());
}

}  // namespace

TEST_CASE("unknown-node: auto-pause rules against the nodes of the target's flow") {
  gomo::test::WorkspaceFixture f;
  const ProgramCatalog catalog = seeded_catalog(*f.platform);
  const std::string text = std::string(test::kHead) +
                           "autoPauseRules:\n"
                           "  - {nodeId: transfer, threshold: 5}\n"
                           "  - {nodeId: transfr, threshold: 5}\n"
                           "  - {nodeId: zzzzzzzz, threshold: 2}\n";
  auto found = test::findings(text, "unknown-node", &catalog);
  REQUIRE(found.size() == 2);
  CHECK(found[0].location.line == 6);
  CHECK(found[0].location.col == 14);
  CHECK(found[0].message ==
        "node `transfr` is not in flow `Reminder`, so this rule would never pause the execution; did you mean "
        "transfer?");
  CHECK(found[0].fix == "transfer");
  CHECK(found[1].location.line == 7);
  CHECK(found[1].message.find("; its nodes: bye, transfer") != std::string::npos);
  CHECK(found[1].fix.empty());

  CHECK(test::findings(text, "unknown-node", nullptr).empty());  // offline: the flow's nodes are unknown
  // The flow named by id works the same; an unknown flow is unknown-flow's finding alone.
  const std::string by_id = "name: March\nflow: " + catalog.flows.at(0).id +
                            "\naudience: Debtors\nautoPauseRules: [{nodeId: transfr, threshold: 1}]\n";
  CHECK(test::findings(by_id, "unknown-node", &catalog).size() == 1);
  const std::string other = "name: March\nflow: Nope\naudience: Debtors\nautoPauseRules: [{nodeId: x, threshold: 1}]\n";
  CHECK(test::findings(other, "unknown-node", &catalog).empty());
  CHECK(test::findings(other, "unknown-flow", &catalog).size() == 1);
}

TEST_CASE("unknown-node: program apply refuses the file; threshold below 1 is a schema finding") {
  gomo::test::WorkspaceFixture f;
  seeded_catalog(*f.platform);
  const std::string text = std::string(test::kHead) + "autoPauseRules: [{nodeId: transfr, threshold: 5}]\n";
  auto applied = apply_program_file(*f.platform, "p.yaml", text, /*dry_run=*/false);
  CHECK(applied.status == ApplyStatus::kInvalid);
  bool named = false;
  for (const auto& d : applied.checked.diagnostics) named = named || d.rule == "unknown-node";
  CHECK(named);

  auto zero = test::findings(std::string(test::kHead) + "autoPauseRules: [{nodeId: bye, threshold: 0}]\n", "schema");
  REQUIRE(zero.size() == 1);
  CHECK(zero[0].location.line == 4);
}

TEST_CASE("flow_node_ids: a list of nodes, a map keyed by id, and graphs that say nothing") {
  CHECK(flow_node_ids(kGraph) == std::vector<std::string>{"bye", "transfer"});
  CHECK(flow_node_ids(R"({"nodes":{"menu":{"type":"hangup"},"bye":{"type":"hangup"}}})") ==
        std::vector<std::string>{"bye", "menu"});
  CHECK(flow_node_ids(R"({"nodes":[]})") == std::vector<std::string>{});
  CHECK_FALSE(flow_node_ids("{}"));
  CHECK_FALSE(flow_node_ids("not json"));
  CHECK_FALSE(flow_node_ids(R"({"nodes":3})"));
}

}  // namespace gomo::programs

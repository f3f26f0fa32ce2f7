#include "model/flow.h"

#include <doctest/doctest.h>

using namespace gomo;

TEST_CASE("build_flow: canonical array form") {
  auto doc =
      document::read_yaml("f.yaml",
                          "name: x\ngraph:\n  startNodeId: a\n  nodes:\n    - id: a\n      type: dtmf\n"
                          "      outputs: {branches: {'1': b}, onTimeout: b}\n    - id: b\n      type: hangup\n");
  auto flow = model::build_flow(*doc);
  CHECK(flow.name == "x");
  CHECK_FALSE(flow.bare_graph);
  CHECK_FALSE(flow.nodes_as_map);
  REQUIRE(flow.nodes.size() == 2);
  CHECK(flow.start_index == 0);
  CHECK(flow.nodes[0].type == model::NodeType::kDtmf);
  REQUIRE(flow.nodes[0].edges.size() == 2);
  CHECK(flow.nodes[0].edges[0].name == "branches");
  CHECK(flow.nodes[0].edges[0].digit == "1");
  CHECK(flow.nodes[0].edges[0].target_index == 1);
}

TEST_CASE("build_flow: bare graph with nodes as a map") {
  auto doc = document::read_json("f.json", R"({"startNodeId": "a", "nodes": {"a": {"type": "hangup"}}})");
  auto flow = model::build_flow(*doc);
  CHECK(flow.bare_graph);
  CHECK(flow.nodes_as_map);
  REQUIRE(flow.nodes.size() == 1);
  CHECK(flow.nodes[0].id == "a");
  CHECK(flow.start_index == 0);
}

TEST_CASE("build_flow: suppressions from x-gomo-ignore and comments") {
  auto doc = document::read_yaml("f.yaml",
                                 "startNodeId: a\nnodes:\n  # gomo-ignore: missing-label\n  - id: a\n    type: hangup\n"
                                 "  - id: b\n    type: hangup\n    x-gomo-ignore: [unreachable-node]\n");
  auto flow = model::build_flow(*doc);
  REQUIRE(flow.nodes.size() == 2);
  CHECK(flow.nodes[0].ignored_rules == std::vector<std::string>{"missing-label"});
  CHECK(flow.nodes[1].ignored_rules == std::vector<std::string>{"unreachable-node"});
}

TEST_CASE("allowed_outputs per type") {
  CHECK(model::allowed_outputs(model::NodeType::kHangup).empty());
  CHECK(model::allowed_outputs(model::NodeType::kPlay) == std::vector<std::string>{"onComplete", "onError", "default"});
  CHECK(model::parse_node_type("set_variable") == model::NodeType::kSetVariable);
  CHECK(model::parse_node_type("setVariable") == model::NodeType::kUnknown);
}

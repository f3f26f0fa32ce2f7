// Node ids from a flow's graph JSON (programs/flow_nodes.h).
#include "programs/flow_nodes.h"

#include <nlohmann/json.hpp>

namespace gomo::programs {

std::optional<std::vector<std::string>> flow_node_ids(const std::string& graph_json) {
  const nlohmann::json graph = nlohmann::json::parse(graph_json, nullptr, /*allow_exceptions=*/false);
  if (!graph.is_object()) return std::nullopt;
  const auto nodes = graph.find("nodes");
  if (nodes == graph.end()) return std::nullopt;
  std::vector<std::string> ids;
  if (nodes->is_object()) {
    for (const auto& [id, node] : nodes->items()) ids.push_back(id);
  } else if (nodes->is_array()) {
    for (const auto& node : *nodes) {
      if (!node.is_object()) continue;
      const auto id = node.find("id");
      if (id != node.end() && id->is_string()) ids.push_back(id->get<std::string>());
    }
  } else {
    return std::nullopt;
  }
  return ids;
}

}  // namespace gomo::programs

#pragma once
// The node ids of a flow as the platform holds it (api::FlowRecord::graph_json), for the checks that
// name nodes: auto-pause rules in program files (unknown-node) and in rule files (resume).
#include <optional>
#include <string>
#include <vector>

namespace gomo::programs {

// The ids of the graph's nodes (a list's in order, a map's sorted): `nodes` written as a list of {id, ...} or as a
// map keyed by id (both shapes the platform's documents show). Nothing when the text is not JSON or
// has no `nodes` list or map (a listing that leaves the graph out): the caller cannot tell then.
std::optional<std::vector<std::string>> flow_node_ids(const std::string& graph_json);

}  // namespace gomo::programs

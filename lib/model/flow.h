#pragma once
// The flow model: a read-only view over a flow document's tree (canonical body, bare graph, or nodes
// as a map). Building it never fails: shape problems are reported by the schema rule, and the model
// keeps whatever it can use, so the graph rules still run on a partly broken file.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/document.h"

namespace gomo::model {

using document::Value;

enum class NodeType : uint8_t { kDial, kAnswer, kPlay, kDtmf, kRecord, kCondition, kSetVariable, kHangup, kUnknown };

const char* node_type_name(NodeType type);  // "dial", ... ; "" for kUnknown
NodeType parse_node_type(std::string_view name);
const std::vector<std::string>& node_type_names();
// Output names allowed for a type, in documented order (dtmf's "branches" included).
const std::vector<std::string>& allowed_outputs(NodeType type);

// One output edge: `outputs.<name>: target`, or for dtmf `outputs.branches.<digit>: target`.
struct Edge {
  std::string name;   // output name ("onAnswer"), or "branches" for a dtmf branch
  std::string digit;  // the branch key, for branches
  std::string target;
  const Value* key = nullptr;    // the output (or branch) key in the document
  const Value* value = nullptr;  // the target string
  int target_index = -1;         // index into Flow::nodes; -1 when no such node
};

struct Node {
  std::string id;
  NodeType type = NodeType::kUnknown;
  std::string type_name;  // as written
  std::string label;
  const Value* value = nullptr;    // the node object
  const Value* map_key = nullptr;  // the key, when nodes is a map
  const Value* id_value = nullptr;
  const Value* type_value = nullptr;
  const Value* config = nullptr;   // may be null
  const Value* outputs = nullptr;  // may be null
  std::vector<Edge> edges;
  std::vector<std::string> ignored_rules;  // from `x-gomo-ignore` and `# gomo-ignore:` comments
  uint32_t first_line = 0, last_line = 0;  // lines the node spans (for comment suppressions)

  const Value* config_at(std::string_view key) const { return config ? config->find(key) : nullptr; }
  // The node itself, for diagnostics about the whole node: its id value, else the node object.
  const Value& anchor() const { return id_value ? *id_value : map_key ? *map_key : *value; }
  bool has_output(std::string_view name) const;
};

struct Flow {
  const document::Document* doc = nullptr;
  bool bare_graph = false;    // {startNodeId, nodes} without name/graph
  bool nodes_as_map = false;  // nodes keyed by id
  std::string name;           // the flow's name, or "" for a bare graph
  const Value* graph = nullptr;
  const Value* nodes_value = nullptr;
  const Value* start_value = nullptr;
  std::string start_node_id;
  int start_index = -1;
  std::vector<Node> nodes;
  std::unordered_map<std::string, int> index_by_id;  // first node with each id

  const Node* find(std::string_view id) const;
};

// Builds the view. REQUIRES: `doc` outlives the Flow.
Flow build_flow(const document::Document& doc);

}  // namespace gomo::model

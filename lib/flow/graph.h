#pragma once
// Drawings of a flow's graph: Mermaid and Graphviz DOT text, and SVG/PNG through Graphviz's `dot`.
// Nodes show their label (or id) and type; edges their output name (a dtmf branch shows its key);
// the start node is marked; nodes unreachable from the start are dashed and grey; outputs whose
// target does not exist point at a red "missing: <id>" placeholder. Works on broken flows.
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/flow.h"

namespace gomo::flow {

// What a drawing shows, worked out once from the flow model.
struct GraphView {
  struct Edge {
    int from = -1;
    int to = -1;        // index into nodes, or -1: then `missing` names the placeholder
    int missing = -1;   // index into missing_targets
    std::string label;  // "onAnswer", or the branch key ("1") for dtmf branches
    std::string key;    // "node.output" as coverage reports name it ("menu.branches.1")
  };
  std::vector<const model::Node*> nodes;
  std::vector<bool> reachable;  // per node
  std::vector<std::string> missing_targets;
  std::vector<Edge> edges;
  int start = -1;          // node index of the start node
  int start_missing = -1;  // placeholder index when startNodeId names no node
  bool has_unreachable = false;
};

GraphView build_graph_view(const model::Flow& flow);

// Line 1: the label, or the id when there is none; line 2: the type (and the id under a label).
std::vector<std::string> node_caption(const model::Node& node);

// Test coverage to paint on a drawing: covered edges green, the others red and dashed.
struct GraphCoverage {
  bool enabled = false;
  std::set<std::string> covered_edges;  // "node.output" keys
};

std::string render_mermaid(const model::Flow& flow, const GraphCoverage& coverage = {});
std::string render_dot(const model::Flow& flow, const GraphCoverage& coverage = {});

// Reads a coverage report written by `gomo flow test --coverage-out` and picks the entry of this flow:
// the same file (by path), else the same flow name, else the only entry. Errors name what is wrong.
Result<GraphCoverage> load_graph_coverage(const std::string& report_path, const std::string& flow_path,
                                          const std::string& flow_name);

// Escapes `text` for a Mermaid quoted label ("..." with #entity; codes; newlines become <br/>).
std::string mermaid_escape(std::string_view text);
// Escapes `text` for a DOT double-quoted string (quotes, backslashes; newlines become \n).
std::string dot_escape(std::string_view text);

// Full path of Graphviz's `dot` on PATH, or "" when it is not installed.
std::string find_graphviz();
// Renders `dot_text` with `dot -T<format>` (format "svg" or "png") and returns the output bytes.
// Fails when Graphviz is missing or reports an error.
Result<std::string> render_with_graphviz(const std::string& dot_text, const std::string& format);

}  // namespace gomo::flow

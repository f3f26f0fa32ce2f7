// unreachable-node: no path from the start node leads to this node, so it never runs. Usually a
// forgotten output, or a leftover node.
#include <utility>

#include "base/strings.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleUnreachableNode;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  const auto& f = ctx.flow;
  if (f.start_index < 0) return;  // unknown-start-node says why nothing is reachable
  std::vector<std::vector<std::string>> callers(f.nodes.size());
  for (const auto& n : f.nodes)
    for (const auto& e : n.edges)
      if (e.target_index >= 0) {
        auto& list = callers[e.target_index];
        std::string name = "\"" + n.id + "\"";
        if (list.empty() || list.back() != name) list.push_back(std::move(name));
      }
  std::vector<std::string> ids;
  std::vector<std::pair<const model::Node*, const model::Edge*>> broken;
  for (const auto& n : f.nodes) {
    if (!n.id.empty()) ids.push_back(n.id);
    for (const auto& e : n.edges)
      if (e.target_index < 0) broken.emplace_back(&n, &e);
  }
  for (size_t i = 0; i < f.nodes.size(); ++i) {
    const auto& n = f.nodes[i];
    if (ctx.graph.reachable[i] || n.id.empty()) continue;
    // A second node with a taken id is duplicate-node-id's finding; nothing can point at it.
    if (auto it = f.index_by_id.find(n.id); it != f.index_by_id.end() && static_cast<size_t>(it->second) != i) continue;
    std::string msg = "node \"" + n.id + "\" is never reached from the start node \"" + f.start_node_id + "\": ";
    // A misspelt target (unknown-target) is the usual reason: name the output that was meant for it.
    const model::Edge* typo = nullptr;
    const model::Node* typo_from = nullptr;
    for (const auto& [from, edge] : broken)
      if (closest_match(edge->target, ids) == n.id) {
        typo = edge;
        typo_from = from;
        break;
      }
    if (typo) {
      msg += "output " + (typo->name == "branches" ? "branch \"" + typo->digit + "\"" : typo->name) + " of node \"" +
             typo_from->id + "\" points at \"" + typo->target + "\", probably meaning this node; correct that target";
    } else {
      if (callers[i].empty()) msg += "no output points at it";
      else msg += "only unreachable nodes point at it (" + join_words(callers[i], " and ") + ")";
      msg += "; connect it with an output of a reachable node, or delete it";
    }
    out.report(kRuleUnreachableNode, n.anchor(), msg);
  }
}

}  // namespace

const Rule kRuleUnreachableNode = {"unreachable-node", diag::Severity::kWarning,
                                   "A node cannot be reached from the start node, so it never runs.", false, check};

}  // namespace gomo::checks

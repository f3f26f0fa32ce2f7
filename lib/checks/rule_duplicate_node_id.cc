// duplicate-node-id: two nodes share an id, so outputs pointing at it are ambiguous.
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleDuplicateNodeId;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  const auto& nodes = ctx.flow.nodes;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const auto& n = nodes[i];
    if (n.id.empty()) continue;
    auto it = ctx.flow.index_by_id.find(n.id);
    if (it == ctx.flow.index_by_id.end() || static_cast<size_t>(it->second) == i) continue;
    const auto& first = nodes[it->second].anchor();
    std::string where = std::to_string(first.begin.line) + ":" + std::to_string(first.begin.col);
    std::string msg = "node id \"" + n.id + "\" is already used by the node at " + where + "; rename one of them";
    if (ctx.flow.nodes_as_map && n.map_key && n.id_value && n.id_value->scalar_text() != n.map_key->text)
      msg += " (in a nodes map, the key and the `id` field must agree)";
    out.report(kRuleDuplicateNodeId, n.anchor(), msg, "first defined at " + where);
  }
}

}  // namespace

const Rule kRuleDuplicateNodeId = {"duplicate-node-id", diag::Severity::kError,
                                   "Two nodes have the same id; every node id must be unique.", false, check};

}  // namespace gomo::checks

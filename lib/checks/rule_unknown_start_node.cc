// unknown-start-node: startNodeId names no node, so the call has nowhere to begin.
#include "base/strings.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleUnknownStartNode;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  const auto& f = ctx.flow;
  if (!f.start_value || !f.start_value->is_string() || f.start_node_id.empty() || f.start_index >= 0) return;
  if (f.nodes.empty()) return;  // no-nodes (or the schema, for a missing `nodes`) says why
  std::vector<std::string> ids;
  for (const auto& n : f.nodes)
    if (!n.id.empty()) ids.push_back(n.id);
  std::string msg = "startNodeId \"" + f.start_node_id + "\" is not the id of any node";
  std::string fix = closest_match(f.start_node_id, ids);
  if (!fix.empty()) msg += "; did you mean \"" + fix + "\"?";
  else if (!ids.empty()) msg += "; set it to the id of the first node (e.g. \"" + ids.front() + "\")";
  out.report(kRuleUnknownStartNode, *f.start_value, msg, "", fix);
}

}  // namespace

const Rule kRuleUnknownStartNode = {"unknown-start-node", diag::Severity::kError,
                                    "startNodeId does not name a node of the flow.", false, check};

}  // namespace gomo::checks

// no-nodes: graph.nodes is empty, so the flow cannot place a call. A missing or wrong-typed `nodes`
// is the schema's to report.
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleNoNodes;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  const Value* nodes = ctx.flow.nodes_value;
  if (!nodes) return;
  bool empty = (nodes->is_sequence() && nodes->items.empty()) || (nodes->is_mapping() && nodes->members.empty());
  if (!empty) return;
  out.report(kRuleNoNodes, *nodes,
             "graph.nodes is empty: a flow needs at least one node; add the nodes of the call, starting with the "
             "one startNodeId names (e.g. a dial node) and ending with a hangup");
}

}  // namespace

const Rule kRuleNoNodes = {"no-nodes", diag::Severity::kError, "The flow has no nodes.", false, check};

}  // namespace gomo::checks

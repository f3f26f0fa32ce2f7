// dtmf-no-timeout: a dtmf node with neither onTimeout nor default: a callee who presses nothing
// leaves the call stranded with no next node.
#include "checks/node_config.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleDtmfNoTimeout;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  const std::string hangup = first_hangup_id(ctx.flow);
  for (const auto& n : ctx.flow.nodes) {
    if (n.type != model::NodeType::kDtmf) continue;
    // No outputs at all is missing-outputs' finding; a wrong-typed `outputs` is the schema's.
    if (!n.outputs || n.outputs->members.empty() || n.outputs->find("onTimeout") || n.outputs->find("default"))
      continue;
    out.report(kRuleDtmfNoTimeout, outputs_anchor(n),
               "dtmf node \"" + n.id +
                   "\" has no onTimeout (and no default): if the callee presses nothing, the call "
                   "stops here without a hangup; add onTimeout: <node> (a re-prompt, or " +
                   (hangup.empty() ? std::string("a hangup") : hangup) + ")");
  }
}

}  // namespace

const Rule kRuleDtmfNoTimeout = {"dtmf-no-timeout", diag::Severity::kWarning,
                                 "A dtmf node has neither onTimeout nor default: a silent callee strands the call.",
                                 false, check};

}  // namespace gomo::checks

// missing-outputs: a node other than a hangup has no outputs at all, so the call would stop there
// without ever reaching a hangup.
#include "checks/node_config.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleMissingOutputs;

namespace {

bool has_any_output(const Value& outputs) {
  for (const auto& m : outputs.members) {
    // An empty `branches: {}` routes nothing.
    if (m.key.text == "branches" && m.value.is_mapping() && m.value.members.empty()) continue;
    return true;
  }
  return false;
}

void check(const CheckContext& ctx, Reporter& out) {
  const std::string hangup = first_hangup_id(ctx.flow);
  for (const auto& n : ctx.flow.nodes) {
    if (n.type == model::NodeType::kUnknown || n.type == model::NodeType::kHangup) continue;
    const Value* outputs = n.value->find("outputs");
    if (outputs && (!outputs->is_mapping() || has_any_output(*outputs))) continue;  // wrong type: schema
    // The type's first output name (dtmf: the first after "branches") makes the example.
    std::string example;
    for (const auto& name : model::allowed_outputs(n.type))
      if (name != "branches") {
        example = name;
        break;
      }
    std::string type = model::node_type_name(n.type);
    out.report(kRuleMissingOutputs, outputs_anchor(n),
               type + " node \"" + n.id +
                   "\" has no outputs, so the call would end here without a hangup; add outputs, e.g. " + example +
                   ": " + (hangup.empty() ? "<next node>" : hangup) + ", or make it a hangup");
  }
}

}  // namespace

const Rule kRuleMissingOutputs = {
    "missing-outputs", diag::Severity::kError,
    "A node that is not a hangup has no outputs: the call would end there without a hangup.", false, check};

}  // namespace gomo::checks

// system-variable-write: a set_variable, dtmf or record node stores into a `sys.*` name. System
// variables are read-only: the platform sets them for each call.
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleSystemVariableWrite;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  for (const auto& n : ctx.flow.nodes) {
    if (n.type != model::NodeType::kSetVariable && n.type != model::NodeType::kDtmf &&
        n.type != model::NodeType::kRecord)
      continue;
    const Value* variable = n.config_at("variable");
    if (!variable || !variable->is_string() || variable->text.rfind("sys.", 0) != 0) continue;
    std::string own = variable->text.substr(4);
    if (own.empty()) own = "myVariable";
    out.report(kRuleSystemVariableWrite, *variable,
               std::string(model::node_type_name(n.type)) + " node \"" + n.id + "\" writes `" + variable->text +
                   "`, but sys.* variables are read-only (the platform sets them for each call); store the value in a "
                   "variable of your own, e.g. `" +
                   own + "`",
               "", own);
  }
}

}  // namespace

const Rule kRuleSystemVariableWrite = {"system-variable-write", diag::Severity::kError,
                                       "A set_variable, dtmf or record node writes a read-only sys.* variable.", false,
                                       check};

}  // namespace gomo::checks

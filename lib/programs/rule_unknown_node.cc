// unknown-node: an auto-pause rule whose nodeId is no node of the program's flow, so that it would
// never pause the execution. Needs the flow's graph, so it runs only with the target's catalog
// (`program validate --remote`, `program apply`): offline, the flow is only a name.
#include <algorithm>

#include "base/strings.h"
#include "programs/rules.h"

namespace gomo::programs {

extern const ProgramRule kRuleUnknownNode;

namespace {

constexpr size_t kNodesListed = 12;  // beyond this, the message names the count, not every node

std::string list_nodes(const std::vector<std::string>& ids) {
  if (ids.empty()) return "the flow has no nodes";
  if (ids.size() <= kNodesListed) return "its nodes: " + join(ids, ", ");
  const std::vector<std::string> first(ids.begin(), ids.begin() + kNodesListed);
  return "its nodes: " + join(first, ", ") + ", ... (" + std::to_string(ids.size()) + " in all)";
}

void check_unknown_node(const ProgramContext& ctx, ProgramReporter& out) {
  if (!ctx.catalog || !ctx.file.auto_pause_rules || !ctx.file.flow.present()) return;
  auto flows = resolve_reference(ctx.catalog->flows, ctx.file.flow.text);
  if (flows.size() != 1) return;  // unknown-flow or ambiguous-reference says so
  auto nodes = ctx.catalog->flow_nodes.find(flows.front()->id);
  if (nodes == ctx.catalog->flow_nodes.end()) return;  // the graph was not read: nothing to say
  const std::vector<std::string>& ids = nodes->second;
  for (const auto& rule : ctx.file.auto_pause_rules->items) {
    const document::Value* node = rule.find("nodeId");
    if (!node || !node->is_string() || node->text.empty()) continue;  // schema says so
    if (std::find(ids.begin(), ids.end(), node->text) != ids.end()) continue;
    std::string message = "node `" + node->text + "` is not in flow `" + flows.front()->name +
                          "`, so this rule would never pause the execution";
    const std::string guess = closest_match(node->text, ids);
    if (!guess.empty()) message += "; did you mean " + guess + "?";
    else message += "; " + list_nodes(ids);
    out.report(kRuleUnknownNode, *node, std::move(message), guess);
  }
}

}  // namespace

const ProgramRule kRuleUnknownNode = {
    "unknown-node", diag::Severity::kError,
    "An auto-pause rule names a node the program's flow does not have (checked against the target).",
    check_unknown_node};

}  // namespace gomo::programs

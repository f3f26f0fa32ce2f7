// no-hangup-cycle: nodes reachable from the start that loop forever: every path from them stays in a
// cycle and never reaches a hangup (or any other end), so the call would never end. Loops with an
// exit (a retry counter's onMaxRetries, a branch to a hangup) are fine.
#include <algorithm>
#include <functional>
#include <utility>

#include "base/strings.h"
#include "checks/node_config.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleNoHangupCycle;

namespace {

// Strongly-connected components of the nodes in `member` (Tarjan), each listed in file order.
std::vector<std::vector<int>> components(const std::vector<std::vector<int>>& successors,
                                         const std::vector<bool>& member) {
  const int n = static_cast<int>(successors.size());
  std::vector<int> index(n, -1), low(n, 0), stack;
  std::vector<bool> on_stack(n, false);
  std::vector<std::vector<int>> out;
  int counter = 0;
  std::function<void(int)> visit = [&](int v) {
    index[v] = low[v] = counter++;
    stack.push_back(v);
    on_stack[v] = true;
    for (int w : successors[v]) {
      if (!member[w]) continue;
      if (index[w] < 0) {
        visit(w);
        low[v] = std::min(low[v], low[w]);
      } else if (on_stack[w]) {
        low[v] = std::min(low[v], index[w]);
      }
    }
    if (low[v] != index[v]) return;
    std::vector<int> comp;
    int w;
    do {
      w = stack.back();
      stack.pop_back();
      on_stack[w] = false;
      comp.push_back(w);
    } while (w != v);
    std::sort(comp.begin(), comp.end());
    out.push_back(std::move(comp));
  };
  for (int v = 0; v < n; ++v)
    if (member[v] && index[v] < 0) visit(v);
  return out;
}

// {node index, output}: an unused output of a loop node through which a caller would
// naturally leave (retries running out, silence, the other side of a condition). {-1, ""} when no
// node of the loop has one: then the fix is to re-point an existing output.
std::pair<int, std::string> suggested_exit(const model::Flow& f, const std::vector<int>& comp) {
  for (int i : comp) {
    const auto& node = f.nodes[i];
    std::vector<std::string> exits;
    switch (node.type) {
      case model::NodeType::kDtmf: exits = {"onMaxRetries", "onTimeout", "default"}; break;
      case model::NodeType::kCondition: exits = {"onFalse", "onTrue"}; break;
      case model::NodeType::kRecord: exits = {"onTimeout", "default"}; break;
      case model::NodeType::kDial: exits = {"default"}; break;
      default: break;
    }
    for (const auto& name : exits)
      if (!node.has_output(name)) return {i, name};
  }
  return {-1, ""};
}

void check(const CheckContext& ctx, Reporter& out) {
  const auto& f = ctx.flow;
  const size_t n = f.nodes.size();
  if (f.start_index < 0) return;
  // Where a call can end: hangups, and (for this rule) every node whose end other rules explain:
  // unknown types, broken targets, nodes without outputs.
  std::vector<std::vector<int>> predecessors(n);
  std::vector<bool> can_end(n, false);
  std::vector<int> work;
  for (size_t i = 0; i < n; ++i) {
    const auto& node = f.nodes[i];
    bool broken_edge =
        std::any_of(node.edges.begin(), node.edges.end(), [](const model::Edge& e) { return e.target_index < 0; });
    if (node.type == model::NodeType::kHangup || node.type == model::NodeType::kUnknown || broken_edge ||
        ctx.graph.successors[i].empty()) {
      can_end[i] = true;
      work.push_back(static_cast<int>(i));
    }
    for (int s : ctx.graph.successors[i]) predecessors[s].push_back(static_cast<int>(i));
  }
  while (!work.empty()) {
    int v = work.back();
    work.pop_back();
    for (int p : predecessors[v])
      if (!can_end[p]) {
        can_end[p] = true;
        work.push_back(p);
      }
  }
  std::vector<bool> trapped(n, false);
  for (size_t i = 0; i < n; ++i) trapped[i] = ctx.graph.reachable[i] && !can_end[i];
  const std::string hangup = first_hangup_id(f);
  for (const auto& comp : components(ctx.graph.successors, trapped)) {
    const auto& first = f.nodes[comp.front()];
    const auto& succ = ctx.graph.successors[comp.front()];
    bool cyclic = comp.size() > 1 || std::find(succ.begin(), succ.end(), comp.front()) != succ.end();
    if (!cyclic) continue;  // leads into a loop reported on its own
    std::vector<std::string> names;
    for (int i : comp) names.push_back("\"" + f.nodes[i].id + "\"");
    std::string msg = comp.size() == 1 ? "node " + names.front() + " loops back to itself"
                                       : "nodes " + join_words(names, " and ") + " form a loop";
    msg += " that never reaches a hangup: every output leads back into the loop, so the call would never end; ";
    std::string target = hangup.empty() ? "a hangup node" : hangup;
    auto [exit_node, exit_output] = suggested_exit(f, comp);
    if (exit_node < 0) msg += "point one of the loop's outputs at " + target;
    else msg += "add an exit, e.g. `" + exit_output + ": " + target + "` on node \"" + f.nodes[exit_node].id + "\"";
    out.report(kRuleNoHangupCycle, first.anchor(), msg);
  }
}

}  // namespace

const Rule kRuleNoHangupCycle = {
    "no-hangup-cycle", diag::Severity::kError,
    "Nodes loop forever: no path out of the loop reaches a hangup, so the call never ends.", false, check};

}  // namespace gomo::checks

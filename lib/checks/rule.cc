#include "checks/rule.h"

#include "checks/registry.h"

namespace gomo::checks {

void Reporter::report(const Rule& rule, const document::Value& at, std::string message, std::string related,
                      std::string fix) {
  diag::Diagnostic d;
  d.rule = rule.id;
  d.severity = rule.severity;
  d.message = std::move(message);
  d.location = diag::locate(doc_, at);
  d.related = std::move(related);
  d.fix = std::move(fix);
  diags_.push_back(std::move(d));
}

void Reporter::report(const std::string& rule_id, const document::Value& at, std::string message, std::string fix) {
  const Rule* rule = find_rule(rule_id);
  diag::Diagnostic d;
  d.rule = rule_id;
  d.severity = rule ? rule->severity : diag::Severity::kError;
  d.message = std::move(message);
  d.location = diag::locate(doc_, at);
  d.fix = std::move(fix);
  diags_.push_back(std::move(d));
}

GraphIndex build_graph_index(const model::Flow& flow) {
  GraphIndex g;
  const size_t n = flow.nodes.size();
  g.successors.resize(n);
  g.reachable.assign(n, false);
  for (size_t i = 0; i < n; ++i)
    for (const auto& e : flow.nodes[i].edges)
      if (e.target_index >= 0) g.successors[i].push_back(e.target_index);
  if (flow.start_index >= 0) {
    std::vector<int> stack = {flow.start_index};
    g.reachable[flow.start_index] = true;
    while (!stack.empty()) {
      int cur = stack.back();
      stack.pop_back();
      for (int next : g.successors[cur])
        if (!g.reachable[next]) {
          g.reachable[next] = true;
          stack.push_back(next);
        }
    }
  }
  return g;
}

}  // namespace gomo::checks

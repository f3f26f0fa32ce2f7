// Auto-pause rules from a file (programs/pause_rules_file.h), read through gomo's positioned reader so
// that every mistake says where it is.
#include "programs/pause_rules_file.h"

#include <set>

#include "api/validate_programs.h"
#include "base/strings.h"
#include "document/document.h"
#include "document/value_error.h"
#include "programs/flow_nodes.h"

namespace gomo::programs {
namespace {

// "path:line:col: message" at the value.
Status at(const std::string& path, const document::Value& v, const std::string& message) {
  return document::error_at(path, v, message);
}

}  // namespace

Result<std::vector<api::AutoPauseRule>> read_auto_pause_rules(const std::string& path, std::string text) {
  auto doc = document::read_document(path, std::move(text));
  if (!doc->problems.empty()) {
    const auto& p = doc->problems.front();
    return Status::invalid_argument(path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) +
                                    ": " + p.message);
  }
  const document::Value* list = &doc->root;
  if (list->is_mapping()) {
    list = list->find("autoPauseRules");
    if (!list) return at(path, doc->root, "expected a list of rules, or a mapping with autoPauseRules: [...]");
  }
  if (!list->is_sequence()) {
    return at(path, *list,
              std::string("expected a list of rules ({nodeId, threshold, resetOnResume}), got ") +
                  document::kind_name(list->kind));
  }
  std::vector<api::AutoPauseRule> rules;
  std::set<std::string> nodes;
  for (const document::Value& item : list->items) {
    if (!item.is_mapping()) {
      return at(
          path, item,
          std::string("a rule is a mapping {nodeId, threshold, resetOnResume}, got ") + document::kind_name(item.kind));
    }
    api::AutoPauseRule rule;
    bool has_node = false, has_threshold = false;
    for (const document::Member& m : item.members) {
      const std::string& key = m.key.text;
      if (key == "nodeId") {
        if (!m.value.is_string() || m.value.text.empty()) return at(path, m.value, "nodeId must be a node id (text)");
        rule.node_id = m.value.text;
        has_node = true;
      } else if (key == "threshold") {
        if (m.value.kind != document::Kind::kInt || m.value.integer < 1 || m.value.integer > 1000000000) {
          return at(path, m.value, "threshold must be an integer >= 1, got " + m.value.scalar_text());
        }
        rule.threshold = static_cast<int>(m.value.integer);
        has_threshold = true;
      } else if (key == "resetOnResume") {
        if (m.value.kind != document::Kind::kBool) return at(path, m.value, "resetOnResume must be true or false");
        rule.reset_on_resume = m.value.boolean;
      } else {
        return at(path, m.key, "unknown key " + key + " in a rule; expected nodeId, threshold, resetOnResume");
      }
    }
    if (!has_node) return at(path, item, "the rule has no nodeId");
    if (!has_threshold) return at(path, item, "the rule of node " + rule.node_id + " has no threshold");
    if (!nodes.insert(rule.node_id).second) {
      return at(path, item, "node " + rule.node_id + " has a rule already; give each node one rule");
    }
    rules.push_back(std::move(rule));
  }
  // The platform's own constraints, should they say more than the above.
  if (auto e = api::validate_auto_pause_rules(rules, "autoPauseRules")) {
    std::string message = path + ": " + e->message;
    for (const auto& [field, messages] : e->field_errors)
      for (const auto& m : messages) message += "; " + field + ": " + m;
    return Status::invalid_argument(message);
  }
  return rules;
}

std::optional<Failure> check_rule_nodes(api::Platform& platform, const api::Execution& execution,
                                        const std::vector<api::AutoPauseRule>& rules, const std::string& path) {
  if (rules.empty()) return std::nullopt;
  auto flow = platform.get_flow(execution.flow_id);
  if (!flow) return std::nullopt;
  auto node_ids = flow_node_ids(flow->graph_json);
  if (!node_ids) return std::nullopt;
  const std::vector<std::string>& ids = *node_ids;
  const std::set<std::string> known(ids.begin(), ids.end());
  for (size_t i = 0; i < rules.size(); ++i) {
    const std::string& node = rules[i].node_id;
    if (known.count(node)) continue;
    std::string message = path + ": rule " + std::to_string(i + 1) + ": node " + node + " is not in flow \"" +
                          flow->name + "\", so the rule would never pause the execution";
    if (std::string guess = closest_match(node, ids); !guess.empty()) message += "; did you mean " + guess + "?";
    message += " (its nodes: " + join(ids, ", ") + ")";
    return Failure::usage_error(std::move(message));
  }
  return std::nullopt;
}

}  // namespace gomo::programs

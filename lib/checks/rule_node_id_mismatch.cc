// node-id-mismatch: with nodes written as a map, a node's `id` field differs from its key. Outputs
// and startNodeId then refer to one name while the platform uses the other.
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleNodeIdMismatch;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  if (!ctx.flow.nodes_as_map) return;
  for (const auto& n : ctx.flow.nodes) {
    // Non-string ids are the schema's to report.
    if (!n.map_key || !n.id_value || !n.id_value->is_string() || n.id_value->text == n.map_key->text) continue;
    const std::string& key = n.map_key->text;
    std::string where = std::to_string(n.map_key->begin.line) + ":" + std::to_string(n.map_key->begin.col);
    out.report(kRuleNodeIdMismatch, *n.id_value,
               "node id \"" + n.id_value->text + "\" differs from its key \"" + key +
                   "\" in the nodes map; gomo uses the id, so outputs naming \"" + key +
                   "\" miss it; make them agree: set id to \"" + key + "\" (or remove the id field)",
               "the key is at " + where, key);
  }
}

}  // namespace

const Rule kRuleNodeIdMismatch = {"node-id-mismatch", diag::Severity::kError,
                                  "In a nodes map, a node's id field differs from its key.", false, check};

}  // namespace gomo::checks

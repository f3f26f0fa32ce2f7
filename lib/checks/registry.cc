#include "checks/registry.h"

namespace gomo::checks {

// Each rule_<id>.cc defines its Rule. Listed here by hand: linkers drop unreferenced objects.
extern const Rule kRuleSyntax;
extern const Rule kRuleDuplicateKey;
extern const Rule kRuleSchema;
extern const Rule kRuleUnknownNodeType;
extern const Rule kRuleUnknownOutput;
extern const Rule kRuleHangupOutputs;
extern const Rule kRuleUnknownOperator;
extern const Rule kRuleUnknownValueSource;
extern const Rule kRuleUnsupportedLanguage;
extern const Rule kRuleDuplicateNodeId;
extern const Rule kRuleUnknownStartNode;
extern const Rule kRuleUnknownTarget;

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> kRules = {
      &kRuleSyntax,
      &kRuleDuplicateKey,
      &kRuleSchema,
      &kRuleUnknownNodeType,
      &kRuleUnknownOutput,
      &kRuleHangupOutputs,
      &kRuleUnknownOperator,
      &kRuleUnknownValueSource,
      &kRuleUnsupportedLanguage,
      &kRuleDuplicateNodeId,
      &kRuleUnknownStartNode,
      &kRuleUnknownTarget,
  };
  return kRules;
}

const Rule* find_rule(std::string_view id) {
  for (const Rule* r : all_rules())
    if (id == r->id) return r;
  return nullptr;
}

}  // namespace gomo::checks

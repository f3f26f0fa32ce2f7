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
extern const Rule kRuleNoNodes;
extern const Rule kRuleDuplicateNodeId;
extern const Rule kRuleNodeIdMismatch;
extern const Rule kRuleUnknownStartNode;
extern const Rule kRuleUnknownTarget;
extern const Rule kRuleMissingOutputs;
extern const Rule kRuleUnreachableNode;
extern const Rule kRuleNoHangupCycle;
extern const Rule kRuleDialUnhandledOutcome;
extern const Rule kRuleVoicemailWithoutAmd;
extern const Rule kRuleDtmfBranchDigit;
extern const Rule kRuleDtmfNoTimeout;
extern const Rule kRulePlayNoAudio;
extern const Rule kRulePlayLegacyAudioId;
extern const Rule kRuleConditionOperand;
extern const Rule kRuleSystemVariableWrite;
extern const Rule kRuleUndefinedVariable;
extern const Rule kRuleUnknownAudio;
extern const Rule kRuleUnknownAttribute;
extern const Rule kRuleGomobileExtension;
extern const Rule kRuleMissingLabel;

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
      // The graph: nodes, ids, edges.
      &kRuleNoNodes,
      &kRuleDuplicateNodeId,
      &kRuleNodeIdMismatch,
      &kRuleUnknownStartNode,
      &kRuleUnknownTarget,
      &kRuleMissingOutputs,
      &kRuleUnreachableNode,
      &kRuleNoHangupCycle,
      // Node by node, by type.
      &kRuleDialUnhandledOutcome,
      &kRuleVoicemailWithoutAmd,
      &kRuleDtmfBranchDigit,
      &kRuleDtmfNoTimeout,
      &kRulePlayNoAudio,
      &kRulePlayLegacyAudioId,
      &kRuleConditionOperand,
      // Variables and names, then what depends on the target or catalogs, then style.
      &kRuleSystemVariableWrite,
      &kRuleUndefinedVariable,
      &kRuleUnknownAudio,
      &kRuleUnknownAttribute,
      &kRuleGomobileExtension,
      &kRuleMissingLabel,
  };
  return kRules;
}

const Rule* find_rule(std::string_view id) {
  for (const Rule* r : all_rules())
    if (id == r->id) return r;
  return nullptr;
}

}  // namespace gomo::checks

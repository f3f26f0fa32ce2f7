// schema: the flow's shape against schemas/flow.schema.json (missing or wrong-typed fields, unknown
// fields with "did you mean"). Violations the schema tags with x-gomo-rule are reported under those
// ids, defined here too since this check is the one that finds them.
#include "checks/rule.h"
#include "checks/schema_check.h"

namespace gomo::checks {

// `const` at namespace scope is internal unless declared extern first.
extern const Rule kRuleSyntax, kRuleDuplicateKey, kRuleSchema, kRuleUnknownNodeType, kRuleUnknownOutput,
    kRuleHangupOutputs, kRuleUnknownOperator, kRuleUnknownValueSource, kRuleUnsupportedLanguage;

namespace {

void check_schema(const CheckContext& ctx, Reporter& out) {
  std::vector<SchemaViolation> violations;
  flow_schema_checker().check(ctx.flow.doc->root, violations);
  for (auto& v : violations) out.report(v.rule, *v.at, std::move(v.message), std::move(v.fix));
}

}  // namespace

const Rule kRuleSyntax = {"syntax", diag::Severity::kError, "The file is not valid YAML or JSON.", true, nullptr};
const Rule kRuleDuplicateKey = {"duplicate-key", diag::Severity::kError,
                                "A key appears twice in one mapping; readers silently keep only one.", true, nullptr};
const Rule kRuleSchema = {"schema", diag::Severity::kError,
                          "The document does not have the shape of a flow: missing, wrong-typed or unknown fields.",
                          true, check_schema};
const Rule kRuleUnknownNodeType = {
    "unknown-node-type", diag::Severity::kError,
    "A node's type is not one of dial, answer, play, dtmf, record, condition, set_variable, hangup.", true, nullptr};
const Rule kRuleUnknownOutput = {"unknown-output", diag::Severity::kError,
                                 "An output name is not allowed for the node's type (e.g. onEnd on a play node).", true,
                                 nullptr};
const Rule kRuleHangupOutputs = {"hangup-outputs", diag::Severity::kError,
                                 "A hangup node has outputs; hangup ends the call, so they are never taken.", true,
                                 nullptr};
const Rule kRuleUnknownOperator = {"unknown-operator", diag::Severity::kError,
                                   "A condition uses an operator gomo does not know.", true, nullptr};
const Rule kRuleUnknownValueSource = {
    "unknown-value-source", diag::Severity::kError,
    "A value source names a `source` other than literal, variable, contactField, customAttribute, system.", true,
    nullptr};
const Rule kRuleUnsupportedLanguage = {"unsupported-language", diag::Severity::kError,
                                       "A number or date item uses a language other than ar, fr or en.", true, nullptr};

}  // namespace gomo::checks

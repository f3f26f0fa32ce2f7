// The program rule table, the reporter and reference resolution (programs/rules.h).
#include "programs/rules.h"

namespace gomo::programs {

// Rules are defined in their own files; `extern` so the table can list them (no self-registration:
// linkers drop unreferenced objects from static libraries).
extern const ProgramRule kProgramRuleSyntax, kProgramRuleDuplicateKey, kProgramRuleSchema, kRuleBadTime,
    kRuleRetryOutOfRange, kRuleInvertedPauseWindow, kRuleOverlappingPauseWindows, kRuleUnknownTimezone,
    kRuleStopBeforeStart, kRuleDidShape, kRuleUnknownFlow, kRuleUnknownAudience, kRuleUnknownDid,
    kRuleAmbiguousReference, kRuleUnknownNode;

const ProgramRule kProgramRuleSyntax = {"syntax", diag::Severity::kError, "The file is not valid YAML or JSON.",
                                        nullptr};
const ProgramRule kProgramRuleDuplicateKey = {"duplicate-key", diag::Severity::kError,
                                              "A key appears twice in one mapping.", nullptr};
const ProgramRule kProgramRuleSchema = {
    "schema", diag::Severity::kError,
    "The file does not have the shape of a program (schemas/program.schema.json): missing, wrong-typed or "
    "unknown fields.",
    nullptr};

const std::vector<const ProgramRule*>& all_program_rules() {
  static const std::vector<const ProgramRule*> rules = {
      &kProgramRuleSyntax,
      &kProgramRuleDuplicateKey,
      &kProgramRuleSchema,
      &kRuleBadTime,
      &kRuleRetryOutOfRange,
      &kRuleInvertedPauseWindow,
      &kRuleOverlappingPauseWindows,
      &kRuleUnknownTimezone,
      &kRuleStopBeforeStart,
      &kRuleDidShape,
      &kRuleUnknownFlow,
      &kRuleUnknownAudience,
      &kRuleUnknownDid,
      &kRuleAmbiguousReference,
      &kRuleUnknownNode,
  };
  return rules;
}

const ProgramRule* find_program_rule(const std::string& id) {
  for (const ProgramRule* r : all_program_rules())
    if (id == r->id) return r;
  return nullptr;
}

checks::KnownRules program_rule_ids() {
  checks::KnownRules known;
  for (const ProgramRule* r : all_program_rules()) known.ids.push_back(r->id);
  known.also = {"read-error"};
  known.list_hint = "docs/program-rules.md lists them";
  return known;
}

void ProgramReporter::report(const ProgramRule& rule, const document::Value& at, std::string message, std::string fix) {
  diag::Diagnostic d;
  d.rule = rule.id;
  d.severity = rule.severity;
  d.message = std::move(message);
  d.location = diag::locate(doc_, at);
  d.fix = std::move(fix);
  diags_.push_back(std::move(d));
}

std::vector<const Reference*> resolve_reference(const std::vector<Reference>& refs, const std::string& key) {
  for (const auto& r : refs)
    if (r.id == key) return {&r};
  auto bare = [](std::string_view s) { return !s.empty() && s[0] == '+' ? s.substr(1) : s; };
  std::vector<const Reference*> named;
  for (const auto& r : refs)
    if (r.name == key || (!key.empty() && key[0] == '+' && bare(r.name) == bare(key))) named.push_back(&r);
  return named;
}

bool is_e164(std::string_view text) {
  if (text.size() < 9 || text.size() > 16 || text[0] != '+' || text[1] == '0') return false;
  for (size_t i = 1; i < text.size(); ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

}  // namespace gomo::programs

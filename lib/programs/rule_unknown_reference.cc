// unknown-flow, unknown-audience, unknown-did and ambiguous-reference: the names and ids a program
// file refers to, looked up on the target (`program validate --remote`, `program apply`). One check
// finds all four, as they share the lookup.
#include "api/validate_programs.h"
#include "base/strings.h"
#include "programs/rules.h"

namespace gomo::programs {

extern const ProgramRule kRuleUnknownFlow, kRuleUnknownAudience, kRuleUnknownDid, kRuleAmbiguousReference;

namespace {

void check_one(const Located& key, const std::vector<Reference>& refs, const char* noun, const ProgramRule& unknown,
               ProgramReporter& out) {
  if (!key.present() || key.text.empty()) return;
  auto found = resolve_reference(refs, key.text);
  if (found.size() == 1) return;
  if (found.size() > 1) {
    std::vector<std::string> ids;
    for (const auto* r : found) ids.push_back(r->id);
    out.report(kRuleAmbiguousReference, *key.at,
               std::to_string(found.size()) + " " + noun + "s are named `" + key.text + "` (" + join(ids, ", ") +
                   "); write the id of the one you mean");
    return;
  }
  std::vector<std::string> names;
  for (const auto& r : refs) names.push_back(r.name);
  std::string message = "no " + std::string(noun) + " `" + key.text + "` on the target";
  const std::string guess = closest_match(key.text, names);
  if (!guess.empty()) message += "; did you mean " + guess + "?";
  else if (std::string(noun) == "DID") message += "; `gomo dids list` shows the available ones";
  else message += "; write its exact name or its id";
  out.report(unknown, *key.at, std::move(message), guess);
}

void check_unknown_reference(const ProgramContext& ctx, ProgramReporter& out) {
  if (!ctx.catalog) return;
  check_one(ctx.file.flow, ctx.catalog->flows, "flow", kRuleUnknownFlow, out);
  check_one(ctx.file.audience, ctx.catalog->audiences, "audience", kRuleUnknownAudience, out);
  for (const auto& did : ctx.file.dids) {
    if (!is_e164(did.text) && !api::is_uuid(did.text)) continue;  // did-shape says so
    check_one(did, ctx.catalog->dids, "DID", kRuleUnknownDid, out);
  }
}

}  // namespace

const ProgramRule kRuleUnknownFlow = {"unknown-flow", diag::Severity::kError,
                                      "No flow of the target has this name or id.", check_unknown_reference};
const ProgramRule kRuleUnknownAudience = {"unknown-audience", diag::Severity::kError,
                                          "No audience of the target has this name or id.", nullptr};
const ProgramRule kRuleUnknownDid = {"unknown-did", diag::Severity::kError,
                                     "No available DID of the target has this number or id.", nullptr};
const ProgramRule kRuleAmbiguousReference = {"ambiguous-reference", diag::Severity::kError,
                                             "Several flows or audiences have this name; write the id.", nullptr};

}  // namespace gomo::programs

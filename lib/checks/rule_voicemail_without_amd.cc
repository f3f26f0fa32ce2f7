// voicemail-without-amd: a dial node has an onVoicemail output while answering machine detection is
// off, so machines come out as onAnswer and the output is never taken.
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleVoicemailWithoutAmd;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  for (const auto& n : ctx.flow.nodes) {
    if (n.type != model::NodeType::kDial || !n.outputs) continue;
    const Value* amd = n.config_at("enableAMD");
    if (!amd || amd->kind != document::Kind::kBool || amd->boolean) continue;
    const document::Member* vm = n.outputs->find_member("onVoicemail");
    if (!vm) continue;
    out.report(kRuleVoicemailWithoutAmd, vm->key,
               "onVoicemail of dial node \"" + n.id +
                   "\" is never taken: config.enableAMD is false, so answering machines are reported as onAnswer; "
                   "set enableAMD: true, or remove this output",
               "enableAMD: false at " + std::to_string(amd->begin.line) + ":" + std::to_string(amd->begin.col));
  }
}

}  // namespace

const Rule kRuleVoicemailWithoutAmd = {
    "voicemail-without-amd", diag::Severity::kError,
    "A dial node has onVoicemail while enableAMD is false, so that output is never taken.", false, check};

}  // namespace gomo::checks

// dial-unhandled-outcome: a dial node leaves some call outcomes without an output (and has no
// `default`), so a call ending that way stops the flow without a hangup.
#include "base/strings.h"
#include "checks/node_config.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleDialUnhandledOutcome;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  const std::string hangup = first_hangup_id(ctx.flow);
  for (const auto& n : ctx.flow.nodes) {
    if (n.type != model::NodeType::kDial) continue;
    // No outputs at all is missing-outputs' finding; a wrong-typed `outputs` is the schema's.
    if (!n.outputs || n.outputs->members.empty() || n.outputs->find("default")) continue;
    const Value* amd = n.config_at("enableAMD");
    bool amd_on = !(amd && amd->kind == document::Kind::kBool && !amd->boolean);  // default true
    std::vector<std::string> missing;
    for (const char* outcome : {"onAnswer", "onNoAnswer", "onBusy", "onRejected", "onError", "onVoicemail"}) {
      if (std::string_view(outcome) == "onVoicemail" && !amd_on) continue;
      if (!n.outputs->find(outcome)) missing.push_back(outcome);
    }
    if (missing.empty()) continue;
    std::string msg = "dial node \"" + n.id + "\" does not handle " + join_words(missing, " and ") +
                      ": a call ending that way stops the flow without a hangup; add " +
                      (missing.size() == 1 ? "that output" : "those outputs") +
                      ", or `default: " + (hangup.empty() ? "<hangup node>" : hangup) +
                      "` for every outcome not handled";
    if (!amd && missing.back() == "onVoicemail")
      msg +=
          " (onVoicemail is taken because enableAMD is true by default; set enableAMD: false to treat machines as onAnswer)";
    out.report(kRuleDialUnhandledOutcome, outputs_anchor(n), msg);
  }
}

}  // namespace

const Rule kRuleDialUnhandledOutcome = {
    "dial-unhandled-outcome", diag::Severity::kWarning,
    "A dial node has no output (and no default) for some call outcomes: answer, no answer, busy, rejected, error, voicemail.",
    false, check};

}  // namespace gomo::checks

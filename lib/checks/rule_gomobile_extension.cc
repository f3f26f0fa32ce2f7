// gomobile-extension: with --target gomobile, features only gomo understands. Today: `tts` audio
// items, which gomo's local engine speaks but the Gomobile platform may reject.
#include "checks/node_config.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleGomobileExtension;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  if (ctx.options.target != Target::kGomobile) return;
  for (const auto& n : ctx.flow.nodes)
    for_each_audio_item(n, [&](const Value& item) {
      const Value* type = item.find("type");
      if (!type || !type->is_string() || type->text != "tts") return;
      out.report(kRuleGomobileExtension, *type,
                 "tts items are a gomo extension (node \"" + n.id +
                     "\"): the Gomobile platform may reject this flow; record the text as an audio file and use "
                     "{type: audioFile, audioId: <id>} (or number/date/word items), or validate with --target local "
                     "if the flow only runs in gomo");
    });
}

}  // namespace

const Rule kRuleGomobileExtension = {
    "gomobile-extension", diag::Severity::kWarning,
    "With --target gomobile: a gomo-only extension (tts items) the platform may reject.", false, check};

}  // namespace gomo::checks

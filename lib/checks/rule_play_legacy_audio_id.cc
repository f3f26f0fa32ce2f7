// play-legacy-audio-id: `config.audioId` on a play node, the single-audio shorthand of Gomobile's first-call guide.
// It still plays, but audioItems is the documented form and can hold more than one item.
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRulePlayLegacyAudioId;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  for (const auto& n : ctx.flow.nodes) {
    if (n.type != model::NodeType::kPlay || !n.config) continue;
    const document::Member* legacy = n.config->find_member("audioId");
    if (!legacy || !legacy->value.is_string()) continue;  // wrong type: the schema's
    std::string msg = "config.audioId is the legacy single-audio form; write audioItems: [{type: audioFile, audioId: " +
                      legacy->value.text + "}] instead";
    if (n.config_at("audioItems"))
      msg += " (this node has audioItems too: merge the two, or it is unclear which one plays)";
    out.report(kRulePlayLegacyAudioId, legacy->key, msg);
  }
}

}  // namespace

const Rule kRulePlayLegacyAudioId = {"play-legacy-audio-id", diag::Severity::kWarning,
                                     "A play node uses the legacy config.audioId instead of audioItems.", false, check};

}  // namespace gomo::checks

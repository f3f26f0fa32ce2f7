// play-no-audio: a play node with nothing to play: no audioItems (missing or empty) and no legacy
// audioId.
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRulePlayNoAudio;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  for (const auto& n : ctx.flow.nodes) {
    if (n.type != model::NodeType::kPlay || !n.value->is_mapping()) continue;
    const document::Member* config = n.value->find_member("config");
    if (config && !config->value.is_mapping()) continue;  // wrong type: the schema's
    const Value* items = n.config_at("audioItems");
    if (items && (!items->is_sequence() || !items->items.empty())) continue;
    if (n.config_at("audioId")) continue;
    const Value& at = items ? *items : config ? config->key : n.anchor();
    std::string what = items    ? "config.audioItems is empty"
                       : config ? "its config has no audioItems"
                                : "it has no config";
    out.report(kRulePlayNoAudio, at,
               "play node \"" + n.id + "\" plays nothing: " + what +
                   "; add the audio to play, e.g. audioItems: [{type: audioFile, audioId: <audio id>}]");
  }
}

}  // namespace

const Rule kRulePlayNoAudio = {"play-no-audio", diag::Severity::kWarning,
                               "A play node has no audio items (and no legacy audioId): it plays nothing.", false,
                               check};

}  // namespace gomo::checks

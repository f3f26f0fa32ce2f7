// unknown-audio: with an audio catalog (--audio-catalog, or later the account's audio list), an
// audioId that is not in it: the platform would fail to play it.
#include "base/strings.h"
#include "checks/node_config.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleUnknownAudio;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  if (!ctx.options.has_audio_catalog) return;
  const std::vector<std::string> known(ctx.options.audio_ids.begin(), ctx.options.audio_ids.end());
  auto check_id = [&](const model::Node& n, const Value* id) {
    if (!id || !id->is_string() || ctx.options.audio_ids.count(id->text)) return;
    std::string msg = "audio id \"" + id->text + "\" (node \"" + n.id + "\") is not in the audio catalog";
    std::string guess = closest_match(id->text, known);
    if (!guess.empty()) msg += "; did you mean \"" + guess + "\"?";
    else msg += "; upload the audio file first, or use one of the catalog's " + std::to_string(known.size()) + " ids";
    out.report(kRuleUnknownAudio, *id, msg, "", guess);
  };
  for (const auto& n : ctx.flow.nodes) {
    if (n.type == model::NodeType::kPlay) check_id(n, n.config_at("audioId"));
    for_each_audio_item(n, [&](const Value& item) {
      if (item.string_at("type") == "audioFile") check_id(n, item.find("audioId"));
    });
  }
}

}  // namespace

const Rule kRuleUnknownAudio = {"unknown-audio", diag::Severity::kError,
                                "With an audio catalog: an audioId that is not in the catalog.", false, check};

}  // namespace gomo::checks

// unknown-attribute: with an attribute catalog (--attributes), a custom attribute the account does
// not define: a customAttribute value source, or a {contact.customAttributes.X} tts placeholder.
#include "base/strings.h"
#include "checks/node_config.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleUnknownAttribute;

namespace {

constexpr std::string_view kPrefix = "contact.customAttributes.";

void check(const CheckContext& ctx, Reporter& out) {
  if (!ctx.options.has_attribute_catalog) return;
  const auto& names = ctx.options.attribute_names;
  const std::vector<std::string> known(names.begin(), names.end());
  auto report = [&](const model::Node& n, const std::string& name, const Value& at, bool at_name) {
    std::string msg = "custom attribute \"" + name + "\" (node \"" + n.id + "\") is not in the attribute catalog";
    std::string guess = closest_match(name, known);
    if (!guess.empty()) msg += "; did you mean \"" + guess + "\"?";
    else msg += "; create the attribute in the account first, or use an existing one";
    out.report(kRuleUnknownAttribute, at, msg, "", at_name ? guess : "");
  };
  for (const auto& n : ctx.flow.nodes) {
    if (!n.config) continue;
    for_each_value_source(*n.config, "customAttribute", [&](const Value& vs) {
      const Value* name = vs.find("attributeName");
      if (name && name->is_string() && !names.count(name->text)) report(n, name->text, *name, true);
    });
    for_each_audio_item(n, [&](const Value& item) {
      const Value* text = item.find("text");
      if (item.string_at("type") != "tts" || !text || !text->is_string()) return;
      for (const auto& p : placeholders(text->text)) {
        if (!starts_with(p, kPrefix)) continue;
        std::string name = p.substr(kPrefix.size());
        if (!name.empty() && !names.count(name)) report(n, name, *text, false);
      }
    });
  }
}

}  // namespace

const Rule kRuleUnknownAttribute = {"unknown-attribute", diag::Severity::kError,
                                    "With an attribute catalog: a custom attribute that is not in the catalog.", false,
                                    check};

}  // namespace gomo::checks

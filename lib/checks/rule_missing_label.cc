// missing-label: a node without a label. Labels name nodes in the Gomobile editor, in `gomo flow
// graph` drawings and in call logs; the id alone is a poor name.
#include <cctype>

#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleMissingLabel;

namespace {

// "play-greeting" -> "Play greeting", "askPin" -> "Ask pin": a starting point for the user.
std::string label_from_id(const std::string& id) {
  std::string out;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    if (c == '-' || c == '_' || c == '.') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (std::isupper(static_cast<unsigned char>(c)) && i > 0 &&
               std::islower(static_cast<unsigned char>(id[i - 1]))) {
      out += ' ';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

void check(const CheckContext& ctx, Reporter& out) {
  for (const auto& n : ctx.flow.nodes) {
    if (n.id.empty() || !n.value->is_mapping()) continue;
    const Value* label = n.value->find("label");
    if (label && (!label->is_string() || !label->text.empty())) continue;  // wrong type: the schema's
    out.report(kRuleMissingLabel, n.anchor(),
               "node \"" + n.id +
                   "\" has no label; labels name nodes in the Gomobile editor and in graphs: add e.g. label: " +
                   label_from_id(n.id));
  }
}

}  // namespace

const Rule kRuleMissingLabel = {"missing-label", diag::Severity::kInfo,
                                "A node has no label (labels name nodes in the editor and in graphs).", false, check};

}  // namespace gomo::checks

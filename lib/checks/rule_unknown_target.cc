// unknown-target: an output points at a node id that does not exist (a broken edge).
#include "base/strings.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleUnknownTarget;

namespace {

void check(const CheckContext& ctx, Reporter& out) {
  std::vector<std::string> ids;
  for (const auto& n : ctx.flow.nodes)
    if (!n.id.empty()) ids.push_back(n.id);
  for (const auto& n : ctx.flow.nodes) {
    for (const auto& e : n.edges) {
      if (e.target_index >= 0) continue;
      std::string what = e.name == "branches" ? "branch \"" + e.digit + "\"" : "output " + e.name;
      std::string msg = what + " of node \"" + n.id + "\" points at \"" + e.target + "\", which is not a node id";
      std::string fix = closest_match(e.target, ids);
      if (!fix.empty()) msg += "; did you mean \"" + fix + "\"?";
      else msg += "; add that node or point the output at an existing one";
      out.report(kRuleUnknownTarget, *e.value, msg, "", fix);
    }
  }
}

}  // namespace

const Rule kRuleUnknownTarget = {"unknown-target", diag::Severity::kError,
                                 "An output points at a node id that does not exist.", false, check};

}  // namespace gomo::checks

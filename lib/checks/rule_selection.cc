// --ignore and a config's ignore/severity, checked and applied (checks/rule_selection.h).
#include "checks/rule_selection.h"

#include <algorithm>

#include "base/strings.h"

namespace gomo::checks {
namespace {

Status check_id(const std::string& id, const std::string& where, const KnownRules& known) {
  if (known.knows(id)) return Status::ok();
  std::string msg = where + ": unknown rule `" + id + "`";
  const std::string guess = closest_match(id, known.ids);
  msg += guess.empty() ? "; " + known.list_hint : "; did you mean " + guess + "?";
  return Status::invalid_argument(msg);
}

}  // namespace

bool KnownRules::knows(const std::string& id) const {
  return std::find(ids.begin(), ids.end(), id) != ids.end() || std::find(also.begin(), also.end(), id) != also.end();
}

void RuleSelection::apply(std::vector<diag::Diagnostic>& diags) const {
  if (ignored.empty() && severity.empty()) return;
  std::vector<diag::Diagnostic> kept;
  kept.reserve(diags.size());
  for (auto& d : diags) {
    if (ignored.count(d.rule)) continue;
    if (auto it = severity.find(d.rule); it != severity.end()) d.severity = it->second;
    kept.push_back(std::move(d));
  }
  diags = std::move(kept);
}

Result<RuleSelection> select_rules(const std::vector<std::string>& ignore_flags,
                                   const std::vector<std::string>& config_ignore,
                                   const std::map<std::string, std::string>& config_severity,
                                   const std::string& config_name, const KnownRules& known) {
  RuleSelection out;
  for (const auto& id : config_ignore) {
    if (Status s = check_id(id, config_name, known); !s) return s;
    out.ignored.insert(id);
  }
  for (const auto& list : ignore_flags) {
    std::string item;
    for (size_t i = 0; i <= list.size(); ++i) {
      if (i == list.size() || list[i] == ',') {
        if (!item.empty()) {
          if (Status s = check_id(item, "--ignore", known); !s) return s;
          out.ignored.insert(item);
        }
        item.clear();
      } else if (list[i] != ' ') {
        item += list[i];
      }
    }
  }
  for (const auto& [id, sev] : config_severity) {
    if (Status s = check_id(id, config_name, known); !s) return s;
    if (sev == "off") {
      out.ignored.insert(id);
      continue;
    }
    diag::Severity level;
    if (!diag::parse_severity(sev, &level))
      return Status::invalid_argument(config_name + ": bad severity `" + sev + "`");
    out.severity[id] = level;
  }
  return out;
}

}  // namespace gomo::checks

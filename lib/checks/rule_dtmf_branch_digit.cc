// dtmf-branch-digit: a dtmf branch key the caller can never enter: in single_digit mode (the default)
// a key other than one of 0-9 * #, or one outside singleDigitConfig.allowedDigits; in multi_digit
// mode keys of other characters, or of a length outside multiDigitConfig's minDigits..maxDigits.
#include <algorithm>

#include "base/strings.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleDtmfBranchDigit;

namespace {

bool is_key(char c) { return (c >= '0' && c <= '9') || c == '*' || c == '#'; }

// The integer at `key` of `config`, or -1 when absent or not an integer (the schema's to report).
int64_t integer_at(const Value* config, std::string_view key) {
  const Value* v = config ? config->find(key) : nullptr;
  return v && v->kind == document::Kind::kInt ? v->integer : -1;
}

void check_single(const model::Node& n, const document::Member& branch, Reporter& out) {
  const std::string& key = branch.key.text;
  std::string what = "branch \"" + key + "\" of dtmf node \"" + n.id + "\"";
  if (key.size() != 1 || !is_key(key[0])) {
    out.report(kRuleDtmfBranchDigit, branch.key,
               what +
                   " can never be taken: in single_digit mode a branch key is one key, 0-9, * or #; "
                   "use one key, or set mode: multi_digit for longer input");
    return;
  }
  const Value* sdc = n.config_at("singleDigitConfig");
  const Value* allowed = sdc ? sdc->find("allowedDigits") : nullptr;
  if (!allowed || !allowed->is_sequence()) return;
  std::vector<std::string> digits;
  for (const auto& d : allowed->items)
    if (d.is_string()) digits.push_back(d.text);
  if (std::find(digits.begin(), digits.end(), key) != digits.end()) return;
  out.report(kRuleDtmfBranchDigit, branch.key,
             what + " can never be taken: " + key + " is not in singleDigitConfig.allowedDigits (" +
                 (digits.empty() ? std::string("empty") : join(digits, ", ")) +
                 "), so pressing it goes to onInvalid; add \"" + key + "\" to allowedDigits, or remove the branch");
}

void check_multi(const model::Node& n, const document::Member& branch, Reporter& out) {
  const std::string& key = branch.key.text;
  std::string what = "branch \"" + key + "\" of dtmf node \"" + n.id + "\"";
  if (key.empty() || !std::all_of(key.begin(), key.end(), is_key)) {
    out.report(kRuleDtmfBranchDigit, branch.key,
               what + " can never be taken: a multi_digit branch key is what the caller types, keys 0-9, * and # only");
    return;
  }
  const Value* mdc = n.config_at("multiDigitConfig");
  int64_t min = integer_at(mdc, "minDigits"), max = integer_at(mdc, "maxDigits");
  auto length = static_cast<int64_t>(key.size());
  if ((min > 0 && length < min) || (max > 0 && length > max)) {
    std::string range = min > 0 && max > 0 ? std::to_string(min) + " to " + std::to_string(max)
                        : min > 0          ? "at least " + std::to_string(min)
                                           : "at most " + std::to_string(max);
    out.report(kRuleDtmfBranchDigit, branch.key,
               what + " can never be taken: it has " + std::to_string(length) + " digit" + (length == 1 ? "" : "s") +
                   " but multiDigitConfig accepts " + range + "; change the key or minDigits/maxDigits");
    return;
  }
  const Value* terminator = mdc ? mdc->find("terminator") : nullptr;
  if (terminator && terminator->is_string() && terminator->text.size() == 1 &&
      key.find(terminator->text) != std::string::npos)
    out.report(kRuleDtmfBranchDigit, branch.key,
               what + " can never be taken: it contains the terminator key " + terminator->text +
                   ", which ends the input; remove it from the key, or choose another terminator");
}

void check(const CheckContext& ctx, Reporter& out) {
  for (const auto& n : ctx.flow.nodes) {
    if (n.type != model::NodeType::kDtmf || !n.outputs) continue;
    const Value* branches = n.outputs->find("branches");
    if (!branches || !branches->is_mapping()) continue;
    const Value* mode_value = n.config_at("mode");
    std::string mode = mode_value && mode_value->is_string() ? mode_value->text : "single_digit";
    for (const auto& b : branches->members) {
      if (mode == "single_digit") check_single(n, b, out);
      else if (mode == "multi_digit") check_multi(n, b, out);  // other modes: the schema's to report
    }
  }
}

}  // namespace

const Rule kRuleDtmfBranchDigit = {
    "dtmf-branch-digit", diag::Severity::kError,
    "A dtmf branch key can never be entered: not one key 0-9 * #, not allowed, or the wrong length.", false, check};

}  // namespace gomo::checks

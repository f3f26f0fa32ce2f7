// condition-operand: a condition clause whose operands do not fit its operator: is_empty and
// is_not_empty with a `right`, other operators without one, `in` without a list, gt/gte/lt/lte
// against a literal that is neither a number nor a date. At run time such a clause takes onError.
#include <charconv>

#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleConditionOperand;

namespace {

bool is_known_operator(std::string_view op) {
  for (const char* known :
       {"equals", "not_equals", "gt", "gte", "lt", "lte", "contains", "not_contains", "is_empty", "is_not_empty", "in"})
    if (op == known) return true;
  return false;
}

bool parses_as_number(const std::string& s) {
  double d;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

// True when `s` holds `pattern` at `pos`, 'd' standing for any digit; advances `pos` past it.
bool take(const std::string& s, size_t& pos, std::string_view pattern) {
  if (s.size() - pos < pattern.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = s[pos + i];
    if (pattern[i] == 'd' ? (c < '0' || c > '9') : c != pattern[i]) return false;
  }
  pos += pattern.size();
  return true;
}

// ISO 8601 dates, date-times and times, which gt/gte/lt/lte compare as points in time:
// 2024-12-31, 2024-12-31T09:30[:00[.000]][Z|+01:00], 09:30[:00].
bool parses_as_date(const std::string& s) {
  size_t pos = 0;
  if (take(s, pos, "dd:dd")) {
    take(s, pos, ":dd");
    return pos == s.size();
  }
  if (!take(s, pos, "dddd-dd-dd")) return false;
  if (pos == s.size()) return true;
  if ((s[pos] != 'T' && s[pos] != ' ') || !take(s, ++pos, "dd:dd")) return false;
  if (take(s, pos, ":dd") && take(s, pos, "."))
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
  if (!take(s, pos, "Z") && (take(s, pos, "+") || take(s, pos, "-")) && !take(s, pos, "dd:dd")) take(s, pos, "dddd");
  return pos == s.size();
}

std::string describe(const Value& v) {
  if (v.is_string()) return "the string \"" + v.text + "\"";
  if (v.is_sequence()) return "a list";
  if (v.is_mapping()) return "an object";
  return v.scalar_text();
}

void check_clause(const model::Node& n, const Value& clause, Reporter& out) {
  const Value* op_value = clause.find("operator");
  if (!op_value || !op_value->is_string() || !is_known_operator(op_value->text)) return;  // unknown-operator
  const std::string& op = op_value->text;
  const document::Member* right = clause.find_member("right");
  std::string where = " (condition of node \"" + n.id + "\")";
  if (op == "is_empty" || op == "is_not_empty") {
    if (right)
      out.report(kRuleConditionOperand, right->key,
                 "operator " + op + " tests `left` alone and takes no right operand" + where +
                     "; remove `right`, or use equals/not_equals to compare with a value");
    return;
  }
  if (!right) {
    out.report(kRuleConditionOperand, *op_value,
               "operator " + op + " needs a right operand to compare `left` with" + where + "; add right: <value>" +
                   (op == "in" ? " (a list, e.g. right: [\"1\", \"2\"])" : ""));
    return;
  }
  // Only literals can be checked before the call: `right` itself, or {source: literal, value}.
  const Value* literal = &right->value;
  bool literal_source = false;
  if (right->value.is_mapping()) {
    if (right->value.string_at("source") != "literal") return;
    literal = right->value.find("value");
    literal_source = true;
    if (!literal || literal->is_sequence()) return;  // the schema's: a literal source holds one value
  }
  if (op == "in") {
    if (literal->is_sequence()) return;
    out.report(
        kRuleConditionOperand, *literal,
        "operator in needs a list on the right, but it is " + describe(*literal) + where +
            (literal_source
                 ? "; a {source: literal} value holds one value: write the list itself, e.g. right: [\"1\", \"2\"]"
                 : "; write a list, e.g. right: [\"1\", \"2\"], or use equals for one value"));
    return;
  }
  if (literal->is_sequence()) {
    out.report(kRuleConditionOperand, *literal,
               "a list on the right only fits operator in, not " + op + where +
                   "; use operator: in, or compare with one value");
    return;
  }
  if (op == "gt" || op == "gte" || op == "lt" || op == "lte") {
    if (literal->is_number()) return;
    if (literal->is_string() && (parses_as_number(literal->text) || parses_as_date(literal->text))) return;
    out.report(kRuleConditionOperand, *literal,
               "operator " + op + " compares numbers or dates, but the right operand is " + describe(*literal) + where +
                   "; use a number (e.g. 100) or an ISO date (e.g. 2024-12-31)");
  }
}

void check_expression(const model::Node& n, const Value& expr, Reporter& out) {
  if (!expr.is_mapping()) return;
  for (const char* group : {"all", "any"})
    if (const Value* items = expr.find(group)) {
      if (items->is_sequence())
        for (const auto& item : items->items) check_expression(n, item, out);
      return;
    }
  check_clause(n, expr, out);
}

void check(const CheckContext& ctx, Reporter& out) {
  for (const auto& n : ctx.flow.nodes)
    if (n.type == model::NodeType::kCondition && n.config) check_expression(n, *n.config, out);
}

}  // namespace

const Rule kRuleConditionOperand = {
    "condition-operand", diag::Severity::kError,
    "A condition clause's operands do not fit its operator (e.g. gt with a non-number, in without a list).", false,
    check};

}  // namespace gomo::checks

#include "engine/condition.h"

#include <algorithm>

#include "base/strings.h"
#include "document/document.h"

namespace gomo::engine {

namespace {

bool looks_like_iso_date(const std::string& s) {
  return s.size() >= 10 && s[4] == '-' && s[7] == '-' && std::all_of(s.begin(), s.begin() + 4, ::isdigit);
}

// Typed equality: numbers (or numeric strings) compare as numbers, booleans as booleans, else text.
bool equal(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_empty() && b.is_empty();
  auto na = a.to_number(), nb = b.to_number();
  if (na && nb) return *na == *nb;
  if (a.is_bool() || b.is_bool()) return a.text() == b.text();
  return a.text() == b.text();
}

Result<int> compare(const Value& a, const Value& b, const std::string& op) {
  auto na = a.to_number(), nb = b.to_number();
  if (na && nb) return *na < *nb ? -1 : *na > *nb ? 1 : 0;
  if (a.is_string() && b.is_string() && looks_like_iso_date(a.as_string()) && looks_like_iso_date(b.as_string()))
    return a.as_string() < b.as_string() ? -1 : a.as_string() > b.as_string() ? 1 : 0;
  return Status::invalid_argument("`" + op + "` needs two numbers or two ISO dates, got \"" + a.text() + "\" and \"" +
                                  b.text() + "\"");
}

Result<bool> clause(const document::Value& c, const SourceResolver& resolve) {
  const document::Value* left_v = c.find("left");
  std::string op(c.string_at("operator"));
  if (!left_v) return Status::invalid_argument("condition clause without `left`");
  auto left = resolve(*left_v);
  if (!left) return left.error();
  if (op == "is_empty") return left->is_empty();
  if (op == "is_not_empty") return !left->is_empty();
  const document::Value* right_v = c.find("right");
  if (!right_v) return Status::invalid_argument("`" + op + "` needs a `right` operand");
  if (op == "in") {
    if (!right_v->is_sequence()) return Status::invalid_argument("`in` needs a list on the right");
    return std::any_of(right_v->items.begin(), right_v->items.end(),
                       [&](const document::Value& item) { return equal(*left, Value::from_document(item)); });
  }
  auto right = resolve(*right_v);
  if (!right) return right.error();
  if (op == "equals") return equal(*left, *right);
  if (op == "not_equals") return !equal(*left, *right);
  if (op == "contains" || op == "not_contains") {
    bool found = left->text().find(right->text()) != std::string::npos;
    return op == "contains" ? found : !found;
  }
  if (op == "gt" || op == "gte" || op == "lt" || op == "lte") {
    auto cmp = compare(*left, *right, op);
    if (!cmp) return cmp.error();
    int r = cmp.value();
    return op == "gt" ? r > 0 : op == "gte" ? r >= 0 : op == "lt" ? r < 0 : r <= 0;
  }
  return Status::invalid_argument("unknown operator \"" + op + "\"");
}

}  // namespace

Result<bool> evaluate_condition(const document::Value& config, const SourceResolver& resolve) {
  const document::Value* all = config.find("all");
  const document::Value* any = config.find("any");
  if (all || any) {
    const document::Value* list = all ? all : any;
    if (!list->is_sequence()) return Status::invalid_argument("`all`/`any` must be a list of clauses");
    for (const auto& item : list->items) {
      auto r = evaluate_condition(item, resolve);
      if (!r) return r;
      if (all && !r.value()) return false;
      if (any && r.value()) return true;
    }
    return all != nullptr;
  }
  return clause(config, resolve);
}

}  // namespace gomo::engine

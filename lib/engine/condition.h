#pragma once
// Evaluates a condition node's config: one clause {left, operator, right?} or groups {all: [...]} /
// {any: [...]}. Operators: equals not_equals gt gte lt lte contains not_contains is_empty is_not_empty in.
#include <functional>

#include "base/status.h"
#include "engine/value.h"

namespace gomo::document {
struct Value;
}

namespace gomo::engine {

using SourceResolver = std::function<Result<Value>(const document::Value&)>;

// True/false, or an error (onError) when operands do not fit the operator: gt/lt on values that are
// neither numbers nor ISO dates, `in` without a list, an unknown operator.
Result<bool> evaluate_condition(const document::Value& config, const SourceResolver& resolve);

}  // namespace gomo::engine

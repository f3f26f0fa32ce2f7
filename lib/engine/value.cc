#include "engine/value.h"

#include <cmath>
#include <cstdlib>

#include "document/document.h"

namespace gomo::engine {

std::optional<double> Value::to_number() const {
  if (is_number()) return as_number();
  if (!is_string() || as_string().empty()) return std::nullopt;
  const std::string& s = as_string();
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(d)) return std::nullopt;
  // Reject hex, inf and similar strtod extras: only [-+]digits[.digits].
  for (char c : s)
    if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) return std::nullopt;
  return d;
}

Value Value::from_document(const document::Value& v) {
  switch (v.kind) {
    case document::Kind::kBool: return Value(v.boolean);
    case document::Kind::kInt:
    case document::Kind::kFloat: return Value(v.number);
    case document::Kind::kString: return Value(v.text);
    default: return Value();
  }
}

}  // namespace gomo::engine

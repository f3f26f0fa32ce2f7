#pragma once
// Run-time values of flow variables: null, boolean, number or string (the platform's
// `VariableValue = string | number | boolean | null`).
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace gomo::document {
struct Value;
}

namespace gomo::engine {

class Value {
 public:
  Value() = default;
  Value(bool b) : v_(b) {}                      // NOLINT: implicit by design
  Value(double d) : v_(d) {}                    // NOLINT
  Value(int i) : v_(static_cast<double>(i)) {}  // NOLINT
  Value(std::string s) : v_(std::move(s)) {}    // NOLINT
  Value(const char* s) : v_(std::string(s)) {}  // NOLINT

  bool is_null() const { return v_.index() == 0; }
  bool is_bool() const { return v_.index() == 1; }
  bool is_number() const { return v_.index() == 2; }
  bool is_string() const { return v_.index() == 3; }
  bool as_bool() const { return std::get<1>(v_); }
  double as_number() const { return std::get<2>(v_); }
  const std::string& as_string() const { return std::get<3>(v_); }

  // Empty: null or "".
  bool is_empty() const { return is_null() || (is_string() && as_string().empty()); }
  // Text as a prompt or transcript shows it: numbers without a trailing ".0", null as "". Inline:
  // report/ prints values with it and calls nothing in the engine.
  std::string text() const {
    if (is_null()) return "";
    if (is_bool()) return as_bool() ? "true" : "false";
    if (is_string()) return as_string();
    double d = as_number();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", d);
    return buf;
  }
  // The value as a number: numbers, and strings that are decimal numbers ("12", "-3.5").
  std::optional<double> to_number() const;

  // From a scalar of a flow document (mappings and sequences give null).
  static Value from_document(const document::Value& v);
  bool operator==(const Value& other) const { return v_ == other.v_; }

 private:
  std::variant<std::monostate, bool, double, std::string> v_;
};

using Variables = std::map<std::string, Value>;

}  // namespace gomo::engine

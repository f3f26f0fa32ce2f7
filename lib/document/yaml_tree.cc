#include "document/yaml_tree.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "base/strings.h"

namespace gomo::document {
namespace {

bool all_digits(std::string_view s, size_t from, int base) {
  if (from >= s.size()) return false;
  for (size_t i = from; i < s.size(); ++i) {
    char c = s[i];
    bool ok = base == 8    ? (c >= '0' && c <= '7')
              : base == 16 ? ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
                           : (c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

bool is_core_float(std::string_view s) {
  // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

}  // namespace

void resolve_plain(Value& v) {
  const std::string& s = v.text;
  if (s.empty()) {
    v.kind = Kind::kNull;
    return;
  }
  // Most plain scalars are ids and labels: only these first characters can start a null, a boolean or
  // a number, so skip the comparisons below for the rest.
  const char c = s[0];
  if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == '~' || c == 'n' || c == 'N' || c == 't' ||
        c == 'T' || c == 'f' || c == 'F')) {
    v.kind = Kind::kString;
    return;
  }
  const std::string_view sv = s;  // string_view == compares sizes first (std::string == const char* calls strlen)
  if (c == '~' || c == 'n' || c == 'N' || c == 't' || c == 'T' || c == 'f' || c == 'F') {
    // A word: only the null and boolean spellings are not strings (ids like `n000` end here at once).
    if (sv.size() > 5) {
      v.kind = Kind::kString;
    } else if (sv == "~" || sv == "null" || sv == "Null" || sv == "NULL") {
      v.kind = Kind::kNull;
    } else if (sv == "true" || sv == "True" || sv == "TRUE" || sv == "false" || sv == "False" || sv == "FALSE") {
      v.kind = Kind::kBool;
      v.boolean = c == 't' || c == 'T';
    } else {
      v.kind = Kind::kString;
    }
    return;
  }
  size_t sign = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (all_digits(s, sign, 10)) {
    errno = 0;
    long long n = std::strtoll(s.c_str(), nullptr, 10);
    if (errno != ERANGE) {
      v.kind = Kind::kInt;
      v.integer = n;
      v.number = static_cast<double>(n);
      return;
    }
  }
  if (starts_with(s, "0o") && all_digits(s, 2, 8)) {
    v.kind = Kind::kInt;
    v.integer = std::strtoll(s.c_str() + 2, nullptr, 8);
    v.number = static_cast<double>(v.integer);
    return;
  }
  if (starts_with(s, "0x") && all_digits(s, 2, 16)) {
    v.kind = Kind::kInt;
    v.integer = std::strtoll(s.c_str() + 2, nullptr, 16);
    v.number = static_cast<double>(v.integer);
    return;
  }
  if (is_core_float(s)) {
    v.kind = Kind::kFloat;
    v.number = std::strtod(s.c_str(), nullptr);
    return;
  }
  std::string_view body = std::string_view(s).substr(sign);
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    v.kind = Kind::kFloat;
    v.number = s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
    return;
  }
  if (sv == ".nan" || sv == ".NaN" || sv == ".NAN") {
    v.kind = Kind::kFloat;
    v.number = NAN;
    return;
  }
  v.kind = Kind::kString;
}

}  // namespace gomo::document

#pragma once
// Field-by-field comparison of two document trees and their problems, for the fast YAML reader's
// differential test and fuzz target: "" when equal, else the first difference with its JSON-pointer-like place.
#include <cmath>
#include <string>
#include <vector>

#include "document/document.h"

namespace gomo::test {

inline std::string mark_text(document::Mark m) { return std::to_string(m.line) + ":" + std::to_string(m.col); }

inline bool same_number(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

inline std::string diff_values(const document::Value& a, const document::Value& b, const std::string& at) {
  using document::kind_name;
  if (a.kind != b.kind) return at + ": kind " + kind_name(a.kind) + " vs " + kind_name(b.kind);
  if (a.begin.line != b.begin.line || a.begin.col != b.begin.col)
    return at + ": begin " + mark_text(a.begin) + " vs " + mark_text(b.begin);
  if (a.end.line != b.end.line || a.end.col != b.end.col)
    return at + ": end " + mark_text(a.end) + " vs " + mark_text(b.end);
  if (a.text != b.text) return at + ": text '" + a.text + "' vs '" + b.text + "'";
  if (a.boolean != b.boolean || a.integer != b.integer || !same_number(a.number, b.number))
    return at + ": boolean/integer/number differ";
  if (a.is_key != b.is_key || a.index != b.index || (a.parent == nullptr) != (b.parent == nullptr))
    return at + ": links differ";
  if (a.items.size() != b.items.size()) return at + ": item count differs";
  if (a.members.size() != b.members.size()) return at + ": member count differs";
  for (size_t i = 0; i < a.items.size(); ++i) {
    std::string d = diff_values(a.items[i], b.items[i], at + "/" + std::to_string(i));
    if (!d.empty()) return d;
  }
  for (size_t i = 0; i < a.members.size(); ++i) {
    std::string where = at + "/" + a.members[i].key.text;
    std::string d = diff_values(a.members[i].key, b.members[i].key, where + " (key)");
    if (d.empty()) d = diff_values(a.members[i].value, b.members[i].value, where);
    if (!d.empty()) return d;
  }
  return "";
}

inline std::string diff_problems(const std::vector<document::Problem>& a, const std::vector<document::Problem>& b) {
  if (a.size() != b.size()) return "problem count " + std::to_string(a.size()) + " vs " + std::to_string(b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    const document::Problem& x = a[i];
    const document::Problem& y = b[i];
    if (x.rule != y.rule || x.message != y.message || x.pointer != y.pointer || x.related != y.related ||
        mark_text(x.begin) != mark_text(y.begin) || mark_text(x.end) != mark_text(y.end))
      return "problem " + std::to_string(i) + " differs: " + x.message + " vs " + y.message;
  }
  return "";
}

}  // namespace gomo::test

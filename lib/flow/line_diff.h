#pragma once
// A small unified diff of two texts, line by line (what `fmt --diff` prints).
#include <string>

namespace gomo::flow {

// `diff -u` style text (---/+++ headers, @@ hunks with `context` lines around changes); "" when
// the texts are equal. Lines are compared exactly; a missing final newline is shown as in diff(1).
std::string unified_diff(const std::string& before, const std::string& after, const std::string& before_name,
                         const std::string& after_name, int context = 3);

}  // namespace gomo::flow

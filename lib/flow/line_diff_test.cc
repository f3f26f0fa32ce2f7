#include "flow/line_diff.h"

#include <doctest/doctest.h>

using namespace gomo;

TEST_CASE("line diff: equal texts give nothing") { CHECK(flow::unified_diff("a\nb\n", "a\nb\n", "x", "y") == ""); }

TEST_CASE("line diff: one hunk with context, like diff -u") {
  std::string a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  CHECK(flow::unified_diff(a, b, "a/f", "b/f") ==
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("line diff: distant changes make separate hunks; additions and a missing final newline") {
  std::string a = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
  std::string b = "A\na\nb\nc\nd\ne\nf\ng\nh\ni\nj";
  CHECK(flow::unified_diff(a, b, "x", "y", 1) ==
        "--- x\n+++ y\n@@ -1 +1,2 @@\n+A\n a\n@@ -9,2 +10,2 @@\n i\n-j\n+j\n\\ No newline at end of file\n");
}

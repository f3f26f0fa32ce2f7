#include "flow/line_diff.h"

#include <algorithm>
#include <vector>

namespace gomo::flow {
namespace {

struct Line {
  std::string text;
  bool newline = true;  // false for a last line without '\n'
  bool operator==(const Line& o) const { return text == o.text && newline == o.newline; }
};

std::vector<Line> lines_of(const std::string& s) {
  std::vector<Line> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) {
      out.push_back({s.substr(start), false});
      break;
    }
    out.push_back({s.substr(start, nl - start), true});
    start = nl + 1;
  }
  return out;
}

enum class Op : char { kSame = ' ', kDel = '-', kAdd = '+' };

// Edit script by longest common subsequence on the part between the common prefix and suffix.
// Quadratic in the changed region only; beyond ~16M cells it falls back to "replace the region".
std::vector<std::pair<Op, const Line*>> edit_script(const std::vector<Line>& a, const std::vector<Line>& b) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  const size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  std::vector<std::pair<Op, const Line*>> script;
  for (size_t i = 0; i < prefix; ++i) script.push_back({Op::kSame, &a[i]});
  if (n * m <= 16'000'000) {
    std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        script.push_back({Op::kSame, &a[prefix + i]});
        ++i, ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        script.push_back({Op::kDel, &a[prefix + i++]});  // deletions first, as diff(1) prints them
      } else {
        script.push_back({Op::kAdd, &b[prefix + j++]});
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) script.push_back({Op::kDel, &a[prefix + i]});
    for (size_t j = 0; j < m; ++j) script.push_back({Op::kAdd, &b[prefix + j]});
  }
  for (size_t i = a.size() - suffix; i < a.size(); ++i) script.push_back({Op::kSame, &a[i]});
  return script;
}

std::string range(size_t start, size_t count) {
  // diff(1): "l,s"; a hunk with no lines on a side names the line before it.
  if (count == 1) return std::to_string(start);
  return std::to_string(count == 0 ? start - 1 : start) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(const std::string& before, const std::string& after, const std::string& before_name,
                         const std::string& after_name, int context) {
  if (before == after) return "";
  std::vector<Line> a = lines_of(before), b = lines_of(after);
  auto script = edit_script(a, b);
  std::string out = "--- " + before_name + "\n+++ " + after_name + "\n";
  const size_t ctx = context < 0 ? 0 : size_t(context);
  size_t k = 0;
  while (k < script.size()) {
    // Next change, then extend the hunk while changes are within 2*context lines of each other.
    while (k < script.size() && script[k].first == Op::kSame) ++k;
    if (k == script.size()) break;
    size_t start = k >= ctx ? k - ctx : 0;
    size_t end = k;
    while (true) {
      while (end < script.size() && script[end].first != Op::kSame) ++end;
      size_t next = end;
      while (next < script.size() && script[next].first == Op::kSame) ++next;
      if (next < script.size() && next - end <= 2 * ctx) {
        end = next;
        continue;
      }
      end = std::min(script.size(), end + ctx);
      break;
    }
    // Line numbers where the hunk starts, on each side.
    size_t a_line = 1, b_line = 1;
    for (size_t i = 0; i < start; ++i) {
      if (script[i].first != Op::kAdd) ++a_line;
      if (script[i].first != Op::kDel) ++b_line;
    }
    size_t a_count = 0, b_count = 0;
    for (size_t i = start; i < end; ++i) {
      if (script[i].first != Op::kAdd) ++a_count;
      if (script[i].first != Op::kDel) ++b_count;
    }
    out += "@@ -" + range(a_line, a_count) + " +" + range(b_line, b_count) + " @@\n";
    for (size_t i = start; i < end; ++i) {
      out += static_cast<char>(script[i].first);
      out += script[i].second->text + "\n";
      if (!script[i].second->newline) out += "\\ No newline at end of file\n";
    }
    k = end;
  }
  return out;
}

}  // namespace gomo::flow

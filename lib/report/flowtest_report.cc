#include "report/flowtest_report.h"

#include <algorithm>

#include "report/colour.h"
#include "report/diagnostics.h"  // xml_escape

#include <cstdio>
#include <nlohmann/json.hpp>

namespace gomo::report {

using nlohmann::ordered_json;

std::vector<std::string> sequence_diff(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  // Longest common subsequence table; paths are short (hundreds of nodes at most).
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<std::string> out;
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      out.push_back("  " + a[i++]);
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push_back("- " + a[i++]);  // expected-only first, as diff -u does
    } else {
      out.push_back("+ " + b[j++]);
    }
  }
  return out;
}

namespace {

std::string percent(double p) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", p);
  return buf;
}

}  // namespace

void write_test_text(std::ostream& out, const flowtest::RunResult& result, bool color, bool quiet) {
  const char* green = paint(Paint::kGreen, color);
  const char* red = paint(Paint::kRed, color);
  const char* dim = paint(Paint::kDim, color);
  const char* reset = paint(Paint::kReset, color);
  for (const auto& f : result.files) {
    const bool any_failed = std::any_of(f.cases.begin(), f.cases.end(), [](const auto& c) { return !c.passed; });
    if (quiet && f.error.empty() && !any_failed) continue;
    out << f.path << "\n";
    if (!f.error.empty()) {
      out << "  " << red << "error: " << reset << f.error << "\n";
      continue;
    }
    for (const auto& c : f.cases) {
      if (quiet && c.passed) continue;
      char secs[32];
      std::snprintf(secs, sizeof secs, "%.1f s", static_cast<double>(c.call.duration_ms) / 1000);
      out << "  " << (c.passed ? green : red) << (c.passed ? "✓ " : "✗ ") << reset << c.name << dim << "  ("
          << c.call.path.size() << (c.call.path.size() == 1 ? " node, " : " nodes, ") << secs << ", " << c.call.outcome
          << ")" << reset << "\n";
      if (c.passed) continue;
      for (const auto& msg : c.failures) out << "      " << msg << "\n";
      if (!c.expected_path.empty() || !c.actual_path.empty()) {
        out << "      path (- expected, + actual):\n";
        for (const auto& line : sequence_diff(c.expected_path, c.actual_path))
          out << "        " << (line[0] == '-' ? red : line[0] == '+' ? green : "") << line << reset << "\n";
      }
      out << "      " << dim << "at " << f.path << ":" << c.line << reset << "\n";
    }
  }
  if (quiet) return;
  size_t errors = 0;
  for (const auto& f : result.files) errors += f.error.empty() ? 0 : 1;
  out << "\n" << (result.failed || errors ? red : green) << result.passed << " passed, " << result.failed << " failed";
  if (errors) out << ", " << errors << (errors == 1 ? " file" : " files") << " could not be loaded";
  out << reset << "\n";
}

void write_coverage_text(std::ostream& out, const flowtest::RunResult& result, bool color) {
  const char* dim = paint(Paint::kDim, color);
  const char* reset = paint(Paint::kReset, color);
  if (result.coverage.empty()) return;
  out << "\ncoverage\n";
  for (const auto& [path, cov] : result.coverage) {
    out << "  " << path << "  nodes " << cov.covered_nodes.size() << "/" << cov.nodes.size() << " "
        << percent(cov.node_percent()) << "  edges " << cov.covered_edges.size() << "/" << cov.edges.size() << " "
        << percent(cov.edge_percent()) << "\n";
    std::vector<std::string> uncovered;
    for (const auto& e : cov.edges)
      if (!cov.covered_edges.count(e)) uncovered.push_back(e);
    if (!uncovered.empty()) {
      out << "    " << dim << "uncovered edges:";
      for (const auto& e : uncovered) out << " " << e;
      out << reset << "\n";
    }
  }
}

static ordered_json coverage_json(const flowtest::Coverage& cov) {
  ordered_json uncovered = ordered_json::array(), covered = ordered_json::array(),
               uncovered_nodes = ordered_json::array();
  for (const auto& e : cov.edges) (cov.covered_edges.count(e) ? covered : uncovered).push_back(e);
  for (const auto& n : cov.nodes)
    if (!cov.covered_nodes.count(n)) uncovered_nodes.push_back(n);
  return {{"flow", cov.flow_path},
          {"name", cov.flow_name},
          {"nodes",
           {{"total", cov.nodes.size()},
            {"covered", cov.covered_nodes.size()},
            {"percent", cov.node_percent()},
            {"uncovered", uncovered_nodes}}},
          {"edges",
           {{"total", cov.edges.size()},
            {"covered", cov.covered_edges.size()},
            {"percent", cov.edge_percent()},
            {"uncovered", uncovered},
            {"coveredEdges", covered}}}};
}

void write_coverage_json(std::ostream& out, const flowtest::RunResult& result) {
  ordered_json j;
  j["version"] = 1;
  j["flows"] = ordered_json::array();
  for (const auto& [path, cov] : result.coverage) j["flows"].push_back(coverage_json(cov));
  out << j.dump(2) << "\n";
}

void write_test_json(std::ostream& out, const flowtest::RunResult& result) {
  ordered_json j;
  j["version"] = 1;
  j["passed"] = result.passed;
  j["failed"] = result.failed;
  j["files"] = ordered_json::array();
  for (const auto& f : result.files) {
    ordered_json jf = {{"file", f.path}};
    if (!f.error.empty()) jf["error"] = f.error;
    jf["cases"] = ordered_json::array();
    for (const auto& c : f.cases) {
      ordered_json path = ordered_json::array();
      for (const auto& p : c.call.path) path.push_back(std::string(p.node_id));
      jf["cases"].push_back({{"name", c.name},
                             {"line", c.line},
                             {"passed", c.passed},
                             {"failures", c.failures},
                             {"outcome", c.call.outcome},
                             {"durationMs", c.call.duration_ms},
                             {"path", path}});
    }
    j["files"].push_back(std::move(jf));
  }
  j["coverage"] = ordered_json::array();
  for (const auto& [path, cov] : result.coverage) j["coverage"].push_back(coverage_json(cov));
  out << j.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
}

void write_test_junit(std::ostream& out, const flowtest::RunResult& result) {
  size_t tests = 0, errors = 0;
  for (const auto& f : result.files) {
    tests += f.cases.size() + (f.error.empty() ? 0 : 1);
    errors += f.error.empty() ? 0 : 1;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"gomo flow test\" tests=\"" << tests << "\" failures=\"" << result.failed << "\" errors=\""
      << errors << "\">\n";
  for (const auto& f : result.files) {
    size_t failed = 0;
    for (const auto& c : f.cases) failed += c.passed ? 0 : 1;
    out << "  <testsuite name=\"" << xml_escape(f.path) << "\" tests=\"" << (f.cases.size() + (f.error.empty() ? 0 : 1))
        << "\" failures=\"" << failed << "\" errors=\"" << (f.error.empty() ? 0 : 1) << "\">\n";
    if (!f.error.empty())
      out << "    <testcase classname=\"" << xml_escape(f.path) << "\" name=\"load\"><error message=\""
          << xml_escape(f.error) << "\"/></testcase>\n";
    for (const auto& c : f.cases) {
      char secs[32];
      std::snprintf(secs, sizeof secs, "%.3f", static_cast<double>(c.call.duration_ms) / 1000);
      out << "    <testcase classname=\"" << xml_escape(f.path) << "\" name=\"" << xml_escape(c.name) << "\" time=\""
          << secs << "\"";
      if (c.passed) {
        out << "/>\n";
        continue;
      }
      out << ">\n      <failure message=\"" << xml_escape(c.failures.empty() ? "failed" : c.failures.front()) << "\">";
      for (const auto& msg : c.failures) out << xml_escape(msg) << "\n";
      for (const auto& line : sequence_diff(c.expected_path, c.actual_path)) out << xml_escape(line) << "\n";
      out << "</failure>\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace gomo::report

#pragma once
// Flow unit tests (`gomo flow test`): YAML files of cases, each a contact, a softphone script and
// expectations about the simulated call; plus node and edge coverage per flow.
// The file format is described by schemas/flowtest.schema.json and docs/flow-testing.md.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "document/document.h"
#include "engine/engine.h"
#include "engine/scripted_softphone.h"

namespace gomo::flowtest {

struct Expectations {
  std::optional<std::vector<std::string>> path;  // exact node ids, in order
  std::vector<std::string> visits, not_visits;
  std::optional<std::string> ends_at;
  std::vector<std::string> outputs;  // "node.output" edges that must be taken ("menu.branches.1")
  std::vector<std::pair<std::string, engine::Value>> variables;
  std::optional<std::string> outcome;
  std::optional<engine::Millis> max_duration_ms;
};

struct TestCase {
  std::string name;
  uint32_t line = 0;  // where the case starts in its file
  engine::SoftphoneScript script;
  engine::Contact contact;
  engine::Variables variables;
  Expectations expect;
};

struct TestFile {
  std::string path;
  std::string flow_path;  // resolved against the test file's directory
  std::vector<TestCase> cases;
};

// Reads a test file; errors name file:line:col. Table cases (`each:`) are expanded here.
Result<TestFile> load_test_file(const std::string& path);
// The same for a file already in memory: `path` names it in errors and resolves its `flow`.
Result<TestFile> parse_test_file(const std::string& path, std::string text);

struct CaseResult {
  std::string name;
  uint32_t line = 0;
  bool passed = true;
  std::vector<std::string> failures;                    // one message per failed expectation
  std::vector<std::string> expected_path, actual_path;  // when a path expectation failed
  engine::CallReport call;
};

struct Coverage {
  std::string flow_path;
  std::string flow_name;
  std::vector<std::string> nodes;  // all node ids, in file order
  std::vector<std::string> edges;  // all "node.output" edges, in file order
  std::set<std::string> covered_nodes, covered_edges;
  // Inline, so that report/ prints coverage without calling into flowtest.
  double node_percent() const { return nodes.empty() ? 100.0 : 100.0 * covered_nodes.size() / nodes.size(); }
  double edge_percent() const { return edges.empty() ? 100.0 : 100.0 * covered_edges.size() / edges.size(); }
};

struct FileResult {
  std::string path;
  std::string error;  // the file (or its flow) could not be loaded: exit 2
  std::vector<CaseResult> cases;
};

struct RunResult {
  // The flows under test, kept alive: call reports point into them.
  std::vector<std::unique_ptr<document::Document>> documents;
  std::map<std::string, std::unique_ptr<model::Flow>> flows;  // by flow path
  std::vector<FileResult> files;
  std::map<std::string, Coverage> coverage;  // by flow path
  size_t passed = 0, failed = 0;
};

// Finds test files: files named *.test.yaml / *.test.yml / *.test.json under directories, or given.
Result<std::vector<std::string>> find_test_files(const std::vector<std::string>& args);

RunResult run_tests(const std::vector<std::string>& files);

// How a test run went, worst first; cli/ maps it to an exit code (cli/exit_codes.h).
enum class Verdict {
  kPassed,
  kCoverageBelowMinimum,  // every case passed, but a flow's edge coverage is below `min_coverage`
  kFailed,                // a case failed
  kUnloadable,            // a test file or its flow could not be loaded
};
Verdict verdict(const RunResult& result, double min_coverage);

}  // namespace gomo::flowtest

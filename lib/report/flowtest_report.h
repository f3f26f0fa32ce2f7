#pragma once
// `gomo flow test` results: a test-runner view for people, JUnit and JSON for CI, and coverage.
#include <ostream>

#include "flowtest/flowtest.h"

namespace gomo::report {

// `quiet` (-q): only the failed tests and the files that could not be loaded, no summary line.
void write_test_text(std::ostream& out, const flowtest::RunResult& result, bool color, bool quiet = false);
void write_test_json(std::ostream& out, const flowtest::RunResult& result);
void write_test_junit(std::ostream& out, const flowtest::RunResult& result);
// The coverage table: per flow, nodes and edges covered, and the uncovered edges.
void write_coverage_text(std::ostream& out, const flowtest::RunResult& result, bool color);
// {"version":1,"flows":[{"flow","name","nodes":{...},"edges":{"total","covered","percent","uncovered":[...],"covered":[...]}}]}
// (the input of `gomo flow graph --coverage`).
void write_coverage_json(std::ostream& out, const flowtest::RunResult& result);

// A minimal line diff of two id sequences: "  a", "- b" (expected only), "+ c" (actual only).
std::vector<std::string> sequence_diff(const std::vector<std::string>& expected,
                                       const std::vector<std::string>& actual);

}  // namespace gomo::report

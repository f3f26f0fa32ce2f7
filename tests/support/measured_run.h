#pragma once
// Running gomo and measuring what the run cost: for tests that bound memory and time (hostile input).
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace gomo::test {

struct MeasuredRun {
  RunResult result;
  long max_rss_kib = 0;  // the child's peak resident set (wait4's ru_maxrss), KiB
  double seconds = 0;    // wall time from fork to the child's end
};

// As run_gomo (no standard input, no working directory change), measuring gomo alone: it runs under a
// fresh exec of this test binary (kMeasureChildFlag), whose small size is the floor of max_rss_kib.
MeasuredRun run_gomo_measured(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                              int timeout_s = 60);

// `gomo_tests --measure-child PROGRAM ARGS...`: tests/main.cc hands such a run to measure_child_main,
// which runs PROGRAM, writes its peak RSS in KiB to fd 3 and exits as it did.
inline constexpr const char* kMeasureChildFlag = "--measure-child";
int measure_child_main(int argc, char** argv);

}  // namespace gomo::test

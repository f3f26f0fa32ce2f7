#pragma once
// Running the gomo binary as a person at a terminal would: stdin, stdout and stderr on a
// pseudo-terminal, for what gomo does only on a terminal (questions, tables, notes for people).
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace gomo::test {

// Runs gomo with `args` and `env` ("NAME=value"; "NAME=" unsets NAME) on a pseudo-terminal and
// types `answer` once "[y/N] " appears (never, when `answer` is empty). `out` holds everything the
// terminal showed, stdout and stderr together; `err` stays empty. At most 30 s, then SIGKILL.
RunResult run_gomo_on_terminal(const std::vector<std::string>& args, const std::string& answer,
                               const std::vector<std::string>& env);

}  // namespace gomo::test

#pragma once
// Running the gomo binary as a person at a terminal would: stdin, stdout and stderr on a
// pseudo-terminal, for what gomo does only on a terminal (questions, tables, notes for people).
#include <string>
#include <utility>
#include <vector>

#include "tests/support/test_support.h"

namespace gomo::test {

// A prompt gomo shows (a substring of its output) and the line typed after it ("\n" is added).
using TerminalAnswer = std::pair<std::string, std::string>;

// Runs gomo with `args` and `env` ("NAME=value"; "NAME=" unsets NAME) on a pseudo-terminal and types
// each answer once its prompt appears after the previous answer's prompt, in order. `out` holds
// everything the terminal showed, stdout and stderr together; `err` stays empty. `exit_code` as
// run_gomo's (128 + signal when a signal ended gomo); -1 when gomo was still running after
// `timeout_s` seconds and was killed (SIGKILL).
RunResult run_gomo_on_terminal(const std::vector<std::string>& args, const std::vector<TerminalAnswer>& answers,
                               const std::vector<std::string>& env, int timeout_s = 30);

// As above with one answer, typed once "[y/N] " appears (never, when `answer` is empty).
RunResult run_gomo_on_terminal(const std::vector<std::string>& args, const std::string& answer,
                               const std::vector<std::string>& env);

}  // namespace gomo::test

#pragma once
// Asking the user at the terminal (gomo config init): questions on stderr, answers from stdin, and
// secrets read with echo off.
#include <optional>
#include <ostream>
#include <string>

namespace gomo::profile {

bool stdin_is_terminal();

// Prints `question` (and ` [fallback]` when there is one) to `out`, reads one line from stdin and
// returns it trimmed, or `fallback` for an empty answer; nullopt at end of input.
std::optional<std::string> ask(std::ostream& out, const std::string& question, const std::string& fallback = "");

// Like ask, but what is typed is not echoed (termios; echo is restored even on end of input).
std::optional<std::string> ask_secret(std::ostream& out, const std::string& question);

// Reads stdin to its end and returns the first non-empty line, trimmed ("" when there is none).
std::string read_secret_from_stdin();

}  // namespace gomo::profile

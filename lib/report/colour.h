#pragma once
// The one source of terminal colours: every coloured byte gomo prints comes from paint(). Whether to
// colour is decided by the caller (cli's Context::use_color: --color, NO_COLOR, CLICOLOR, TERM, isatty),
// never here, so output is the same for a terminal, a pipe and a test's string stream.
namespace gomo::report {

enum class Paint {
  kReset,  // back to the terminal's default
  kBold,
  kDim,
  kGreen,
  kRed,
  kBoldRed,     // error severity
  kBoldYellow,  // warning severity
  kBoldCyan,    // info severity
};

// The ANSI SGR sequence for `paint` ("\033[1;31m" for kBoldRed), or "" when `enabled` is false.
// The returned text is static: valid for the life of the process. Thread-safe.
const char* paint(Paint paint, bool enabled);

}  // namespace gomo::report

#pragma once
// The --yes rule of destructive commands (clig.dev, gh): with --yes go ahead; on a terminal ask; with
// no terminal on stdin refuse rather than read an answer from a pipe.
#include <istream>
#include <ostream>
#include <string>

namespace gomo {

enum class Confirmation {
  kYes,      // --yes, or the user answered y/yes
  kNo,       // the user answered anything else (or nothing: end of input)
  kRefused,  // no --yes and stdin is not a terminal: nothing was asked (callers exit 2)
};

// Decides, asking `question` + " [y/N] " on `err` and reading one line from `in` only when `yes` is
// false and `stdin_tty` is true.
Confirmation confirm(std::istream& in, std::ostream& err, bool stdin_tty, bool yes, const std::string& question);

}  // namespace gomo

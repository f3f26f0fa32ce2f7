#pragma once
// Diagnostics as text for people: `path:line:col: severity: message [rule]`, the source line, and a
// caret under the offending span (ninja's Lexer::Error, actionlint).
#include <ostream>
#include <vector>

#include "checks/validate.h"

namespace gomo::report {

struct TextStyle {
  bool color = false;     // ANSI colours (callers decide: TTY, NO_COLOR, --color)
  bool snippets = true;   // source line and caret
};

void write_text(std::ostream& out, const std::vector<checks::FileResult>& files, const TextStyle& style);

// "3 errors, 1 warning in 2 files (5 checked)" style summary line.
std::string summary_line(const std::vector<checks::FileResult>& files);

}  // namespace gomo::report

#pragma once
// Diagnostics as text for people: `path:line:col: severity: message [rule]`, the source line, and a
// caret under the offending span (ninja's Lexer::Error, actionlint).
#include <ostream>
#include <vector>

#include "checks/validate.h"

namespace gomo::report {

struct TextStyle {
  bool color = false;    // ANSI colours (callers decide: TTY, NO_COLOR, --color)
  bool snippets = true;  // source line and caret
  bool infos = true;     // info findings; `flow validate` shows them with --verbose only
  // Findings of one rule printed per file; the rest become one "… and N more" line. 0 = no limit.
  size_t per_rule = 50;
};

// Everything taken from a file (paths, messages, source lines) is printed with its control characters
// and invalid UTF-8 escaped (diag::visible); a long line shows a window around the column, marked `…`.
void write_text(std::ostream& out, const std::vector<checks::FileResult>& files, const TextStyle& style);

// Info findings write_text leaves out under `style` (0 when style.infos is set).
size_t hidden_infos(const std::vector<checks::FileResult>& files, const TextStyle& style);

// "3 errors, 1 warning in 2 files (5 checked)" style summary line.
std::string summary_line(const std::vector<checks::FileResult>& files);

}  // namespace gomo::report

// Colours come from rang (the terminal-colour library gomo's users chose). rang decides by itself
// whether a stream is a terminal; gomo decides that already (report/colour.h), so rang runs in Force
// mode into a string, once per colour, and paint() hands out the sequences it wrote.
#include "report/colour.h"

#include <rang.hpp>
#include <sstream>
#include <string>

namespace gomo::report {
namespace {

// rang writes one sequence per attribute ("\033[1m\033[31m"); gomo's output has always joined them
// into one ("\033[1;31m"), and tests and users' log filters see those bytes: join them the same way.
std::string joined(const std::string& a, const std::string& b) {
  // "\033[1m" + "\033[31m" -> "\033[1;31m"
  return a.substr(0, a.size() - 1) + ";" + b.substr(2);
}

template <typename T>
std::string sgr(T attribute) {
  std::ostringstream out;
  rang::setControlMode(rang::control::Force);
  out << attribute;
  return out.str();
}

struct Sequences {
  std::string text[8];
  Sequences() {
    text[static_cast<int>(Paint::kReset)] = sgr(rang::style::reset);
    text[static_cast<int>(Paint::kBold)] = sgr(rang::style::bold);
    text[static_cast<int>(Paint::kDim)] = sgr(rang::style::dim);
    text[static_cast<int>(Paint::kGreen)] = sgr(rang::fg::green);
    text[static_cast<int>(Paint::kRed)] = sgr(rang::fg::red);
    text[static_cast<int>(Paint::kBoldRed)] = joined(sgr(rang::style::bold), sgr(rang::fg::red));
    text[static_cast<int>(Paint::kBoldYellow)] = joined(sgr(rang::style::bold), sgr(rang::fg::yellow));
    text[static_cast<int>(Paint::kBoldCyan)] = joined(sgr(rang::style::bold), sgr(rang::fg::cyan));
  }
};

}  // namespace

const char* paint(Paint paint, bool enabled) {
  if (!enabled) return "";
  static const Sequences sequences;  // C++11 magic static: built once, thread-safe
  return sequences.text[static_cast<int>(paint)].c_str();
}

}  // namespace gomo::report

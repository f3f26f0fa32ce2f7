#include "profile/prompt.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <iterator>

namespace gomo::profile {

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) == 1; }

std::optional<std::string> ask(std::ostream& out, const std::string& question, const std::string& fallback) {
  out << question << (fallback.empty() ? "" : " [" + fallback + "]") << ": " << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  line = trim(line);
  return line.empty() ? fallback : line;
}

std::optional<std::string> ask_secret(std::ostream& out, const std::string& question) {
  // Echo goes off before the prompt shows, so a key typed or pasted right after it is never echoed.
  termios saved{};
  bool terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;  // the newline still shows, so the next question starts on its own line
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  out << question << ": " << std::flush;
  std::string line;
  bool got = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) ::tcsetattr(STDIN_FILENO, TCSADRAIN, &saved);
  if (!got) return std::nullopt;
  return trim(line);
}

std::string read_secret_from_stdin() {
  std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  size_t start = 0;
  while (start < all.size()) {
    size_t nl = all.find('\n', start);
    if (nl == std::string::npos) nl = all.size();
    std::string line = trim(all.substr(start, nl - start));
    if (!line.empty()) return line;
    start = nl + 1;
  }
  return "";
}

}  // namespace gomo::profile

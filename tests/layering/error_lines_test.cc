// cli/ prints every "gomo: ..." line through cli/exit_codes (report_error, report_api_error,
// report_note, report_warning, ...), so the prefix, the stream and the exit code stay one decision.
// This reads cli/*.cc and names any other file that writes the prefix by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace {

// "file:line: text" for each line of cli/*.cc but exit_codes.cc that writes the "gomo: " prefix.
std::vector<std::string> hand_written_error_lines() {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(gomo::test::source_path("cli"))) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".cc" || name == "exit_codes.cc") continue;
    std::istringstream text(gomo::test::read_file(entry.path().string()));
    std::string line;
    for (int number = 1; std::getline(text, line); ++number) {
      // The app's description ("gomo: the command-line toolkit ...") is help text, not a message.
      if (line.find("\"gomo: ") == std::string::npos || line.find("kAppDescription") != std::string::npos) continue;
      found.push_back("cli/" + name + ":" + std::to_string(number) + ": " + line);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

TEST_CASE("cli: only cli/exit_codes.cc writes the \"gomo: \" prefix (use report_error, report_note, ...)") {
  auto found = hand_written_error_lines();
  std::string all;
  for (const auto& line : found) all += line + "\n";
  INFO(all);
  CHECK(found.empty());
}

}  // namespace

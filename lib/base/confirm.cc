// Confirmation of destructive commands (base/confirm.h).
#include "base/confirm.h"

#include "base/strings.h"

namespace gomo {

Confirmation confirm(std::istream& in, std::ostream& err, bool stdin_tty, bool yes, const std::string& question) {
  if (yes) return Confirmation::kYes;
  if (!stdin_tty) return Confirmation::kRefused;
  err << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(in, answer)) {
    err << "\n";
    return Confirmation::kNo;
  }
  while (!answer.empty() && (answer.back() == ' ' || answer.back() == '\r')) answer.pop_back();
  while (!answer.empty() && answer.front() == ' ') answer.erase(0, 1);
  answer = to_lower(answer);
  return answer == "y" || answer == "yes" ? Confirmation::kYes : Confirmation::kNo;
}

}  // namespace gomo

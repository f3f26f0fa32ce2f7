// A pseudo-terminal around the gomo binary (tests/support/terminal.h).
#include "tests/support/terminal.h"

#include <doctest/doctest.h>
#include <poll.h>
#include <pty.h>
#include <unistd.h>

#include <chrono>

#include "tests/support/child_process.h"

namespace gomo::test {

RunResult run_gomo_on_terminal(const std::vector<std::string>& args, const std::vector<TerminalAnswer>& answers,
                               const std::vector<std::string>& env, int timeout_s) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    apply_child_env(env);
    exec_gomo(args);
  }
  RunResult r;
  size_t next = 0, seen = 0;  // the next answer to type; where the output after the last prompt starts
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  bool timed_out = true;
  while (std::chrono::steady_clock::now() < deadline) {
    if (next < answers.size()) {
      if (auto at = r.out.find(answers[next].first, seen); at != std::string::npos) {
        seen = at + answers[next].first.size();
        std::string line = answers[next].second + "\n";
        REQUIRE(write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
        ++next;
        continue;
      }
    }
    pollfd p{master, POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    char buf[4096];
    ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) {  // EIO: the child closed the terminal
      timed_out = false;
      break;
    }
    r.out.append(buf, static_cast<size_t>(n));
  }
  close(master);
  // Closing the terminal is gomo's last act: give it a moment to exit, unless time is already up.
  r.exit_code = wait_exit(pid, timed_out ? 0 : 10);
  return r;
}

RunResult run_gomo_on_terminal(const std::vector<std::string>& args, const std::string& answer,
                               const std::vector<std::string>& env) {
  std::vector<TerminalAnswer> answers;
  if (!answer.empty()) answers.push_back({"[y/N] ", answer});
  return run_gomo_on_terminal(args, answers, env);
}

}  // namespace gomo::test

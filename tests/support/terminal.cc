// A pseudo-terminal around the gomo binary (tests/support/terminal.h).
#include "tests/support/terminal.h"

#include <doctest/doctest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>

namespace gomo::test {

RunResult run_gomo_on_terminal(const std::vector<std::string>& args, const std::string& answer,
                               const std::vector<std::string>& env) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    for (const auto& e : env) {
      auto eq = e.find('=');
      std::string value = e.substr(eq + 1);
      if (value.empty()) unsetenv(e.substr(0, eq).c_str());
      else setenv(e.substr(0, eq).c_str(), value.c_str(), 1);
    }
    std::vector<std::string> copy = args;
    std::string bin = GOMO_BINARY;
    std::vector<char*> argv{bin.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  RunResult r;
  bool answered = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{master, POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    char buf[4096];
    ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO: the child closed the terminal
    r.out.append(buf, static_cast<size_t>(n));
    if (!answered && !answer.empty() && r.out.find("[y/N] ") != std::string::npos) {
      answered = true;
      std::string line = answer + "\n";
      REQUIRE(write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
    }
  }
  if (std::chrono::steady_clock::now() >= deadline) kill(pid, SIGKILL);
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

}  // namespace gomo::test

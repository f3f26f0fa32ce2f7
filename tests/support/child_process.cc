// Child processes for tests (tests/support/child_process.h).
#include "tests/support/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <thread>

namespace gomo::test {

namespace {

// In the child: puts `stream` on descriptor `target` (0, 1 or 2). False when its file cannot be opened.
bool redirect(const ChildStream& stream, int target) {
  using Kind = ChildStream::Kind;
  int fd = -1;
  switch (stream.kind) {
    case Kind::kInherit: return true;
    case Kind::kDescriptor:
      // dup2 onto itself would keep a close-on-exec flag: clear it instead.
      if (stream.fd == target) return fcntl(target, F_SETFD, 0) == 0;
      return dup2(stream.fd, target) == target;
    case Kind::kNull: fd = open("/dev/null", O_RDWR); break;
    case Kind::kTruncate:
    case Kind::kAppend: {
      const int write_mode = stream.kind == Kind::kAppend ? O_APPEND : O_TRUNC;
      const int flags = target == 0 ? O_RDONLY : (O_WRONLY | O_CREAT | write_mode);
      fd = open(stream.path.c_str(), flags, 0600);
      break;
    }
  }
  if (fd < 0) return false;
  if (fd == target) return true;
  const bool ok = dup2(fd, target) == target;
  close(fd);
  return ok;
}

// Polls `pid` until it ends or `timeout_s` passes: its exit_code_of, -1 when it is no child of ours,
// nothing at the timeout (the child still running). Looks at least once, even with a timeout of 0.
std::optional<int> exit_within(pid_t pid, int timeout_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  for (;;) {
    int status = 0;
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) return exit_code_of(status);
    if (r < 0 && errno != EINTR) return -1;  // never kill a pid that may since belong to another process
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

void apply_child_env(const std::vector<std::string>& env) {
  for (const auto& entry : env) {
    const auto eq = entry.find('=');
    const std::string name = entry.substr(0, eq);
    if (eq == std::string::npos || eq + 1 == entry.size()) unsetenv(name.c_str());
    else setenv(name.c_str(), entry.c_str() + eq + 1, 1);
  }
}

void exec_program(const std::string& program, const std::vector<std::string>& args) {
  std::vector<std::string> all = {program};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}

void exec_gomo(const std::vector<std::string>& args) { exec_program(GOMO_BINARY, args); }

pid_t spawn_gomo(const std::vector<std::string>& args, const std::vector<std::string>& env, const ChildFiles& files) {
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("spawn_gomo: fork failed");
  if (pid == 0) {
    if (!redirect(files.in, 0) || !redirect(files.out, 1) || !redirect(files.err, 2)) _exit(127);
    apply_child_env(env);
    exec_gomo(args);
  }
  return pid;
}

int exit_code_of(int wait_status) {
  return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

int wait_exit(pid_t pid, int timeout_s) {
  if (auto code = exit_within(pid, timeout_s)) return *code;
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return -1;
}

int stop_child(pid_t pid, int grace_s) {
  kill(pid, SIGTERM);
  if (auto code = exit_within(pid, grace_s)) return *code;
  kill(pid, SIGKILL);
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return exit_code_of(status);
}

}  // namespace gomo::test

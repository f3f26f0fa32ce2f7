#pragma once
// Starting and reaping child processes in tests: the gomo binary (or another program) in the
// background, its environment and standard streams, and a bounded wait for its end. One set of
// rules for every end-to-end test: "NAME=VALUE" sets, "NAME=" unsets, a timeout ends in SIGKILL.
#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

namespace gomo::test {

// For a child between fork and exec: sets or unsets variables of this process's environment.
// "NAME=VALUE" sets NAME; "NAME=" and a bare "NAME" unset it.
void apply_child_env(const std::vector<std::string>& env);

// For a child after fork: replaces this process with `program ARGS...` (argv[0] is `program`, a
// path: no PATH search), or _exit(127) when that fails. exec_gomo runs the built gomo (GOMO_BINARY).
[[noreturn]] void exec_program(const std::string& program, const std::vector<std::string>& args);
[[noreturn]] void exec_gomo(const std::vector<std::string>& args);

// Where one standard stream of a child goes. Default: /dev/null.
struct ChildStream {
  enum class Kind { kNull, kTruncate, kAppend, kDescriptor, kInherit };
  Kind kind = Kind::kNull;
  std::string path;  // kTruncate, kAppend: the file (created with mode 0600 when missing)
  int fd = -1;       // kDescriptor: a descriptor of the parent (e.g. a pipe's write end); the caller closes it

  static ChildStream null() { return {}; }
  static ChildStream truncate(std::string path) { return {Kind::kTruncate, std::move(path), -1}; }
  static ChildStream append(std::string path) { return {Kind::kAppend, std::move(path), -1}; }
  static ChildStream descriptor(int fd) { return {Kind::kDescriptor, "", fd}; }
  static ChildStream inherit() { return {Kind::kInherit, "", -1}; }
};
struct ChildFiles {
  ChildStream in, out, err;  // stdin (a file is opened for reading), stdout, stderr
};

// Starts `gomo ARGS...` in the background with `env` applied (apply_child_env) on top of this
// process's environment and its streams as `files` say, and returns its pid at once. The child exits
// 127 when a file cannot be opened or gomo cannot be run. Throws std::runtime_error when fork fails.
// The caller reaps the child (wait_exit, stop_child).
pid_t spawn_gomo(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                 const ChildFiles& files = {});

// A waitpid status as the tests' exit code: the exit code, or 128 + the signal that ended it (as
// a shell's $?).
int exit_code_of(int wait_status);

// Waits up to `timeout_s` seconds (polling every 20 ms) for `pid` to end and reaps it. Returns its
// exit_code_of (128 + signal when a signal ended it); -1 after the timeout, the child then killed
// (SIGKILL) and reaped; -1 also when `pid` is no child of this process (already reaped).
int wait_exit(pid_t pid, int timeout_s);

// Stops `pid` as a service manager would: SIGTERM, up to `grace_s` seconds to end, then SIGKILL. Reaps
// it and returns its exit_code_of (128 + 9 when it needed the SIGKILL); -1 when `pid` is no child.
int stop_child(pid_t pid, int grace_s);

}  // namespace gomo::test

#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tests/support/child_process.h"
#include "tests/support/measured_run.h"

namespace gomo::test {

namespace fs = std::filesystem;

static std::string g_root;
static std::atomic<int> g_counter{0};

void init_scratch_root() {
  char tmpl[] = "/tmp/gomo-test-XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  g_root = tmpl;
}

void remove_scratch_root() {
  if (g_root.empty() || std::getenv("GOMO_KEEP_TEST_TMP")) return;
  std::error_code ec;
  fs::remove_all(g_root, ec);
}

std::string scratch_dir() {
  if (g_root.empty()) init_scratch_root();
  std::string dir = g_root + "/t" + std::to_string(g_counter++);
  fs::create_directories(dir);
  return dir;
}

std::string write_file(const std::string& dir, const std::string& name, const std::string& text) {
  fs::path p = fs::path(dir) / name;
  fs::create_directories(p.parent_path());
  std::ofstream f(p, std::ios::binary);
  f << text;
  return p.string();
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string source_path(const std::string& relative) { return std::string(GOMO_SOURCE_DIR) + "/" + relative; }

// run_gomo, and with `usage` gomo's peak RSS (measure_child_main) and the wall time from fork to its end.
static RunResult run_child(const std::vector<std::string>& args, const std::string& input,
                           const std::vector<std::string>& env, const std::string& cwd, int timeout_s,
                           MeasuredRun* usage) {
  const auto started = std::chrono::steady_clock::now();
  int in_pipe[2], out_pipe[2], err_pipe[2], report_pipe[2] = {-1, -1};
  if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe failed");
  if (usage && pipe(report_pipe)) throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    if (usage) {
      dup2(report_pipe[1], 3);
      close(report_pipe[0]);
      if (report_pipe[1] != 3) close(report_pipe[1]);
    }
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
      if (fd != 3 || !usage) close(fd);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    apply_child_env(env);
    // Measured: through this test binary, exec'd afresh (see measure_child_main).
    if (usage) {
      std::vector<std::string> measured = {kMeasureChildFlag, GOMO_BINARY};
      measured.insert(measured.end(), args.begin(), args.end());
      exec_program("/proc/self/exe", measured);
    }
    exec_gomo(args);
  }
  if (usage) close(report_pipe[1]);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  signal(SIGPIPE, SIG_IGN);
  // Feed stdin and drain stdout/stderr together so neither side blocks.
  size_t written = 0;
  if (input.empty()) close(in_pipe[1]);
  RunResult r;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  bool out_open = true, err_open = true, in_open = !input.empty();
  while (out_open || err_open) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
    if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
    if (in_open) fds.push_back({in_pipe[1], POLLOUT, 0});
    int left = static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
    if (left <= 0) {
      kill(pid, SIGKILL);
      break;
    }
    if (poll(fds.data(), fds.size(), left) < 0) break;
    for (auto& p : fds) {
      if (!p.revents) continue;
      if (p.fd == in_pipe[1]) {
        ssize_t n = write(in_pipe[1], input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        if (n <= 0 || written == input.size()) {
          close(in_pipe[1]);
          in_open = false;
        }
        continue;
      }
      char buf[65536];
      ssize_t n = read(p.fd, buf, sizeof buf);
      if (n <= 0) {
        if (p.fd == out_pipe[0]) out_open = false;
        else err_open = false;
      } else {
        (p.fd == out_pipe[0] ? r.out : r.err).append(buf, static_cast<size_t>(n));
      }
    }
  }
  if (in_open) close(in_pipe[1]);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = exit_code_of(status);
  if (usage) {
    usage->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::string report;
    char buf[64];
    for (ssize_t n; (n = read(report_pipe[0], buf, sizeof buf)) > 0;) report.append(buf, static_cast<size_t>(n));
    close(report_pipe[0]);
    usage->max_rss_kib = report.empty() ? -1 : std::atol(report.c_str());
  }
  return r;
}

// A forked child starts with its parent's peak RSS (Linux copies the page tables, and exec keeps the
// larger peak in ru_maxrss), so a big test process would hide gomo's own. This binary, exec'd afresh,
// is small: it runs gomo, reaps it with wait4 and writes its ru_maxrss (KiB) to fd 3.
int measure_child_main(int argc, char** argv) {
  if (argc < 3) return 127;
  fcntl(3, F_SETFD, FD_CLOEXEC);
  const pid_t pid = fork();
  if (pid < 0) return 127;
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // a test's timeout kills this process: gomo goes with it
    execv(argv[2], argv + 2);
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  if (wait4(pid, &status, 0, &ru) < 0) return 127;
  const std::string report = std::to_string(ru.ru_maxrss);
  if (write(3, report.data(), report.size()) < 0) return 127;
  if (WIFSIGNALED(status)) {
    signal(WTERMSIG(status), SIG_DFL);
    raise(WTERMSIG(status));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 127;
}

RunResult run_gomo(const std::vector<std::string>& args, const std::string& input, const std::vector<std::string>& env,
                   const std::string& cwd, int timeout_s) {
  return run_child(args, input, env, cwd, timeout_s, nullptr);
}

MeasuredRun run_gomo_measured(const std::vector<std::string>& args, const std::vector<std::string>& env,
                              int timeout_s) {
  MeasuredRun m;
  m.result = run_child(args, "", env, "", timeout_s, &m);
  return m;
}

std::vector<diag::Diagnostic> check_flow(const std::string& text, const std::string& name,
                                         const checks::ValidateOptions& options) {
  return checks::validate_text(name, text, options).diagnostics;
}

bool skip_without(const std::string& what) {
  const char* allow = std::getenv("GOMO_ALLOW_SKIP");
  if (allow && std::string(allow) == "1") {
    MESSAGE("skipped: " << what << " is missing (run scripts/setup.sh --with-test-tools)");
    return true;
  }
  FAIL(what << " is missing: run scripts/setup.sh --with-test-tools (or set GOMO_ALLOW_SKIP=1 to skip)");
  return true;
}

std::vector<diag::Diagnostic> check_loaded_flow(const std::string& text, const std::string& name,
                                                const checks::ValidateOptions& options) {
  auto all = check_flow(text, name, options);
  for (const auto& d : all) {
    INFO(name, ":", d.location.line, ":", d.location.col, ": ", d.message);
    CHECK_MESSAGE((d.rule != "syntax" && d.rule != "schema"), "the fixture did not load cleanly [", d.rule, "]");
  }
  return all;
}

std::vector<diag::Diagnostic> diags_of(const std::vector<diag::Diagnostic>& all, const std::string& rule) {
  std::vector<diag::Diagnostic> out;
  for (const auto& d : all)
    if (d.rule == rule) out.push_back(d);
  return out;
}

}  // namespace gomo::test

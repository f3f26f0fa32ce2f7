#include "audio/espeak.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <vector>

extern char** environ;

namespace gomo::audio {
namespace {

constexpr size_t kMaxTextBytes = 100000;  // below Linux's 128 KiB limit for one argv element

struct Finished {
  std::string out, err;
  int status = 0;
  bool timed_out = false;
};

// Runs argv[0] (found on PATH) with stdin from /dev/null and collects stdout and stderr until it
// exits or `timeout_ms` passes (then it is killed). Errors: the program could not start (errno).
Result<Finished> run_program(const std::vector<std::string>& args, engine::Millis timeout_ms) {
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return Status::io_error(std::string("pipe: ") + std::strerror(errno));
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return Status::io_error(std::string("pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (spawned != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    return Status(spawned == ENOENT ? Status::not_found(std::strerror(spawned))
                                    : Status::io_error(std::strerror(spawned)));
  }
  Finished f;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&f.out, &f.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      f.timed_out = true;
      kill(pid, SIGKILL);
      break;
    }
    int ready = poll(fds, 2, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& p : fds)
    if (p.fd >= 0) close(p.fd);
  while (waitpid(pid, &f.status, 0) < 0 && errno == EINTR) {}
  return f;
}

std::string last_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  size_t nl = text.rfind('\n');
  return nl == std::string::npos ? text : text.substr(nl + 1);
}

}  // namespace

Result<std::string> espeak_voice(std::string_view language) {
  std::string primary;
  for (char c : language) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (primary.empty() || primary == "fr") return std::string("fr-fr");
  if (primary == "ar") return std::string("ar");
  if (primary == "en") return std::string("en-us");
  return Status::invalid_argument("no text-to-speech voice for language \"" + std::string(language) +
                                  "\": gomo speaks fr, ar and en (set the item's language to one of them)");
}

Result<Samples> speak(const std::string& program, std::string_view language, std::string_view text,
                      engine::Millis timeout_ms) {
  auto voice = espeak_voice(language);
  if (!voice) return voice.error();
  if (text.size() > kMaxTextBytes)
    return Status::invalid_argument("text to speak is " + std::to_string(text.size()) + " bytes; at most " +
                                    std::to_string(kMaxTextBytes) + " are spoken");
  // A leading space keeps text such as "-5 euros" from reading as an option; espeak ignores it.
  auto run = run_program({program, "-v", *voice, "-b", "1", "--stdout", " " + std::string(text)}, timeout_ms);
  if (!run) {
    if (run.error().code() == StatusCode::kNotFound)
      return Status::not_found(program +
                               " is not installed: text-to-speech and spoken numbers and dates need it "
                               "(Debian/Ubuntu: apt-get install espeak-ng)");
    return Status::io_error("cannot run " + program + ": " + run.error().message());
  }
  if (run->timed_out)
    return Status::io_error(program + " did not finish within " + std::to_string(timeout_ms / 1000) + " s (text of " +
                            std::to_string(text.size()) + " bytes)");
  if (!WIFEXITED(run->status) || WEXITSTATUS(run->status) != 0) {
    std::string why = last_line(run->err);
    return Status::io_error(program + " -v " + *voice + " failed" + (why.empty() ? "" : ": " + why) +
                            " (is the espeak-ng-data package complete?)");
  }
  return decode_audio(run->out, program + " output");
}

}  // namespace gomo::audio

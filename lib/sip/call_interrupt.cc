// Signals during a SIP call (call_interrupt.h): a flag and a self-pipe, nothing else in the handler.
#include "sip/call_interrupt.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gomo::sip {
namespace {

volatile sig_atomic_t g_signal = 0;     // the first signal caught; 0 = none
volatile sig_atomic_t g_write_fd = -1;  // the pipe's write end while a CallInterrupt is alive
volatile sig_atomic_t g_installed = 0;  // a CallInterrupt is alive (REQUIRES of install())

void write_all(int fd, const char* text) { (void)!write(fd, text, std::strlen(text)); }

void on_signal(int sig) {
  int saved_errno = errno;  // the interrupted code may be reading errno
  if (g_signal != 0) {
    // The second Ctrl-C: the user does not want to wait for the hang-up.
    write_all(STDERR_FILENO, "\ngomo: interrupted again; exiting without waiting for the hang-up\n");
    _exit(128 + sig);
  }
  g_signal = sig;
  if (g_write_fd >= 0) (void)!write(g_write_fd, "x", 1);
  errno = saved_errno;
}

}  // namespace

Result<std::unique_ptr<CallInterrupt>> CallInterrupt::install() {
  if (g_installed) return Status::internal("a CallInterrupt is already installed");
  int fds[2];
  if (pipe(fds) != 0) return Status::io_error(std::string("cannot create a pipe: ") + std::strerror(errno));
  // Non-blocking both ways: the handler must never block on a full pipe, nor drain() on an empty one.
  for (int fd : fds) {
    (void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);  // espeak-ng and players do not inherit it
  }
  std::unique_ptr<CallInterrupt> watch(new CallInterrupt(fds[0], fds[1]));
  g_signal = 0;
  g_write_fd = fds[1];
  g_installed = 1;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  // Both signals blocked in the handler: a SIGTERM racing a SIGINT counts as the second.
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  action.sa_flags = SA_RESTART;  // system calls outside libre's loop (file reads, waitpid) go on
  auto take = [&action](int sig, struct sigaction* previous) {
    sigaction(sig, nullptr, previous);
    // An ignored signal stays ignored (nohup, `cmd &` in a script): it would not have killed gomo either.
    if (!(previous->sa_flags & SA_SIGINFO) && previous->sa_handler == SIG_IGN) return;
    sigaction(sig, &action, nullptr);
  };
  take(SIGINT, &watch->previous_int_);
  take(SIGTERM, &watch->previous_term_);
  return watch;
}

CallInterrupt::CallInterrupt(int read_fd, int write_fd) : read_fd_(read_fd), write_fd_(write_fd) {}

CallInterrupt::~CallInterrupt() {
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
  g_write_fd = -1;
  g_installed = 0;
  close(read_fd_);
  close(write_fd_);
}

int CallInterrupt::signal() const { return g_signal; }
int CallInterrupt::fd() const { return read_fd_; }

void CallInterrupt::drain() const {
  char buffer[64];
  while (read(read_fd_, buffer, sizeof buffer) > 0) {}
}

}  // namespace gomo::sip

#pragma once
// Ctrl-C during a real call: while a CallInterrupt is alive, SIGINT and SIGTERM do not kill gomo but ask
// the call to end (the softphone sends CANCEL or BYE, then the CLI prints the transcript so far). A
// second signal exits at once (status 128 + the signal), without hanging up.
//
// The handler only stores the signal number and writes one byte to a pipe (both async-signal-safe): a
// signal that comes inside libre's event loop wakes it through fd(), one that comes outside it (while
// espeak-ng renders a prompt) is seen by the next signal() check. No libre call happens in the handler.
#include <csignal>
#include <memory>

#include "base/status.h"

namespace gomo::sip {

class CallInterrupt {
 public:
  // Installs the handlers for SIGINT and SIGTERM, keeping the previous ones; a signal that is ignored
  // (SIG_IGN: nohup, a background job of a script) stays ignored.
  // REQUIRES: no other CallInterrupt is alive in the process (the handler's state is process-wide).
  static Result<std::unique_ptr<CallInterrupt>> install();
  ~CallInterrupt();  // restores the previous handlers and closes the pipe
  CallInterrupt(const CallInterrupt&) = delete;
  CallInterrupt& operator=(const CallInterrupt&) = delete;

  // 0 until a signal came, then the first one (SIGINT or SIGTERM). Safe to call at any time.
  int signal() const;
  // Readable once a signal came: the read end of the pipe, for an event loop to watch. drain() empties it.
  int fd() const;
  void drain() const;

 private:
  CallInterrupt(int read_fd, int write_fd);
  int read_fd_;
  int write_fd_;
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

}  // namespace gomo::sip

#include "sip/call_interrupt.h"

#include <doctest/doctest.h>
#include <poll.h>

namespace gomo::sip {
namespace {

bool readable(int fd) {
  pollfd p{fd, POLLIN, 0};
  return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

void count_signal(int) {}

}  // namespace

TEST_CASE("call interrupt: a signal sets the flag and wakes the fd, and the old handlers come back") {
  struct sigaction mine {};
  mine.sa_handler = count_signal;
  sigemptyset(&mine.sa_mask);
  struct sigaction before_int {
  }, before_term{};
  REQUIRE(sigaction(SIGINT, &mine, &before_int) == 0);
  REQUIRE(sigaction(SIGTERM, &mine, &before_term) == 0);
  {
    auto watch = CallInterrupt::install();
    REQUIRE(watch.has_value());
    CHECK((*watch)->signal() == 0);
    CHECK_FALSE(readable((*watch)->fd()));
    CHECK_FALSE(CallInterrupt::install().has_value());  // one at a time
    REQUIRE(raise(SIGTERM) == 0);                       // the handler runs before raise returns
    CHECK((*watch)->signal() == SIGTERM);
    CHECK(readable((*watch)->fd()));
    (*watch)->drain();
    CHECK_FALSE(readable((*watch)->fd()));
  }
  struct sigaction now {};
  REQUIRE(sigaction(SIGINT, nullptr, &now) == 0);
  CHECK((now.sa_handler == count_signal));
  REQUIRE(sigaction(SIGTERM, nullptr, &now) == 0);
  CHECK((now.sa_handler == count_signal));
  // A new call starts without the old signal.
  {
    auto again = CallInterrupt::install();
    REQUIRE(again.has_value());
    CHECK((*again)->signal() == 0);
  }
  sigaction(SIGINT, &before_int, nullptr);
  sigaction(SIGTERM, &before_term, nullptr);
}

TEST_CASE("call interrupt: an ignored signal stays ignored") {
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  struct sigaction before {};
  REQUIRE(sigaction(SIGINT, &ignore, &before) == 0);
  {
    auto watch = CallInterrupt::install();
    REQUIRE(watch.has_value());
    struct sigaction now {};
    REQUIRE(sigaction(SIGINT, nullptr, &now) == 0);
    CHECK((now.sa_handler == SIG_IGN));
    REQUIRE(raise(SIGINT) == 0);
    CHECK((*watch)->signal() == 0);
  }
  sigaction(SIGINT, &before, nullptr);
}

}  // namespace gomo::sip

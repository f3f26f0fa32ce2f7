#include "softphone/terminal_softphone.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <sstream>

using namespace gomo;

namespace {

// The callee's keys come from a pipe written before the call: no waiting, no terminal needed.
struct Keys {
  int fds[2] = {-1, -1};
  explicit Keys(const std::string& keys) {
    REQUIRE(pipe(fds) == 0);
    REQUIRE(write(fds[1], keys.data(), keys.size()) == static_cast<ssize_t>(keys.size()));
    close(fds[1]);
  }
  ~Keys() { close(fds[0]); }
};

}  // namespace

TEST_CASE("terminal softphone: waits are call time, and real time too at another --speed") {
  engine::CallSetup call;
  call.caller = "+212500000000";
  call.callee = "+212612345678";
  {
    Keys keys("a");
    std::ostringstream out;
    softphone::TerminalSoftphone phone(out, softphone::TerminalOptions{keys.fds[0], 1.0, false, "", ""});
    CHECK(phone.ring(call, 30000, true).answer == engine::Answer::kHuman);
    CHECK(out.str().find("(wait 30 s = no answer)") != std::string::npos);
  }
  {
    Keys keys("a1");
    std::ostringstream out;
    softphone::TerminalSoftphone phone(out, softphone::TerminalOptions{keys.fds[0], 5.0, false, "", ""});
    CHECK(phone.ring(call, 30000, true).answer == engine::Answer::kHuman);
    CHECK(out.str().find("(wait 30 s [6 s real at --speed 5] = no answer)") != std::string::npos);
    engine::DigitRequest digits;
    digits.single_digit = true;
    digits.timeout_ms = 5000;
    CHECK(phone.collect_digits(digits).digits == "1");
    CHECK(out.str().find("press a key (5 s [1 s real at --speed 5]; [h] hangs up): 1") != std::string::npos);
  }
}

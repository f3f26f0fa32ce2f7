// Idle keep-alive connections must not starve new clients (issue 16): 64 connections that each send
// one cheap request every 1.5 s (under the server's 2 s keep-alive timeout) stay open while a new
// client asks for GET /users/me. cpp-httplib serves a connection on one worker from accept to close,
// so with its fixed pool of 8 workers the new client waited until the test gave up.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/raw_http.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

using Clock = std::chrono::steady_clock;

// One keep-alive connection that sends a request now and then and counts the complete answers.
class KeptConnection {
 public:
  explicit KeptConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // Loopback: the connection is in the listen backlog at once, even when nobody serves it yet.
    (void)connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  }
  ~KeptConnection() {
    if (fd_ >= 0) close(fd_);
  }
  KeptConnection(const KeptConnection&) = delete;
  KeptConnection& operator=(const KeptConnection&) = delete;

  int fd() const { return fd_; }
  int answers() const { return answers_; }
  void send_request(const std::string& request) { (void)send(fd_, request.data(), request.size(), MSG_NOSIGNAL); }
  // Reads what arrived and counts each complete answer (headers and Content-Length bytes of body).
  void read_answers() {
    char buf[8192];
    ssize_t n;
    while ((n = recv(fd_, buf, sizeof buf, MSG_DONTWAIT)) > 0) in_.append(buf, static_cast<size_t>(n));
    for (;;) {
      size_t end = in_.find("\r\n\r\n");
      if (end == std::string::npos) return;
      size_t length = 0, at = in_.find("Content-Length: ");
      if (at != std::string::npos && at < end) length = std::stoul(in_.substr(at + 16));
      if (in_.size() < end + 4 + length) return;
      in_.erase(0, end + 4 + length);
      ++answers_;
    }
  }

 private:
  int fd_ = -1;
  int answers_ = 0;
  std::string in_;
};

}  // namespace

TEST_CASE("cli: serve answers a new client at once while 64 keep-alive connections stay busy") {
  std::string ws = scratch_dir() + "/ws.db";
  auto init = run_gomo({"serve", "--init", "--workspace", ws});
  REQUIRE(init.exit_code == 0);
  const std::string key = init.out.substr(0, 45);
  ServeProcess server({"--workspace", ws});
  REQUIRE(server.started());
  const std::string me = "GET /api/users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: " + key + "\r\n";

  constexpr int kKept = 64;
  std::vector<std::unique_ptr<KeptConnection>> kept;
  for (int i = 0; i < kKept; ++i) kept.push_back(std::make_unique<KeptConnection>(server.port()));
  std::atomic<bool> done{false};
  // One thread drives all 64: a request on each every 1.5 s, reading answers in between (bounded).
  std::thread keeper([&] {
    auto stop_at = Clock::now() + std::chrono::seconds(20);
    auto next_round = Clock::now();
    while (!done && Clock::now() < stop_at) {
      if (Clock::now() >= next_round) {
        for (auto& c : kept) c->send_request(me + "\r\n");
        next_round += std::chrono::milliseconds(1500);
      }
      std::vector<pollfd> fds;
      for (auto& c : kept) fds.push_back({c->fd(), POLLIN, 0});
      if (poll(fds.data(), fds.size(), 50) > 0)
        for (auto& c : kept) c->read_answers();
    }
  });

  // Two rounds in, every kept connection has been accepted and holds whatever serves it.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto started = Clock::now();
    RawAnswer a = raw_http(server.port(), me + "Connection: close\r\n\r\n", false, 5000);
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    CHECK(a.status == 200);
    CHECK_MESSAGE(ms < 500, "a new client waited " << ms << " ms for GET /users/me");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  done = true;
  keeper.join();
  int answered = 0;
  for (auto& c : kept) answered += c->answers() >= 2;
  CHECK(answered == kKept);  // none of the kept connections was starved either
}

}  // namespace gomo::test

#include "tests/support/raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>

namespace gomo::test {

std::string RawAnswer::header(const std::string& name) const {
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::string all = lower(headers), key = "\r\n" + lower(name) + ":";
  auto at = ("\r\n" + all).find(key);
  if (at == std::string::npos) return "";
  size_t from = at + key.size() - 2, to = headers.find("\r\n", from);
  std::string v = headers.substr(from, to == std::string::npos ? std::string::npos : to - from);
  while (!v.empty() && v.front() == ' ') v.erase(v.begin());
  while (!v.empty() && (v.back() == ' ' || v.back() == '\r')) v.pop_back();
  return v;
}

RawAnswer raw_http(int port, const std::string& request, bool head, int timeout_ms) {
  RawAnswer answer;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return answer;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  auto left_ms = [&] {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return static_cast<int>(std::max<long long>(0, ms.count()));
  };
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return answer;
  }
  // Write and read together: the server may answer (413) before it has read all of a large body.
  size_t sent = 0;
  std::string in;
  size_t header_end = std::string::npos, want = std::string::npos;
  bool closed = false;
  while (!closed && left_ms() > 0) {
    pollfd p{fd, static_cast<short>(POLLIN | (sent < request.size() ? POLLOUT : 0)), 0};
    if (poll(&p, 1, std::min(left_ms(), 100)) <= 0) continue;
    if ((p.revents & POLLOUT) && sent < request.size()) {
      ssize_t n = send(fd, request.data() + sent, std::min<size_t>(request.size() - sent, 1 << 16), MSG_NOSIGNAL);
      if (n > 0) sent += static_cast<size_t>(n);
      if (n < 0) sent = request.size();  // the server closed its side; read what it said
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[1 << 16];
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) {
        closed = true;
      } else {
        in.append(buf, static_cast<size_t>(n));
      }
    }
    if (header_end == std::string::npos && (header_end = in.find("\r\n\r\n")) != std::string::npos) {
      size_t line_end = in.find("\r\n");
      if (in.compare(0, 5, "HTTP/") == 0 && line_end > 12) answer.status = std::atoi(in.c_str() + 9);
      answer.headers = in.substr(line_end + 2, header_end - line_end);
      std::string length = answer.header("Content-Length");
      if (head || answer.status == 204 || answer.status == 304) {
        want = 0;
      } else if (!length.empty()) {
        want = static_cast<size_t>(std::stoull(length));
      }
    }
    if (header_end != std::string::npos && want != std::string::npos && in.size() >= header_end + 4 + want) break;
  }
  close(fd);
  if (header_end != std::string::npos) {
    answer.body = in.substr(header_end + 4, want == std::string::npos ? std::string::npos : want);
  }
  return answer;
}

}  // namespace gomo::test

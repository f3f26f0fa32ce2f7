#include "sip/sip_uri.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstring>

namespace gomo::sip {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_key(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) || c == '*' || c == '#' || (c >= 'A' && c <= 'D');
}

}  // namespace

std::string uri_host(const std::string& host) { return host.find(':') != std::string::npos ? "[" + host + "]" : host; }

std::string SipUri::text() const {
  return "sip:" + (user.empty() ? "" : user + "@") + uri_host(host) + ":" + std::to_string(port);
}

Result<SipUri> parse_sip_uri(std::string_view text, std::string_view flag, bool need_user) {
  const std::string form = need_user ? "sip:USER@HOST[:PORT], e.g. sip:alice@127.0.0.1:5070"
                                     : "sip:HOST[:PORT], e.g. sip:proxy.example.com:5060";
  auto bad = [&](const std::string& what) {
    return Status::invalid_argument(std::string(flag) + " " + std::string(text) + ": " + what + "; expected " + form);
  };
  if (lower(text.substr(0, 4)) != "sip:") {
    std::string scheme = text.find(':') == std::string_view::npos
                             ? "no scheme"
                             : "the scheme " + std::string(text.substr(0, text.find(':'))) + ":";
    return bad(scheme + " is not supported (only sip:, over UDP)");
  }
  std::string_view rest = text.substr(4);
  if (rest.find_first_of(";?") != std::string_view::npos) return bad("URI parameters and headers are not supported");
  SipUri uri;
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    uri.user = std::string(rest.substr(0, at));
    rest = rest.substr(at + 1);
  }
  if (need_user && uri.user.empty()) return bad("the user part (USER@) is missing");
  std::string_view port;
  if (!rest.empty() && rest.front() == '[') {
    auto close = rest.find(']');
    if (close == std::string_view::npos) return bad("the IPv6 address has no closing ]");
    uri.host = std::string(rest.substr(1, close - 1));
    rest = rest.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return bad("unexpected text after the IPv6 address");
    if (!rest.empty()) port = rest.substr(1);
  } else {
    auto colon = rest.find(':');
    uri.host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos) port = rest.substr(colon + 1);
  }
  if (uri.host.empty()) return bad("the host is missing");
  if (rest.find(':') != std::string_view::npos || !port.empty()) {
    unsigned value = 0;
    for (char c : port) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || value > 65535) return bad("the port is not a number 1-65535");
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (port.empty() || value == 0 || value > 65535) return bad("the port is not a number 1-65535");
    uri.port = static_cast<uint16_t>(value);
  }
  return uri;
}

Result<std::string> resolve_host(const std::string& host) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  addrinfo* found = nullptr;
  if (int err = getaddrinfo(host.c_str(), nullptr, &hints, &found); err != 0)
    return Status::invalid_argument("cannot resolve the SIP host " + host + ": " + gai_strerror(err));
  std::string best;
  for (addrinfo* a = found; a; a = a->ai_next) {
    char buf[INET6_ADDRSTRLEN] = {};
    const void* addr = a->ai_family == AF_INET
                           ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr)
                           : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr);
    if (!inet_ntop(a->ai_family, addr, buf, sizeof buf)) continue;
    if (best.empty() || a->ai_family == AF_INET) best = buf;
    if (a->ai_family == AF_INET) break;
  }
  freeaddrinfo(found);
  if (best.empty()) return Status::invalid_argument("the SIP host " + host + " has no IP address");
  return best;
}

Result<std::string> local_address_for(const std::string& ip, uint16_t port) {
  sockaddr_storage peer{};
  socklen_t peer_len = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&peer);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&peer);
  if (inet_pton(AF_INET, ip.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    peer_len = sizeof *v4;
  } else if (inet_pton(AF_INET6, ip.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    peer_len = sizeof *v6;
  } else {
    return Status::invalid_argument(ip + " is not an IP address");
  }
  int fd = socket(peer.ss_family, SOCK_DGRAM, 0);
  if (fd < 0) return Status::io_error(std::string("cannot open a UDP socket: ") + std::strerror(errno));
  sockaddr_storage local{};
  socklen_t local_len = sizeof local;
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&peer), peer_len) == 0 &&
            getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) == 0;
  int saved = errno;
  close(fd);
  if (!ok) return Status::io_error("no route to " + ip + ": " + std::strerror(saved));
  char buf[INET6_ADDRSTRLEN] = {};
  const void* addr = local.ss_family == AF_INET
                         ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(&local)->sin_addr)
                         : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(&local)->sin6_addr);
  inet_ntop(local.ss_family, addr, buf, sizeof buf);
  return std::string(buf);
}

char dtmf_from_info(std::string_view content_type, std::string_view body) {
  std::string type = lower(trim(content_type.substr(0, content_type.find(';'))));
  if (type == "application/dtmf") {
    std::string_view key = trim(body);
    return key.size() == 1 && is_key(static_cast<char>(std::toupper(static_cast<unsigned char>(key[0]))))
               ? static_cast<char>(std::toupper(static_cast<unsigned char>(key[0])))
               : '\0';
  }
  if (type != "application/dtmf-relay") return '\0';
  // Lines "Name=value"; the key is Signal's value (names without case, as SIP INFO senders differ).
  while (!body.empty()) {
    auto eol = body.find('\n');
    std::string_view line = trim(body.substr(0, eol));
    body = eol == std::string_view::npos ? std::string_view() : body.substr(eol + 1);
    auto eq = line.find('=');
    if (eq == std::string_view::npos || lower(trim(line.substr(0, eq))) != "signal") continue;
    std::string_view value = trim(line.substr(eq + 1));
    if (value == "10") return '*';  // some phones send the RFC 4733 event code
    if (value == "11") return '#';
    if (value.size() != 1) return '\0';
    char key = static_cast<char>(std::toupper(static_cast<unsigned char>(value[0])));
    return is_key(key) ? key : '\0';
  }
  return '\0';
}

}  // namespace gomo::sip

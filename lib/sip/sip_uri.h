#pragma once
// SIP addresses as gomo's flags take them (`--softphone sip:USER@HOST[:PORT]`, `--sip-proxy
// sip:HOST[:PORT]`), and the two network facts a call needs before libre runs: the peer's IP (libre
// here has no DNS client, so names are resolved with getaddrinfo) and the local address the OS would
// use to reach it.
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace gomo::sip {

struct SipUri {
  std::string user;  // "" when the URI has none (a proxy)
  std::string host;  // a name, an IPv4 literal, or an IPv6 literal without brackets
  uint16_t port = 5060;
  // "sip:user@host:port" (IPv6 hosts in brackets).
  std::string text() const;
};

// `host` as a URI writes it: IPv6 literals in brackets.
std::string uri_host(const std::string& host);

// Parses "sip:[USER@]HOST[:PORT]" (no parameters or headers). `flag` names the option in errors,
// which say what is wrong and show the expected form. `need_user`: refuse a URI without USER@.
Result<SipUri> parse_sip_uri(std::string_view text, std::string_view flag, bool need_user);

// The numeric address of `host` (an IP literal is returned as is); IPv4 preferred. Errors name the host.
Result<std::string> resolve_host(const std::string& host);

// The local IP the OS routes to `ip`:`port` from (a connected UDP socket's name; nothing is sent).
Result<std::string> local_address_for(const std::string& ip, uint16_t port);

// The key of a SIP INFO DTMF body: `application/dtmf-relay` ("Signal=5\r\nDuration=160") or
// `application/dtmf` ("5"). '\0' when the body holds no key. `content_type` is compared without case.
char dtmf_from_info(std::string_view content_type, std::string_view body);

}  // namespace gomo::sip

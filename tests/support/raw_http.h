#pragma once
// HTTP/1.1 over a raw loopback socket, for requests no client library would send: bytes that are not
// UTF-8 in the request line, unknown methods, bodies without framing, oversized lines.
#include <string>

namespace gomo::test {

// One answer read off a raw socket.
struct RawAnswer {
  int status = 0;       // 0: no status line came back (connection closed or timed out)
  std::string headers;  // the header block after the status line, as sent
  std::string body;
  // The value of header `name` (case-insensitive), or "".
  std::string header(const std::string& name) const;
};

// Sends `request` byte for byte (no escaping, no framing of its own) to 127.0.0.1:`port` and reads
// one answer: Content-Length bytes of body (none when `head` is true, for HEAD), or up to the close.
// Gives up after `timeout_ms` in all.
RawAnswer raw_http(int port, const std::string& request, bool head = false, int timeout_ms = 10000);

}  // namespace gomo::test

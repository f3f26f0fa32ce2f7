#pragma once
// `gomo serve`: the Router on a socket (cpp-httplib behind a pimpl), with fault injection for
// testing clients: random 503s, a real rate limit (429 + Retry-After), added latency and
// connections closed before the answer is complete.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "api/tenants.h"
#include "base/status.h"

namespace gomo::serve {

struct FaultOptions {
  double fail_rate = 0;    // probability (0..1) that a request is answered 503 without being handled
  double rate_limit = 0;   // requests per second over all clients; beyond it 429 + Retry-After; 0: off
  int latency_ms = 0;      // added before every request
  double drop_rate = 0;    // probability (0..1) that the connection closes before a complete answer;
                           // half of these happen after the request was applied, half before
  std::uint64_t seed = 0;  // of the fault dice; 0: random
};

// What happened to one request, for logs and tests. Never carries the API key.
struct RequestRecord {
  std::string method, path, body;
  int status = 0;        // the router's status (headers sent, the body maybe cut); 0: dropped before handling
  bool applied = false;  // the router handled it (it may have changed the workspace)
  bool dropped = false;  // the connection was closed before a complete answer
  double millis = 0;     // handling time
};

// One log line for `gomo serve -v`: "GET /api/contact 200 3ms", with bytes outside printable ASCII
// as \xHH (a request cannot write control characters to the terminal), "-" for a method or path
// the request did not get as far as, the path cut at 200 bytes. Never the key, the query or the body.
// A dropped connection says when it was dropped: "POST /api/contact - 0ms (dropped) before handling:
// nothing applied" (no status: the router never answered), or "POST /api/contact 201 4ms (dropped)
// after handling: applied, the answer was lost".
std::string log_line(const RequestRecord& record);

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port)
  FaultOptions faults;
  bool answer_cache = true;  // false: every read goes to the workspace (Router, answer_cache.h)
  // Called after every request, from server threads (must be thread-safe).
  std::function<void(const RequestRecord&)> on_request;
};

class Server {
 public:
  // `tenants` must outlive the server.
  Server(api::Tenants& tenants, ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the socket; after success port() is the bound port.
  Status bind();
  int port() const;
  // Serves until stop() (from any thread). REQUIRES: bind() succeeded.
  Status run();
  // True once run() accepts connections. Poll it before stop() when run() is on another thread.
  bool running() const;
  void stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// True for 127.0.0.0/8, ::1 and localhost: the hosts `gomo serve` binds without --allow-remote.
bool is_loopback_host(const std::string& host);

}  // namespace gomo::serve

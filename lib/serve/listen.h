#pragma once
// What `gomo serve` does around the Server: reading its --listen and --rate-limit values, and
// serving until SIGINT or SIGTERM.
#include <functional>
#include <string>

#include "api/tenants.h"
#include "base/status.h"
#include "serve/server.h"

namespace gomo::serve {

// "127.0.0.1:8080", "[::1]:8080", "localhost:0" -> host (without brackets) and port (0..65535).
// False, leaving `host` and `port` unspecified, for anything else.
bool parse_listen_address(const std::string& listen, std::string& host, int& port);

// "20", "20/s", "600/min" (or "/m") -> requests per second (> 0). An empty text is true and leaves
// `per_second` as it was (no limit).
bool parse_rate(const std::string& text, double& per_second);

// Sets options.host, .port and .faults.rate_limit from the flags' texts. kInvalidArgument, with the
// message gomo serve prints, for a malformed address or rate, or a host that is not loopback
// (is_loopback_host) unless `allow_remote`.
Status configure_listen(const std::string& listen, const std::string& rate_limit, bool allow_remote,
                        ServeOptions& options);

// Binds a Server for `tenants`, calls `on_listening` with the bound port, and serves until the
// process gets SIGINT or SIGTERM (which are blocked in the calling thread first, so they reach a
// waiting thread, never a handler inside the HTTP library). The Status of binding or serving
// (kIoError: cannot listen). REQUIRES: no other thread of the process expects those signals.
Status serve_until_signal(api::Tenants& tenants, const ServeOptions& options,
                          const std::function<void(int port)>& on_listening);

}  // namespace gomo::serve

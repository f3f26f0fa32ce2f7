#include "serve/server.h"

#include <arpa/inet.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <random>
#include <thread>

#include "api/platform.h"
#include "serve/router.h"

namespace gomo::serve {
namespace {

using Clock = std::chrono::steady_clock;

// Server-side token bucket: unlike the client's, it refuses instead of queueing.
class RateGate {
 public:
  explicit RateGate(double rate) : rate_(rate), tokens_(std::max(1.0, rate)), last_(Clock::now()) {}
  // 0 when the request may pass; otherwise the seconds until a token is free.
  double try_take() {
    if (rate_ <= 0) return 0;
    std::lock_guard<std::mutex> lock(mutex_);
    auto now = Clock::now();
    tokens_ = std::min(std::max(1.0, rate_), tokens_ + std::chrono::duration<double>(now - last_).count() * rate_);
    last_ = now;
    if (tokens_ >= 1) {
      tokens_ -= 1;
      return 0;
    }
    return (1 - tokens_) / rate_;
  }
  double rate() const { return rate_; }

 private:
  double rate_, tokens_;
  Clock::time_point last_;
  std::mutex mutex_;
};

api::ApiError fault(int status, const char* code, const char* message) {
  api::ApiError e;
  e.http_status = status;
  e.code = code;
  e.message = message;
  return e;
}

}  // namespace

bool is_loopback_host(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr addr{};  // numeric 127.0.0.0/8 only: a name may resolve anywhere
  return inet_pton(AF_INET, host.c_str(), &addr) == 1 && (ntohl(addr.s_addr) >> 24) == 127;
}

struct Server::Impl {
  store::Workspace& workspace;
  ServeOptions options;
  Router router;
  httplib::Server http;
  RateGate gate;
  std::mutex dice_mutex;
  std::mt19937_64 dice;
  int port = 0;

  Impl(store::Workspace& ws, ServeOptions o)
      : workspace(ws),
        options(std::move(o)),
        router(ws),
        gate(options.faults.rate_limit),
        dice(options.faults.seed ? options.faults.seed : std::random_device{}()) {}

  double roll() {
    std::lock_guard<std::mutex> lock(dice_mutex);
    return std::uniform_real_distribution<double>(0, 1)(dice);
  }

  void serve(const httplib::Request& req, httplib::Response& res) {
    auto started = Clock::now();
    RequestRecord record{req.method, req.path, req.body, 0, false, false, 0};
    const FaultOptions& f = options.faults;
    Response out;
    if (f.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(f.latency_ms));
    bool drop = f.drop_rate > 0 && roll() < f.drop_rate;
    bool drop_before = drop && roll() < 0.5;
    if (double wait = gate.try_take(); wait > 0) {
      out = error_response(fault(429, "TOO_MANY_REQUESTS", "Rate limit exceeded"), req.path);
      res.set_header("Retry-After", std::to_string(std::max(1, static_cast<int>(std::ceil(wait)))));
      res.set_header("X-RateLimit-Limit", std::to_string(static_cast<int>(std::ceil(gate.rate()))));
      res.set_header("X-RateLimit-Remaining", "0");
      drop = false;
    } else if (f.fail_rate > 0 && roll() < f.fail_rate) {
      out = error_response(fault(503, "SERVICE_UNAVAILABLE", "Injected failure (gomo serve --fail-rate)"), req.path);
      drop = false;
    } else if (!drop_before) {
      Request r{req.method, req.path, {}, "", req.body};
      for (const auto& [k, v] : req.params) r.query[k] = v;
      r.api_key = req.get_header_value("x-api-key");
      std::string auth = req.get_header_value("Authorization");
      if (r.api_key.empty() && auth.rfind("Bearer ", 0) == 0) r.api_key = auth.substr(7);
      out = router.handle(r);
      record.applied = true;
    }
    record.status = out.status;
    record.dropped = drop;
    if (drop) {
      // Headers go out, then the body provider fails: the client sees a truncated answer.
      res.status = out.status ? out.status : 200;
      res.set_content_provider(std::max<size_t>(out.body.size(), 1), "application/json",
                               [](size_t, size_t, httplib::DataSink&) { return false; });
    } else {
      res.status = out.status;
      if (!out.body.empty()) res.set_content(out.body, "application/json; charset=utf-8");
    }
    record.millis = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    if (options.on_request) options.on_request(record);
  }
};

Server::Server(store::Workspace& workspace, ServeOptions options)
    : impl_(std::make_unique<Impl>(workspace, std::move(options))) {
  auto handler = [this](const httplib::Request& req, httplib::Response& res) { impl_->serve(req, res); };
  auto& http = impl_->http;
  http.Get(".*", handler);
  http.Post(".*", handler);
  http.Put(".*", handler);
  http.Patch(".*", handler);
  http.Delete(".*", handler);
  http.set_keep_alive_max_count(100000);
  // Idle keep-alive connections hold a worker until this passes, and stop() waits for them.
  http.set_keep_alive_timeout(2);
  // Headers and body go out in separate writes: without this, Nagle + delayed ACK add 40 ms.
  http.set_tcp_nodelay(true);
  // httplib's default sets SO_REUSEPORT, which lets a second `gomo serve` share the port (and split
  // the requests between two workspaces). SO_REUSEADDR alone still allows a quick restart.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_payload_max_length(32 << 20);  // a 1000-contact upsert is well under 1 MiB
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unexpected error";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    Response out = error_response(fault(500, "INTERNAL_ERROR", what.c_str()), req.path);
    res.status = out.status;
    res.set_content(out.body, "application/json; charset=utf-8");
  });
}

Server::~Server() { stop(); }

Status Server::bind() {
  auto& o = impl_->options;
  if (o.port == 0) {
    int port = impl_->http.bind_to_any_port(o.host);
    if (port <= 0) return Status::io_error("cannot listen on " + o.host + ": no free port");
    impl_->port = port;
  } else {
    if (!impl_->http.bind_to_port(o.host, o.port)) {
      return Status::io_error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                              " (in use, or not an address of this machine)");
    }
    impl_->port = o.port;
  }
  return Status::ok();
}

int Server::port() const { return impl_->port; }

Status Server::run() {
  if (!impl_->http.listen_after_bind()) return Status::io_error("the server stopped with a socket error");
  return Status::ok();
}

bool Server::running() const { return impl_->http.is_running(); }

void Server::stop() {
  if (impl_->http.is_running()) impl_->http.stop();
}

}  // namespace gomo::serve

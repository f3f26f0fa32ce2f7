#include "serve/server.h"

#include <arpa/inet.h>
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <random>
#include <thread>

#include "api/platform.h"
#include "base/utf8.h"
#include "ext/load.h"
#include "ext/module.h"
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

std::string log_line(const RequestRecord& r) {
  const bool dropped_before = r.dropped && !r.applied;
  std::string line = (r.method.empty() ? std::string("-") : escape_bytes(r.method, 16)) + " " +
                     (r.path.empty() ? std::string("-") : escape_bytes(r.path, 200)) + " " +
                     (dropped_before ? std::string("-") : std::to_string(r.status)) + " " +
                     std::to_string(static_cast<int>(r.millis)) + "ms";
  if (dropped_before) line += " (dropped) before handling: nothing applied";
  else if (r.dropped) line += " (dropped) after handling: applied, the answer was lost";
  return line;
}

bool is_loopback_host(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr addr{};  // numeric 127.0.0.0/8 only: a name may resolve anywhere
  return inet_pton(AF_INET, host.c_str(), &addr) == 1 && (ntohl(addr.s_addr) >> 24) == 127;
}

struct Server::Impl {
  ServeOptions options;
  Router router;
  std::unique_ptr<ext::HttpServer> http;  // cpp-httplib, in the extension module
  std::string load_error;                 // why `http` is null
  RateGate gate;
  std::mutex dice_mutex;
  std::mt19937_64 dice;
  int port = 0;

  Impl(api::Tenants& tenants, ServeOptions o)
      : options(std::move(o)),
        router(tenants, options.answer_cache),
        gate(options.faults.rate_limit),
        dice(options.faults.seed ? options.faults.seed : std::random_device{}()) {}

  double roll() {
    std::lock_guard<std::mutex> lock(dice_mutex);
    return std::uniform_real_distribution<double>(0, 1)(dice);
  }

  ext::ServerReply serve(const ext::ServerRequest& req) {
    auto started = Clock::now();
    RequestRecord record{req.method, req.path, req.body, 0, false, false, 0};
    const FaultOptions& f = options.faults;
    ext::ServerReply reply;
    Response out;
    if (req.refused_status) {  // refused by the transport: worded and logged, no faults injected
      out = refusal_response(req.refused_status, req.method, req.path);
      return finish(record, out, reply, false, started);
    }
    if (f.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(f.latency_ms));
    bool drop = f.drop_rate > 0 && roll() < f.drop_rate;
    bool drop_before = drop && roll() < 0.5;
    if (double wait = gate.try_take(); wait > 0) {
      out = error_response(fault(429, "TOO_MANY_REQUESTS", "Rate limit exceeded"), req.path);
      reply.headers.emplace_back("Retry-After", std::to_string(std::max(1, static_cast<int>(std::ceil(wait)))));
      reply.headers.emplace_back("X-RateLimit-Limit", std::to_string(static_cast<int>(std::ceil(gate.rate()))));
      reply.headers.emplace_back("X-RateLimit-Remaining", "0");
      drop = false;
    } else if (f.fail_rate > 0 && roll() < f.fail_rate) {
      out = error_response(fault(503, "SERVICE_UNAVAILABLE", "Injected failure (gomo serve --fail-rate)"), req.path);
      drop = false;
    } else if (!drop_before) {
      Request r{req.method, req.path, {}, "", req.body};
      r.multipart = req.multipart;
      r.form = req.form;
      for (const auto& [k, v] : req.query) r.query[k] = v;
      r.api_key = req.api_key;
      if (r.api_key.empty() && req.authorization.rfind("Bearer ", 0) == 0) r.api_key = req.authorization.substr(7);
      out = router.handle(r);  // does not throw
      record.applied = true;
    }
    return finish(record, out, reply, drop, started);
  }

  ext::ServerReply finish(RequestRecord& record, Response& out, ext::ServerReply& reply, bool drop,
                          Clock::time_point started) {
    // Dropped before handling, `out` is no answer of the router's: no status to record.
    record.status = drop && !record.applied ? 0 : out.status;
    record.dropped = drop;
    // A dropped answer sends its headers, then the connection closes before the body is complete.
    reply.status = drop && !out.status ? 200 : out.status;
    reply.body = std::move(out.body);
    for (auto& h : out.headers) reply.headers.push_back(std::move(h));
    reply.drop = drop;
    record.millis = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    if (options.on_request) options.on_request(record);
    return reply;
  }
};

namespace {

// The last guard before the module's threads: an exception must not unwind into the module (it has
// its own C++ runtime, and an exception crossing it aborts the process).
ext::ServerReply serve_noexcept(Server::Impl& impl, const ext::ServerRequest& req) noexcept {
  try {
    return impl.serve(req);
  } catch (...) {
    ext::ServerReply reply;
    reply.status = 500;
    reply.body = R"({"code":"INTERNAL_ERROR","message":"unexpected error","fieldErrors":{},"statusCode":500})";
    return reply;
  }
}

}  // namespace

Server::Server(api::Tenants& tenants, ServeOptions options)
    : impl_(std::make_unique<Impl>(tenants, std::move(options))) {
  auto module = ext::module();
  if (!module) {
    impl_->load_error = module.error().message();
    return;
  }
  impl_->http =
      (*module)->new_http_server([this](const ext::ServerRequest& req) { return serve_noexcept(*impl_, req); });
}

Server::~Server() { stop(); }

Status Server::bind() {
  if (!impl_->http) return Status::internal(impl_->load_error);
  auto& o = impl_->options;
  int port = impl_->http->bind(o.host, o.port);
  if (port <= 0) {
    if (o.port == 0) return Status::io_error("cannot listen on " + o.host + ": no free port");
    return Status::io_error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                            " (in use, or not an address of this machine)");
  }
  impl_->port = port;
  return Status::ok();
}

int Server::port() const { return impl_->port; }

namespace {

// Freed memory stays in the process for the next request. Each upsert request and answer is a few
// hundred KB, above glibc's mmap threshold, and the heap's top is handed back past 128 KB: each
// request then faulted its buffers' pages in afresh (a tenth of the server's CPU). Peak memory is
// what the largest requests in flight need, as before; it is just not returned between requests.
void keep_freed_memory() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

}  // namespace

Status Server::run() {
  if (!impl_->http) return Status::internal(impl_->load_error);
  keep_freed_memory();
  if (!impl_->http->listen()) return Status::io_error("the server stopped with a socket error");
  return Status::ok();
}

bool Server::running() const { return impl_->http && impl_->http->running(); }

void Server::stop() {
  if (impl_->http) impl_->http->stop();
}

}  // namespace gomo::serve

// The module's HTTP server transport: cpp-httplib, every method and path to one handler (module_abi.h).
#include <httplib.h>

#include <strings.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <iterator>
#include <list>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "ext/module_parts.h"

namespace gomo::ext::inside {
namespace {

gomo_ext_str str(const std::string& s) { return {s.data(), s.size()}; }

// A request as the module holds it while the handler runs; view() lends it out as C structs.
struct Request {
  std::string method, path, api_key, authorization, body;
  std::vector<std::pair<std::string, std::string>> query;
  bool multipart = false;
  struct Part {
    std::string name, value, file_name, content_type;
  };
  std::vector<Part> form;
  int refused_status = 0;
};

// The limits of module.h, restated here (the module does not include the binary's C++ header). README.md
// ("Limits") lists them with kMaxConnectionThreads and the keep-alive timeout below.
constexpr std::size_t kServerMaxBodyBytes = 32 << 20;

// Every connection gets a thread of its own (cpp-httplib serves a connection on one task from accept
// to close, keep-alive waits included). httplib's ThreadPool has a fixed size (8 here): eight clients
// that kept their connections alive with one request a second held every worker, and a new client
// waited in the queue for as long as they kept talking. Threads are made on demand up to
// kMaxConnectionThreads (connections beyond it wait in the queue, as before); threads beyond
// kSpareThreads end after kIdleThreadSeconds without a connection.
class ConnectionThreads : public httplib::TaskQueue {
 public:
  static constexpr std::size_t kMaxConnectionThreads = 512;
  static constexpr std::size_t kSpareThreads = 8;
  static constexpr int kIdleThreadSeconds = 30;

  ConnectionThreads() = default;
  ConnectionThreads(const ConnectionThreads&) = delete;
  ConnectionThreads& operator=(const ConnectionThreads&) = delete;
  ~ConnectionThreads() override { shutdown(); }

  void enqueue(std::function<void()> fn) override {
    std::vector<std::thread> ended;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(fn));
      if (idle_ < jobs_.size() && threads_.size() < kMaxConnectionThreads) start_thread();
      ended.swap(ended_);
    }
    work_.notify_one();
    for (auto& t : ended) t.join();
  }

  // Runs the queued connections to their end, then joins every thread.
  void shutdown() override {
    std::unique_lock<std::mutex> lock(mutex_);
    shutdown_ = true;
    work_.notify_all();
    for (;;) {
      std::vector<std::thread> ended;
      ended.swap(ended_);
      bool all = threads_.empty();
      lock.unlock();
      for (auto& t : ended) t.join();
      lock.lock();
      if (all && ended_.empty()) return;
      exited_.wait(lock, [&] { return !ended_.empty() || threads_.empty(); });
    }
  }

 private:
  using Threads = std::list<std::thread>;

  // REQUIRES: mutex_ held. The new thread reads `self` only under mutex_, after this returns.
  void start_thread() {
    threads_.emplace_back();
    auto self = std::prev(threads_.end());
    try {
      *self = std::thread([this, self] { work(self); });
    } catch (const std::system_error&) {
      threads_.erase(self);  // no thread to spare: the job waits for a busy one
    }
  }

  void work(Threads::iterator self) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      ++idle_;
      bool woken =
          work_.wait_for(lock, std::chrono::seconds(kIdleThreadSeconds), [&] { return !jobs_.empty() || shutdown_; });
      --idle_;
      if (!jobs_.empty()) {
        auto fn = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        fn();
        lock.lock();
        continue;
      }
      if (shutdown_ || (!woken && threads_.size() > kSpareThreads)) break;
    }
    // Joined by the next enqueue() or by shutdown(): a thread cannot join itself.
    ended_.push_back(std::move(*self));
    threads_.erase(self);
    exited_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable work_, exited_;
  std::deque<std::function<void()>> jobs_;
  Threads threads_;
  std::vector<std::thread> ended_;
  std::size_t idle_ = 0;
  bool shutdown_ = false;
};

// httplib 0.11 listens with a backlog of 5: a burst of new connections (64 clients starting at once)
// overflowed it, and each connection past it waited for the client's SYN retry, a second or three.
// Linux lets listen() be called again on the listening socket to change the backlog.
class ListeningServer : public httplib::Server {
 public:
  static constexpr int kBacklog = 1024;  // the kernel caps it at net.core.somaxconn
  void widen_backlog() { (void)::listen(svr_sock_, kBacklog); }
};

class HttplibServer {
 public:
  HttplibServer(gomo_ext_handler_fn handler, void* user) : handler_(handler), user_(user) {
    auto serve = [this](const httplib::Request& req, httplib::Response& res) { answer(req, res); };
    http_.Get(".*", serve);
    // Bodies are read here, under gomo's own cap: httplib 0.11 enforces its payload limit only on a
    // Content-Length, not on a chunked body nor on what a gzip body inflates to.
    auto read = httplib::Server::HandlerWithContentReader(
        [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
          read_and_answer(req, res, reader);
        });
    http_.Post(".*", read);
    http_.Put(".*", read);
    http_.Patch(".*", read);
    http_.Delete(".*", read);
    http_.new_task_queue = [] { return new ConnectionThreads; };
    http_.set_keep_alive_max_count(100000);
    // An idle keep-alive connection holds its thread until this passes, and stop() waits for them
    // (README.md, "Limits").
    http_.set_keep_alive_timeout(2);
    // Headers and body go out in separate writes: without this, Nagle + delayed ACK add 40 ms.
    http_.set_tcp_nodelay(true);
    // httplib's default sets SO_REUSEPORT, which lets a second `gomo serve` share the port (and split
    // the requests between two workspaces). SO_REUSEADDR alone still allows a quick restart.
    http_.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    http_.set_payload_max_length(kServerMaxBodyBytes);  // a 1000-contact upsert is well under 1 MiB
    // Before the body is read: the methods without a route of their own (HEAD, OPTIONS, TRACE, ...)
    // go to the handler, which words the answer, instead of httplib's empty 400 or 404. So do requests
    // that declare no body (RFC 9112 §6.3: no Content-Length and no Transfer-Encoding means an empty
    // body), which httplib 0.11 would otherwise read until the client closes the connection.
    http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      // The answers are JSON documents: Range is ignored (RFC 9110 §14.2 allows it). httplib would
      // cut the JSON to the range and still say 200. (`req` is httplib's own non-const object.)
      const_cast<httplib::Request&>(req).ranges.clear();
      const std::string& m = req.method;
      bool routed = m == "GET" || m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE";
      bool no_body = !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding");
      if (routed && (m == "GET" || !no_body)) return httplib::Server::HandlerResponse::Unhandled;
      answer(req, res);
      return httplib::Server::HandlerResponse::Handled;
    });
    // httplib's own refusals (not HTTP, 413, 414, ...) come with an empty body: the handler words them
    // in the error envelope. Answers the handler made already carry one, or are dropped on purpose.
    http_.set_error_handler(
        httplib::Server::HandlerWithResponse([this](const httplib::Request& req, httplib::Response& res) {
          if (!res.body.empty() || res.content_provider_) return httplib::Server::HandlerResponse::Unhandled;
          Request r;
          r.refused_status = res.status;
          r.method = req.method;
          r.path = req.path;
          handle(r, res);
          return httplib::Server::HandlerResponse::Handled;
        }));
    // The handler must not throw; should it, answer like the platform does rather than drop.
    http_.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      res.status = 500;
      res.set_content(R"({"code":"INTERNAL_ERROR","message":"unexpected error","fieldErrors":{},"statusCode":500})",
                      "application/json; charset=utf-8");
    });
  }
  ~HttplibServer() { stop(); }

  int bind(const std::string& host, int port) {
    int bound = port == 0 ? http_.bind_to_any_port(host) : (http_.bind_to_port(host, port) ? port : -1);
    if (bound <= 0) return -1;
    http_.widen_backlog();
    return bound;
  }
  bool listen() { return http_.listen_after_bind(); }
  bool running() const { return http_.is_running(); }
  void stop() {
    if (http_.is_running()) http_.stop();
  }

 private:
  static Request request_of(const httplib::Request& req) {
    Request r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.query.emplace_back(k, v);
    r.api_key = req.get_header_value("x-api-key");
    r.authorization = req.get_header_value("Authorization");
    return r;
  }

  void answer(const httplib::Request& req, httplib::Response& res) {
    Request r = request_of(req);
    r.body = req.body;
    if (req.is_multipart_form_data()) {
      r.multipart = true;
      for (const auto& [name, part] : req.files)
        r.form.push_back({name, part.content, part.filename, part.content_type});
    }
    handle(r, res);
  }

  // Reads the body (or the multipart parts) up to kServerMaxBodyBytes; past that the rest is read and
  // dropped, so the connection stays in step, and the answer is 413. Past kMaxDrainBytes reading stops.
  void read_and_answer(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    constexpr std::size_t kMaxDrainBytes = 8 * kServerMaxBodyBytes;
    Request r = request_of(req);
    std::size_t total = 0;
    auto keep = [&](std::string& into, const char* data, std::size_t n) {
      total += n;
      if (total > kServerMaxBodyBytes) return total <= kMaxDrainBytes;
      into.append(data, n);
      return true;
    };
    bool read;
    if (req.is_multipart_form_data()) {
      r.multipart = true;
      read = reader(
          [&](const httplib::MultipartFormData& part) {
            r.form.push_back({part.name, "", part.filename, part.content_type});
            return true;
          },
          [&](const char* data, std::size_t n) { return r.form.empty() || keep(r.form.back().value, data, n); });
    } else {
      read = reader([&](const char* data, std::size_t n) { return keep(r.body, data, n); });
    }
    if (total > kServerMaxBodyBytes || !read) {
      Request refused;
      // httplib says 413 itself for a Content-Length over its limit (same value); 400: bad framing or encoding.
      refused.refused_status = total > kServerMaxBodyBytes || res.status == 413 ? 413 : 400;
      refused.method = req.method;
      refused.path = req.path;
      handle(refused, res);
      return;
    }
    handle(r, res);
  }

  // Lends the request to the handler as C structs; the handler answers through respond().
  void handle(const Request& r, httplib::Response& res) {
    std::vector<gomo_ext_header> query;
    for (const auto& [name, value] : r.query) query.push_back({str(name), str(value)});
    std::vector<gomo_ext_form_part> form;
    for (const auto& p : r.form) form.push_back({str(p.name), str(p.value), str(p.file_name), str(p.content_type)});
    gomo_ext_server_request c{};
    c.method = str(r.method);
    c.path = str(r.path);
    c.query = query.data();
    c.query_count = query.size();
    c.api_key = str(r.api_key);
    c.authorization = str(r.authorization);
    c.body = str(r.body);
    c.multipart = r.multipart;
    c.form = form.data();
    c.form_count = form.size();
    c.refused_status = r.refused_status;
    res.status = 500;  // should the handler not answer
    handler_(user_, &c, &res, respond);
  }

  static void respond(void* reply_ctx, const gomo_ext_server_reply* out) {
    auto& res = *static_cast<httplib::Response*>(reply_ctx);
    // Answers are JSON unless the handler names another type (a file's bytes).
    std::string content_type = "application/json; charset=utf-8";
    for (size_t i = 0; i < out->header_count; ++i) {
      const gomo_ext_header& h = out->headers[i];
      std::string name(h.name.data, h.name.size), value(h.value.data, h.value.size);
      if (strcasecmp(name.c_str(), "Content-Type") == 0) {
        content_type = value;
      } else {
        res.set_header(name, value);
      }
    }
    res.status = out->status;
    if (out->drop) {
      // Headers go out, then the body provider fails: the client sees a truncated answer.
      res.set_content_provider(std::max<size_t>(out->body.size, 1), "application/json",
                               [](size_t, size_t, httplib::DataSink&) { return false; });
    } else if (out->body.size > 0) {
      res.set_content(std::string(out->body.data, out->body.size), content_type);
    }
  }

  gomo_ext_handler_fn handler_;
  void* user_;
  ListeningServer http_;
};

gomo_ext_http_server* server_new(gomo_ext_handler_fn handler, void* user) {
  try {
    return reinterpret_cast<gomo_ext_http_server*>(new HttplibServer(handler, user));
  } catch (const std::exception&) {
    return nullptr;  // no exception crosses the C boundary
  }
}
HttplibServer& server_of(gomo_ext_http_server* s) { return *reinterpret_cast<HttplibServer*>(s); }
void server_free(gomo_ext_http_server* s) { delete reinterpret_cast<HttplibServer*>(s); }
int server_bind(gomo_ext_http_server* s, const char* host, int port) { return server_of(s).bind(host, port); }
int server_listen(gomo_ext_http_server* s) { return server_of(s).listen(); }
int server_running(const gomo_ext_http_server* s) { return reinterpret_cast<const HttplibServer*>(s)->running(); }
void server_stop(gomo_ext_http_server* s) { server_of(s).stop(); }

}  // namespace

void add_http_server(gomo_ext_abi& abi) {
  abi.http_server_new = server_new;
  abi.http_server_free = server_free;
  abi.http_server_bind = server_bind;
  abi.http_server_listen = server_listen;
  abi.http_server_running = server_running;
  abi.http_server_stop = server_stop;
}

std::string httplib_library() { return std::string("cpp-httplib ") + CPPHTTPLIB_VERSION; }

}  // namespace gomo::ext::inside

#pragma once
// Loopback servers for API tests: `gomo serve` in this process (with a log of every request) or the
// real binary as a child process. Both listen on 127.0.0.1 and a free port only.
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "api/tenants.h"
#include "ext/module.h"
#include "remote/http_client.h"
#include "serve/router.h"
#include "serve/server.h"

namespace gomo::test {

class LocalServer {
 public:
  // Starts serving `tenants` (which must outlive this) before returning.
  explicit LocalServer(api::Tenants& tenants, serve::FaultOptions faults = {});
  ~LocalServer();
  std::string base_url() const;  // http://127.0.0.1:PORT/api
  std::vector<serve::RequestRecord> records();

 private:
  std::mutex mutex_;
  std::vector<serve::RequestRecord> records_;
  std::unique_ptr<serve::Server> server_;
  std::thread thread_;
};

class ServeProcess {
 public:
  // Runs `gomo serve --listen 127.0.0.1:0 ARGS...` and waits (up to 10 s) for its "listening" line.
  explicit ServeProcess(const std::vector<std::string>& args);
  // SIGTERM, then SIGKILL after 5 s.
  ~ServeProcess();
  bool started() const { return port_ > 0; }
  int port() const { return port_; }
  std::string base_url() const;
  // Stops the server (SIGTERM) and returns its exit code; its stderr so far in `err`.
  int stop(std::string* err = nullptr);
  // Kills the server as `kill -9` does (no cleanup of any kind) and waits for it to end.
  void kill_hard();

 private:
  int pid_ = -1, port_ = 0, err_fd_ = -1, exit_code_ = -1;
  std::string err_;
};

// A loopback server whose answers the test scripts, for faults in an exact order (the dice of
// `gomo serve --drop-connections` cannot promise "the create is applied, then its answer is lost").
// `script` gets each request with its number (1-based, over all requests) and returns the reply;
// it runs on server threads, one request at a time. route() answers as `gomo serve` would.
class ScriptedServer {
 public:
  using Script = std::function<ext::ServerReply(const ext::ServerRequest& request, int n)>;
  explicit ScriptedServer(Script script);
  ~ScriptedServer();
  std::string base_url() const;  // http://127.0.0.1:PORT/api
  // "POST /api/contact" per request so far, in order.
  std::vector<std::string> requests();
  // The real router's answer to `request` (workspace: the organisation of the request's key).
  static ext::ServerReply route(serve::Router& router, const ext::ServerRequest& request);

 private:
  std::mutex mutex_;
  Script script_;
  std::vector<std::string> requests_;
  std::unique_ptr<ext::HttpServer> server_;
  std::thread thread_;
  int port_ = -1;
};

// `openssl s_server` on 127.0.0.1 with a self-signed certificate made for the test (CN localhost),
// answering any HTTPS request with a 200 page (-www). started() is false when openssl is missing.
class TlsServerProcess {
 public:
  TlsServerProcess();
  ~TlsServerProcess();  // SIGTERM, then SIGKILL
  bool started() const { return port_ > 0; }
  std::string base_url() const;  // https://127.0.0.1:PORT/api
  const std::string& log() const { return log_; }

 private:
  int pid_ = -1, port_ = 0, out_fd_ = -1;
  std::string log_;
};

// Client options for tests: no client-side rate limit, short backoffs, bounded attempts.
remote::ClientOptions test_client_options(const std::string& base_url, const std::string& api_key);

}  // namespace gomo::test

#pragma once
// Loopback servers for API tests: `gomo serve` in this process (with a log of every request) or the
// real binary as a child process. Both listen on 127.0.0.1 and a free port only.
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "api/http_client.h"
#include "serve/server.h"
#include "store/workspace.h"

namespace gomo::test {

class LocalServer {
 public:
  // Starts serving `workspace` (which must outlive this) before returning.
  explicit LocalServer(store::Workspace& workspace, serve::FaultOptions faults = {});
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

 private:
  int pid_ = -1, port_ = 0, err_fd_ = -1, exit_code_ = -1;
  std::string err_;
};

// Client options for tests: no client-side rate limit, short backoffs, bounded attempts.
api::ClientOptions test_client_options(const std::string& base_url, const std::string& api_key);

}  // namespace gomo::test

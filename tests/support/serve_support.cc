#include "tests/support/serve_support.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <stdexcept>

#include "ext/load.h"
#include "tests/support/child_process.h"
#include "tests/support/test_support.h"

namespace gomo::test {

namespace {

// Reads `fd` into `log` (for at most 10 s) until it holds `marker`, digits, then `after`: returns those
// digits as the port a child process listens on, or 0. (std::regex trips g++ 12's -Wmaybe-uninitialized
// under the sanitizers: the port is found by hand.)
int read_port(int fd, std::string& log, const std::string& marker, const std::string& after) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    log.append(buf, static_cast<size_t>(n));
    if (auto at = log.find(marker); at != std::string::npos) {
      size_t digits = at + marker.size(), end = digits;
      while (end < log.size() && std::isdigit(static_cast<unsigned char>(log[end]))) ++end;
      if (end > digits && log.compare(end, after.size(), after) == 0)
        return std::stoi(log.substr(digits, end - digits));
    }
  }
  return 0;
}

}  // namespace

LocalServer::LocalServer(api::Tenants& tenants, serve::FaultOptions faults) {
  serve::ServeOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.faults = faults;
  options.on_request = [this](const serve::RequestRecord& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    records_.push_back(r);
  };
  server_ = std::make_unique<serve::Server>(tenants, options);
  if (!server_->bind()) throw std::runtime_error("LocalServer: cannot bind 127.0.0.1");
  thread_ = std::thread([this] { (void)server_->run(); });
  for (int i = 0; i < 500 && !server_->running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

LocalServer::~LocalServer() {
  server_->stop();
  thread_.join();
}

std::string LocalServer::base_url() const { return "http://127.0.0.1:" + std::to_string(server_->port()) + "/api"; }

std::vector<serve::RequestRecord> LocalServer::records() {
  std::lock_guard<std::mutex> lock(mutex_);
  return records_;
}

ServeProcess::ServeProcess(const std::vector<std::string>& args) {
  // Close-on-exec: the child gets the write end as its stderr only (dup2 clears the flag there).
  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC)) throw std::runtime_error("pipe failed");
  std::vector<std::string> all = {"serve", "--listen", "127.0.0.1:0"};
  all.insert(all.end(), args.begin(), args.end());
  ChildFiles files;  // stdin and stdout stay this process's; stderr to the pipe, for the port
  files.in = files.out = ChildStream::inherit();
  files.err = ChildStream::descriptor(err_pipe[1]);
  pid_ = spawn_gomo(all, {}, files);
  close(err_pipe[1]);
  err_fd_ = err_pipe[0];
  // The port follows "listening on http://127.0.0.1:" and is followed by "/api".
  port_ = read_port(err_fd_, err_, "listening on http://127.0.0.1:", "/api");
}

ServeProcess::~ServeProcess() { stop(); }

std::string ServeProcess::base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/api"; }

int ServeProcess::stop(std::string* err) {
  if (pid_ > 0) {
    exit_code_ = stop_child(pid_, 5);
    pid_ = -1;
    char buf[4096];
    ssize_t n;
    while ((n = read(err_fd_, buf, sizeof buf)) > 0) err_.append(buf, static_cast<size_t>(n));
    close(err_fd_);
  }
  if (err) *err = err_;
  return exit_code_;
}

void ServeProcess::kill_hard() {
  if (pid_ > 0) kill(pid_, SIGKILL);
  (void)stop();  // reaps it (SIGTERM to a dead process is harmless) and reads its stderr
}

ScriptedServer::ScriptedServer(Script script) : script_(std::move(script)) {
  auto module = ext::module();
  if (!module) throw std::runtime_error("ScriptedServer: " + module.error().message());
  server_ = (*module)->new_http_server([this](const ext::ServerRequest& request) {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(request.method + " " + request.path);
    return script_(request, static_cast<int>(requests_.size()));
  });
  port_ = server_->bind("127.0.0.1", 0);
  if (port_ <= 0) throw std::runtime_error("ScriptedServer: cannot bind 127.0.0.1");
  thread_ = std::thread([this] { (void)server_->listen(); });
  for (int i = 0; i < 500 && !server_->running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

ScriptedServer::~ScriptedServer() {
  server_->stop();
  thread_.join();
}

std::string ScriptedServer::base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/api"; }

std::vector<std::string> ScriptedServer::requests() {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

ext::ServerReply ScriptedServer::route(serve::Router& router, const ext::ServerRequest& req) {
  serve::Request r{req.method, req.path, {}, req.api_key, req.body};
  for (const auto& [k, v] : req.query) r.query[k] = v;
  if (r.api_key.empty() && req.authorization.rfind("Bearer ", 0) == 0) r.api_key = req.authorization.substr(7);
  serve::Response out = router.handle(r);
  ext::ServerReply reply;
  reply.status = out.status;
  reply.body = std::move(out.body);
  return reply;
}

TlsServerProcess::TlsServerProcess() {
  std::string dir = scratch_dir();
  // An EC key: quick to make, unlike RSA.
  auto made = std::system(("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
                           "-subj /CN=localhost -keyout " +
                           dir + "/key.pem -out " + dir + "/cert.pem 2>/dev/null")
                              .c_str());
  if (made != 0) return;
  int out_pipe[2];
  if (pipe(out_pipe)) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out_pipe[1], 1);
    dup2(out_pipe[1], 2);
    close(out_pipe[0]);
    close(out_pipe[1]);
    std::string cert = dir + "/cert.pem", key = dir + "/key.pem";
    execlp("openssl", "openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", cert.c_str(), "-key", key.c_str(),
           "-www", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out_pipe[1]);
  out_fd_ = out_pipe[0];
  port_ = read_port(out_fd_, log_, "ACCEPT 127.0.0.1:", "\n");
}

TlsServerProcess::~TlsServerProcess() {
  if (pid_ > 0) (void)stop_child(pid_, 5);
  if (out_fd_ >= 0) close(out_fd_);
}

std::string TlsServerProcess::base_url() const { return "https://127.0.0.1:" + std::to_string(port_) + "/api"; }

remote::ClientOptions test_client_options(const std::string& base_url, const std::string& api_key) {
  remote::ClientOptions o;
  o.base_url = base_url;
  o.api_key = api_key;
  o.rate_limit = 0;
  o.max_attempts = 8;
  o.backoff_base_ms = 10;
  o.backoff_max_ms = 100;
  o.timeout_ms = 10000;
  o.connect_timeout_ms = 2000;
  return o;
}

}  // namespace gomo::test

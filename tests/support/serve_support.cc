#include "tests/support/serve_support.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <stdexcept>

namespace gomo::test {

LocalServer::LocalServer(store::Workspace& workspace, serve::FaultOptions faults) {
  serve::ServeOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.faults = faults;
  options.on_request = [this](const serve::RequestRecord& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    records_.push_back(r);
  };
  server_ = std::make_unique<serve::Server>(workspace, options);
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
  int err_pipe[2];
  if (pipe(err_pipe)) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(err_pipe[1], 2);
    close(err_pipe[0]);
    close(err_pipe[1]);
    std::vector<std::string> all = {GOMO_BINARY, "serve", "--listen", "127.0.0.1:0"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(GOMO_BINARY, argv.data());
    _exit(127);
  }
  close(err_pipe[1]);
  err_fd_ = err_pipe[0];
  // std::regex trips g++ 12's -Wmaybe-uninitialized under the sanitizers: find the port by hand.
  const std::string listening = "listening on http://127.0.0.1:";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{err_fd_, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[4096];
    ssize_t n = read(err_fd_, buf, sizeof buf);
    if (n <= 0) break;
    err_.append(buf, static_cast<size_t>(n));
    if (auto at = err_.find(listening); at != std::string::npos) {
      size_t digits = at + listening.size(), end = digits;
      while (end < err_.size() && std::isdigit(static_cast<unsigned char>(err_[end]))) ++end;
      if (end > digits && err_.compare(end, 4, "/api") == 0) {
        port_ = std::stoi(err_.substr(digits, end - digits));
        break;
      }
    }
  }
}

ServeProcess::~ServeProcess() { stop(); }

std::string ServeProcess::base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/api"; }

int ServeProcess::stop(std::string* err) {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    pid_ = -1;
    char buf[4096];
    ssize_t n;
    while ((n = read(err_fd_, buf, sizeof buf)) > 0) err_.append(buf, static_cast<size_t>(n));
    close(err_fd_);
  }
  if (err) *err = err_;
  return exit_code_;
}

api::ClientOptions test_client_options(const std::string& base_url, const std::string& api_key) {
  api::ClientOptions o;
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

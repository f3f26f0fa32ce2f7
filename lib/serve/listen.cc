#include "serve/listen.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <thread>

namespace gomo::serve {

bool parse_listen_address(const std::string& listen, std::string& host, int& port) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  try {
    size_t used = 0;
    port = std::stoi(listen.substr(colon + 1), &used);
    return used == listen.size() - colon - 1 && port >= 0 && port <= 65535;
  } catch (const std::exception&) { return false; }
}

bool parse_rate(const std::string& text, double& per_second) {
  if (text.empty()) return true;
  try {
    size_t used = 0;
    double n = std::stod(text, &used);
    std::string unit = text.substr(used);
    if (n <= 0) return false;
    if (unit.empty() || unit == "/s") {
      per_second = n;
    } else if (unit == "/min" || unit == "/m") {
      per_second = n / 60;
    } else {
      return false;
    }
    return true;
  } catch (const std::exception&) { return false; }
}

Status configure_listen(const std::string& listen, const std::string& rate_limit, bool allow_remote,
                        ServeOptions& options) {
  if (!parse_listen_address(listen, options.host, options.port))
    return Status::invalid_argument("--listen must be HOST:PORT (e.g. 127.0.0.1:8080), got '" + listen + "'");
  if (!is_loopback_host(options.host) && !allow_remote) {
    return Status::invalid_argument("refusing to listen on " + options.host +
                                    ": only loopback addresses without --allow-remote (the server speaks plain http)");
  }
  if (!parse_rate(rate_limit, options.faults.rate_limit))
    return Status::invalid_argument("--rate-limit must be N/s or N/min, got '" + rate_limit + "'");
  return Status::ok();
}

Status serve_until_signal(api::Tenants& tenants, const ServeOptions& options,
                          const std::function<void(int port)>& on_listening) {
  // Blocked before the server starts its threads, which inherit the mask: the signals then go to
  // the one waiting thread below, which stops the server.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  Server server(tenants, options);
  if (Status st = server.bind(); !st) return st;
  on_listening(server.port());

  std::atomic<bool> finished{false};
  std::thread waiter([&] {
    timespec tick{0, 200 * 1000 * 1000};
    while (!finished) {
      if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) {
        while (!server.running() && !finished) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        server.stop();
        return;
      }
    }
  });
  Status st = server.run();
  finished = true;
  waiter.join();
  return st;
}

}  // namespace gomo::serve

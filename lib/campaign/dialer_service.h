#pragma once
// `gomo serve`'s dialer: background threads that run every active execution (scheduled, running,
// paused) of every organisation through the dialer (dialer.h), one thread per execution, and every
// queued or active call request (call_request.h), one thread each, so pause,
// resume and cancel sent to the server from elsewhere take effect on the running execution. A new
// execution is picked up within scan_ms. Claims left by a dialer that was killed are released when
// its execution is picked up again (run_execution), so a restart resumes without losing or
// double-counting a call.
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "api/dialing.h"
#include "api/platform.h"
#include "campaign/clock.h"
#include "campaign/outcome_mix.h"

namespace gomo::campaign {

// A clock as `--clock` names it: "real", "virtual" or "xN" (real time N times faster, N > 0).
struct ClockChoice {
  enum class Kind { kReal, kVirtual };
  Kind kind = Kind::kReal;
  double factor = 1;  // kReal only
};
// kInvalidArgument, naming the accepted forms, for anything else.
Result<ClockChoice> parse_clock(const std::string& text);
// A new clock of that kind, at the real now.
std::unique_ptr<Clock> make_clock(const ClockChoice& choice);

struct DialerServiceOptions {
  ClockChoice clock;   // default: real time
  OutcomeMix callees;  // the simulated callees of every execution
  // Real milliseconds between looks for new active executions; also how long a paused execution on
  // a virtual clock waits between looks at its status. Default 500.
  long long scan_ms = 500;
  // Short lines about what the dialer does (an execution picked up or ended, each attempt, errors),
  // from the service's threads, one at a time. Default: none.
  std::function<void(const std::string& line)> log;
};

class DialerService {
 public:
  // Every organisation's platform, read again at each scan (those without dialing() are skipped).
  // Called from the service's thread; the platforms must be thread-safe (the local workspace's are).
  using Platforms = std::function<std::vector<std::shared_ptr<api::Platform>>()>;

  DialerService(Platforms platforms, DialerServiceOptions options);
  ~DialerService();  // stop()
  DialerService(const DialerService&) = delete;
  DialerService& operator=(const DialerService&) = delete;

  // Starts the scanning thread. Threads inherit the caller's signal mask: block SIGINT and SIGTERM
  // first when another thread waits for them.
  void start();
  // Bounded: each execution's thread returns within about one poll (250 real ms, or one call of a
  // virtual run); calls in flight are released, to be placed again by the next dialer. Idempotent.
  void stop();

 private:
  void scan_loop();
  void run_one(std::shared_ptr<api::Platform> platform, std::string execution_id);
  void run_job(std::shared_ptr<api::Platform> platform, api::CallJob job);
  void log(const std::string& line);

  Platforms platforms_;
  DialerServiceOptions options_;
  std::atomic<bool> stopping_{false};
  std::thread scanner_;
  std::mutex mutex_;                            // guards the members below, and log lines
  std::map<std::string, std::thread> workers_;  // by execution id, or "call request " + job id
  std::set<std::string> finished_;              // workers that returned, to join
  std::set<std::string> broken_;                // executions whose run failed: not picked up again
};

}  // namespace gomo::campaign

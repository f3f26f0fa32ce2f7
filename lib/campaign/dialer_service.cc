#include "campaign/dialer_service.h"

#include <chrono>
#include <cstdlib>

#include "campaign/call_request.h"
#include "campaign/dialer.h"

namespace gomo::campaign {

namespace {

// How long a real-time dialer may sleep between looks at the status (pause, resume, cancel, stop):
// a quarter of a real second whatever the speed-up.
constexpr double kRealPollMs = 250;

}  // namespace

Result<ClockChoice> parse_clock(const std::string& text) {
  ClockChoice c;
  if (text == "real") return c;
  if (text == "virtual") {
    c.kind = ClockChoice::Kind::kVirtual;
    return c;
  }
  if (text.size() > 1 && (text[0] == 'x' || text[0] == 'X')) {
    char* end = nullptr;
    double factor = std::strtod(text.c_str() + 1, &end);
    if (end && *end == '\0' && factor > 0 && factor <= 1e6) {
      c.factor = factor;
      return c;
    }
  }
  return Status::invalid_argument("clock `" + text +
                                  "`: expected real, virtual, or xN for real time N times faster (x60, x1000)");
}

std::unique_ptr<Clock> make_clock(const ClockChoice& choice) {
  if (choice.kind == ClockChoice::Kind::kVirtual) return std::make_unique<VirtualClock>(system_now_ms());
  return std::make_unique<RealClock>(choice.factor);
}

DialerService::DialerService(Platforms platforms, DialerServiceOptions options)
    : platforms_(std::move(platforms)), options_(std::move(options)) {}

DialerService::~DialerService() { stop(); }

void DialerService::start() {
  if (scanner_.joinable()) return;
  scanner_ = std::thread([this] { scan_loop(); });
}

void DialerService::stop() {
  stopping_ = true;
  if (scanner_.joinable()) scanner_.join();
  std::map<std::string, std::thread> workers;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    workers.swap(workers_);
  }
  for (auto& [id, thread] : workers) thread.join();
}

void DialerService::log(const std::string& line) {
  if (!options_.log) return;
  std::lock_guard<std::mutex> lock(mutex_);
  options_.log(line);
}

void DialerService::scan_loop() {
  while (!stopping_) {
    std::vector<std::thread> done;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (const auto& id : finished_) {
        auto it = workers_.find(id);
        if (it == workers_.end()) continue;
        done.push_back(std::move(it->second));
        workers_.erase(it);
      }
      finished_.clear();
    }
    for (auto& thread : done) thread.join();

    for (auto& platform : platforms_()) {
      api::Dialing* dialing = platform ? platform->dialing() : nullptr;
      if (!dialing) continue;
      auto active = dialing->active_executions();
      if (!active) {
        log("dialer: listing executions: " + active.error().message);
        continue;
      }
      for (const auto& id : active.value()) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_ || workers_.count(id) || broken_.count(id)) continue;
        workers_.emplace(id, std::thread([this, platform, id] { run_one(platform, id); }));
      }
      auto jobs = dialing->open_call_requests();
      if (!jobs) {
        log("dialer: listing call requests: " + jobs.error().message);
        continue;
      }
      for (auto& job : jobs.value()) {
        const std::string key = "call request " + job.job_id;
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_ || workers_.count(key) || broken_.count(key)) continue;
        workers_.emplace(key, std::thread([this, platform, job] { run_job(platform, job); }));
      }
    }
    for (long long waited = 0; waited < options_.scan_ms && !stopping_; waited += 50) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

void DialerService::run_one(std::shared_ptr<api::Platform> platform, std::string execution_id) {
  const bool is_virtual = options_.clock.kind == ClockChoice::Kind::kVirtual;
  DialerOptions o;
  o.should_stop = [this] { return stopping_.load(); };
  // On a virtual clock the hands jump: waiting for a resume is done here, in real time, below.
  o.wait_while_paused = !is_virtual;
  o.poll_ms =
      is_virtual ? 1000 : std::max<EpochMillis>(1, static_cast<EpochMillis>(kRealPollMs * options_.clock.factor));
  if (options_.log) {
    o.on_attempt = [this, &execution_id](const AttemptEvent& e) {
      log("dialer: execution " + execution_id + ": contact " + e.contact_id + " attempt " + std::to_string(e.attempt) +
          " " + e.outcome + " -> " + e.contact_status);
    };
  }
  log("dialer: execution " + execution_id + " picked up");
  bool broken = false;
  uint64_t attempts = 0;
  std::string status;
  for (;;) {
    auto clock = make_clock(options_.clock);
    auto run = run_execution(*platform->dialing(), execution_id, *clock, options_.callees, o);
    if (!run) {
      log("dialer: execution " + execution_id + ": " + run.error().message() + " (left as it is)");
      broken = true;
      break;
    }
    attempts += run->attempts;
    status = run->status;
    // A virtual run returns paused (nobody resumes it meanwhile) or running when every hour of the week
    // is paused (nothing can start until the windows change): wait here, quietly, then look again.
    if (stopping_ || !is_virtual || !(api::is_paused_status(status) || status == "running")) break;
    for (long long waited = 0; waited < options_.scan_ms && !stopping_; waited += 50) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  if (!broken) {
    log("dialer: execution " + execution_id + (stopping_ ? " left " : " ended ") + status + " after " +
        std::to_string(attempts) + " attempts");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  finished_.insert(execution_id);
  if (broken) broken_.insert(execution_id);
}

void DialerService::run_job(std::shared_ptr<api::Platform> platform, api::CallJob job) {
  const std::string key = "call request " + job.job_id;
  const bool is_virtual = options_.clock.kind == ClockChoice::Kind::kVirtual;
  DialerOptions o;
  o.should_stop = [this] { return stopping_.load(); };
  o.poll_ms =
      is_virtual ? 1000 : std::max<EpochMillis>(1, static_cast<EpochMillis>(kRealPollMs * options_.clock.factor));
  if (options_.log) {
    o.on_attempt = [this, &key](const AttemptEvent& e) {
      log("dialer: " + key + ": attempt " + std::to_string(e.attempt) + " " + e.outcome + " -> " + e.contact_status);
    };
  }
  log("dialer: " + key + " picked up");
  auto clock = make_clock(options_.clock);
  auto run = run_call_request(*platform->dialing(), job, *clock, options_.callees, o);
  if (run) log("dialer: " + key + (stopping_ ? " left " : " ended ") + run.value());
  else log("dialer: " + key + ": " + run.error().message() + " (left as it is)");
  std::lock_guard<std::mutex> lock(mutex_);
  finished_.insert(key);
  if (!run) broken_.insert(key);
}

}  // namespace gomo::campaign

// Reading and watching an execution (programs/watch.h).
#include "programs/watch.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "programs/transition.h"

namespace gomo::programs {
namespace {

long long now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

bool differs(const Snapshot& a, const Snapshot& b) {
  const api::Execution &x = a.execution, &y = b.execution;
  return x.status != y.status || a.report.effective_status != b.report.effective_status ||
         x.total_contacts != y.total_contacts || x.contacts_completed != y.contacts_completed ||
         x.contacts_failed != y.contacts_failed || x.contacts_pending != y.contacts_pending ||
         x.contacts_in_progress != y.contacts_in_progress || a.report.total_calls != b.report.total_calls;
}

Outcome<Snapshot> read_snapshot(api::Platform& platform, const std::string& execution_id, bool with_breakdown) {
  // Two requests: a change between them (another client pausing) would pair the old status with the
  // new report. Read again until both say the same status (a few times at most).
  auto execution = find_execution(platform, execution_id);
  if (!execution) return execution.error();
  auto report = platform.execution_report(execution_id);
  if (!report) return Failure::api_error(report.error());
  for (int retry = 0; retry < 3 && report->status != execution->status; ++retry) {
    execution = find_execution(platform, execution_id);
    if (!execution) return execution.error();
    report = platform.execution_report(execution_id);
    if (!report) return Failure::api_error(report.error());
  }
  Snapshot s;
  s.execution = std::move(*execution);
  s.report = std::move(*report);
  if (with_breakdown) {
    auto breakdown = platform.execution_breakdown(execution_id);
    if (!breakdown) return Failure::api_error(breakdown.error());
    s.breakdown = std::move(*breakdown);
  }
  s.at_ms = now_ms();
  s.ended = !is_active(s.execution.status);
  return s;
}

Outcome<WatchEnd> watch_execution(api::Platform& platform, const std::string& execution_id, const WatchOptions& options,
                                  const std::function<void(const Snapshot&)>& on_snapshot) {
  const long long interval = options.interval_ms > 0 ? options.interval_ms : 2000;
  const long long start = now_ms();
  std::optional<Snapshot> first, last;
  for (;;) {
    auto snapshot = read_snapshot(platform, execution_id, options.with_breakdown);
    if (!snapshot) return snapshot.error();
    if (!first) first = *snapshot;
    const double minutes = static_cast<double>(snapshot->at_ms - first->at_ms) / 60000.0;
    if (minutes > 0) snapshot->calls_per_minute = (snapshot->report.total_calls - first->report.total_calls) / minutes;
    if (!last || options.every_poll || differs(*last, *snapshot)) {
      on_snapshot(*snapshot);
      last = *snapshot;
    }
    if (snapshot->ended) return WatchEnd::kEnded;
    long long wait = interval;
    if (options.timeout_ms > 0) {
      const long long left = start + options.timeout_ms - now_ms();
      if (left <= 0) return WatchEnd::kTimedOut;
      wait = std::min(wait, left);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(wait));
  }
}

}  // namespace gomo::programs

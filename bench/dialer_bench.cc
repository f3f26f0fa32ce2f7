// gomo_dialer_bench: the dialer's core speed (bench/README.md, "The dialer"). Not a test.
//   gomo_dialer_bench calendar [N]        ns per Calendar::next_allowed / paused_at over N instants
//   gomo_dialer_bench dial [CONTACTS] [LINES]  one run of an execution on MemoryDialing, virtual clock:
//                                         fixed_delay retries (30 min, 3), weekday pause windows (Casablanca)
// Prints the figures and the peak RSS.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "campaign/dialer.h"
#include "campaign/memory_dialing.h"
#include "schedule/calendar.h"

using namespace gomo;
using campaign::EpochMillis;

namespace {

constexpr EpochMillis kT0 = 1777881600000;  // 2026-05-04T08:00:00Z, a Monday

const char* kFlow = R"({"startNodeId": "dial", "nodes": [
  {"id": "dial", "type": "dial", "config": {"timeout": 20000, "enableAMD": true},
   "outputs": {"onAnswer": "menu", "onVoicemail": "vm", "default": "bye"}},
  {"id": "menu", "type": "dtmf",
   "config": {"variable": "choice", "timeout": 4000, "promptAudioItems": [{"type": "tts", "text": "Press 1"}]},
   "outputs": {"branches": {"1": "yes"}, "default": "bye"}},
  {"id": "yes", "type": "play", "config": {"audioItems": [{"type": "tts", "text": "Thank you"}]},
   "outputs": {"onComplete": "bye"}},
  {"id": "vm", "type": "hangup"},
  {"id": "bye", "type": "hangup"}]})";

api::PauseWindows business_hours() {
  api::PauseWindows w;
  for (const char* d : {"monday", "tuesday", "wednesday", "thursday", "friday"}) w.days[d] = {{{18, 0}, {9, 0}}};
  // Weekends closed: Friday 18:00 to Monday 09:00.
  w.days["saturday"] = {{{0, 0}, {12, 0}}, {{12, 0}, {0, 0}}};
  w.days["sunday"] = {{{0, 0}, {12, 0}}, {{12, 0}, {9, 0}}};
  return w;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

int calendar_bench(long n) {
  auto cal = schedule::Calendar::make(business_hours(), "Africa/Casablanca");
  if (!cal) return std::fprintf(stderr, "%s\n", cal.error().message().c_str()), 1;
  // Instants 7 s apart over the run (a call's pace on one line): most fall in a cached day.
  auto t0 = std::chrono::steady_clock::now();
  EpochMillis sum = 0;
  for (long i = 0; i < n; ++i) sum += cal->next_allowed(kT0 + i * 7000) & 1;
  double next_s = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  long paused = 0;
  for (long i = 0; i < n; ++i) paused += cal->paused_at(kT0 + i * 7000);
  double paused_s = seconds_since(t0);
  std::printf(
      "calendar: %ld instants over %.0f days: next_allowed %.1f ns/call, paused_at %.1f ns/call (%ld paused, %lld)\n",
      n, n * 7.0 / 86400, next_s * 1e9 / n, paused_s * 1e9 / n, paused, static_cast<long long>(sum));
  return 0;
}

int dial_bench(uint64_t contacts, int lines) {
  api::DialingPlan p;
  p.execution_id = "e1";
  p.flow_graph_json = kFlow;
  p.time_zone = "Africa/Casablanca";
  p.start_at = kT0;
  for (int i = 0; i < lines; ++i) p.caller_numbers.push_back("+212500" + std::to_string(100000 + i));
  p.retry_strategy.type = "fixed_delay";
  p.retry_strategy.delay_ms = 30 * 60000;
  p.retry_strategy.max_retries = 3;
  p.pause_windows = business_hours();
  campaign::MemoryDialing dialing(p, contacts);
  campaign::OutcomeMix mix;  // the defaults: 70 % answer, 10 voicemail, 8 busy, 8 no answer, ...
  mix.dtmf["menu"] = {{"1", 60}, {"2", 30}, {"", 10}};
  campaign::VirtualClock clock(kT0);
  campaign::DialerOptions options;
  options.record_flow_execution = false;
  auto t0 = std::chrono::steady_clock::now();
  auto s = campaign::run_execution(dialing, "e1", clock, mix, options);
  double wall = seconds_since(t0);
  if (!s) return std::fprintf(stderr, "%s\n", s.error().message().c_str()), 1;
  const auto& c = dialing.counters();
  std::printf(
      "dial: %llu contacts, %d lines: %llu attempts in %.2f s = %.0f calls/s; status %s; completed %llu, failed "
      "%llu, pending %llu; campaign %.1f days of virtual time; peak RSS %ld MiB\n",
      static_cast<unsigned long long>(contacts), lines, static_cast<unsigned long long>(s->attempts), wall,
      static_cast<double>(s->attempts) / wall, s->status.c_str(), static_cast<unsigned long long>(c.completed),
      static_cast<unsigned long long>(c.failed), static_cast<unsigned long long>(c.pending),
      static_cast<double>(s->ended_at - kT0) / 86400000.0, peak_rss_kib() / 1024);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string what = argc > 1 ? argv[1] : "";
  if (what == "calendar") return calendar_bench(argc > 2 ? std::atol(argv[2]) : 10'000'000);
  if (what == "dial")
    return dial_bench(argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1'000'000, argc > 3 ? std::atoi(argv[3]) : 100);
  std::fprintf(stderr, "usage: gomo_dialer_bench calendar [N] | dial [CONTACTS] [LINES]\n");
  return 2;
}

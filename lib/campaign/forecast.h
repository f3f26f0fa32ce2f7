#pragma once
// What `gomo program simulate` predicts for a program over an audience, before launching it: the
// figures the dialer's run on a virtual clock produced (campaign/simulate_program.h makes them;
// report/forecast_report.h prints and plots them). Plain data.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gomo::campaign {

using EpochMillis = int64_t;

// A span of time [from, to), UTC milliseconds.
struct TimeSpan {
  EpochMillis from = 0;
  EpochMillis to = 0;
};

// The auto-pause rule that paused the run: the forecast ends there, as the execution would wait for a
// person to resume it.
struct AutoPaused {
  std::string node_id;
  int threshold = 0;   // visits of node_id that pause it
  EpochMillis at = 0;  // the end of the call that reached the threshold
};

struct Forecast {
  std::string program_name;
  std::string time_zone;  // the organisation's: pause windows and the figures' local times
  uint64_t contacts = 0;
  int lines = 0;  // parallel calls (the DID pool)
  EpochMillis started_at = 0;
  EpochMillis ended_at = 0;  // the last call's end (or stop_at when the run was cut there)
  std::optional<EpochMillis> stop_at;
  bool stopped_by_stop_at = false;        // contacts were left uncalled or unretried at stop_at
  std::optional<AutoPaused> auto_paused;  // set when an auto-pause rule ended the run
  // not_reached: still pending when the run ended early (stop_at came, or auto_paused)
  uint64_t completed = 0, failed = 0, not_reached = 0;
  uint64_t attempts = 0;
  std::map<int, uint64_t> contacts_by_attempts;  // attempts made -> contacts (1 -> reached first time, ...)
  std::map<std::string, uint64_t> outcomes;      // by call outcome (kCallOutcomes), over all attempts
  EpochMillis bucket_ms = 3600000;               // width of one line_use bucket
  std::vector<double> line_use;                  // per bucket from started_at: mean busy lines / lines (0..1)
  std::vector<uint64_t> completed_by_bucket;     // contacts completed in each bucket
  double paused_share = 0;                       // share of the run's time inside pause windows
  std::vector<TimeSpan> pauses;                  // the pause windows met during the run, in order (for plots)
  double wall_seconds = 0;                       // how long the simulation took
};

}  // namespace gomo::campaign

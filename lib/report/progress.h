#pragma once
// The progress line of a long pass on a terminal ("sending 40000/100000 rows, 20000 rows/s, ETA 3 s"),
// rewritten in place: what it says (format_progress_line) and when it is redrawn (ProgressLine).
// Pure: the caller gives the clock's readings and the terminal's width, and writes the text itself
// (to stderr, on a terminal only: in cron the summary alone is printed).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gomo::report {

// One moment of a pass.
struct ProgressSnapshot {
  std::string_view label = "working";  // what the pass does: "checking", "sending"
  std::string_view unit = "rows";      // what is counted
  size_t done = 0;                     // items so far
  size_t total = 0;                    // items in all; 0 = unknown (no "/total", no ETA)
  double elapsed_s = 0;                // seconds since the pass began; <= 0: no rate, no ETA yet
};

// Items per second so far; nothing before any time has passed or anything is done.
std::optional<double> progress_rate(const ProgressSnapshot& p);

// Seconds left at the rate so far, rounded up; nothing without a rate, with an unknown total, or once
// done >= total.
std::optional<long long> eta_seconds(const ProgressSnapshot& p);

// "0 s", "42 s", "3 min 05 s", "2 h 07 min" (whole seconds; negative is 0).
std::string format_duration(long long seconds);

// "sending 40000/100000 rows, 20000 rows/s, ETA 3 s" (the total, rate and ETA where known), with no
// line break, at most `width` columns (0: any width) so that a redraw never wraps: the ETA and then
// the rate are left out when the line is wider, and what is still too wide is cut. Columns are bytes:
// labels and units are ASCII.
std::string format_progress_line(const ProgressSnapshot& p, size_t width = 0);

// When the line is redrawn, and the elapsed time of each pass. A redraw costs a write to the terminal,
// and the sender reports every few thousand rows (hundreds of times a second on a fast run): the line
// is redrawn at most every `min_interval_s`, except that the first report of a pass and the end of a
// pass (done == total) are always drawn. Not thread-safe: one reporting thread.
class ProgressLine {
 public:
  // `start_s`: when the work began, on the clock later readings come from (its first pass is timed
  // from there); `min_interval_s` >= 0 (default 0.1 s: ten redraws a second).
  explicit ProgressLine(double start_s, double min_interval_s = 0.1);

  // The text to draw for this report (format_progress_line), or nothing when no redraw is due. A new
  // `label` starts a new pass: its rate and ETA are timed from `now_s`. `now_s` must not go back.
  std::optional<std::string> update(std::string_view label, size_t done, size_t total, double now_s, size_t width = 0,
                                    std::string_view unit = "rows");

  bool drawn() const { return drawn_; }  // whether update() has returned a line yet (the caller clears it)

 private:
  double min_interval_s_;
  double pass_start_s_;
  double last_draw_s_ = 0;
  std::string label_;
  bool first_pass_ = true;
  bool drawn_ = false;
  bool drawn_this_pass_ = false;
};

}  // namespace gomo::report

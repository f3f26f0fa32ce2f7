// The progress line of long passes (report/progress.h).
#include "report/progress.h"

#include <cmath>

namespace gomo::report {

std::optional<double> progress_rate(const ProgressSnapshot& p) {
  if (p.elapsed_s <= 0 || p.done == 0) return std::nullopt;
  return static_cast<double>(p.done) / p.elapsed_s;
}

std::optional<long long> eta_seconds(const ProgressSnapshot& p) {
  auto rate = progress_rate(p);
  if (!rate || p.total == 0 || p.done >= p.total) return std::nullopt;
  return static_cast<long long>(std::ceil(static_cast<double>(p.total - p.done) / *rate));
}

std::string format_duration(long long seconds) {
  if (seconds < 0) seconds = 0;
  auto two = [](long long n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  if (seconds < 60) return std::to_string(seconds) + " s";
  if (seconds < 3600) return std::to_string(seconds / 60) + " min " + two(seconds % 60) + " s";
  return std::to_string(seconds / 3600) + " h " + two(seconds % 3600 / 60) + " min";
}

std::string format_progress_line(const ProgressSnapshot& p, size_t width) {
  std::string line = std::string(p.label) + " " + std::to_string(p.done);
  if (p.total) line += "/" + std::to_string(p.total);
  line += " " + std::string(p.unit);
  std::string rate, eta;
  if (auto r = progress_rate(p))
    rate = ", " + std::to_string(static_cast<long long>(*r)) + " " + std::string(p.unit) + "/s";
  if (auto e = eta_seconds(p)) eta = ", ETA " + format_duration(*e);
  // Least useful last: the ETA goes first, then the rate, then the line is cut.
  auto fits = [&](size_t n) { return width == 0 || n <= width; };
  if (fits(line.size() + rate.size() + eta.size())) return line + rate + eta;
  if (fits(line.size() + rate.size())) return line + rate;
  if (fits(line.size())) return line;
  return line.substr(0, width);
}

ProgressLine::ProgressLine(double start_s, double min_interval_s)
    : min_interval_s_(min_interval_s), pass_start_s_(start_s) {}

std::optional<std::string> ProgressLine::update(std::string_view label, size_t done, size_t total, double now_s,
                                                size_t width, std::string_view unit) {
  if (label != label_) {
    // The first pass is timed from the start of the work; a later one from its first report.
    if (!first_pass_) pass_start_s_ = now_s;
    first_pass_ = false;
    label_ = std::string(label);
    drawn_this_pass_ = false;
  }
  const bool finished = total != 0 && done >= total;
  const bool due = !drawn_this_pass_ || finished || now_s - last_draw_s_ >= min_interval_s_;
  if (!due) return std::nullopt;
  last_draw_s_ = now_s;
  drawn_ = drawn_this_pass_ = true;
  ProgressSnapshot snapshot;
  snapshot.label = label;
  snapshot.unit = unit;
  snapshot.done = done;
  snapshot.total = total;
  snapshot.elapsed_s = now_s - pass_start_s_;
  return format_progress_line(snapshot, width);
}

}  // namespace gomo::report

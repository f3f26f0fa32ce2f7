// The forecast as a standalone SVG chart (report/forecast_report.h, write_forecast_svg): line use as an
// area on the left axis, cumulative completions as a line on the right axis, local day/hour ticks,
// pause windows shaded, stopAt as a dashed vertical line, a title and a legend. Plain SVG 1.1 with
// presentation attributes only (no CSS, no script), so every viewer and image converter draws it alike.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

#include "report/diagnostics.h"
#include "report/forecast_clock.h"
#include "report/forecast_report.h"

namespace gomo::report {
namespace {

using campaign::EpochMillis;
using campaign::Forecast;

constexpr double kWidth = 960, kHeight = 420;
constexpr double kLeft = 70, kRight = kWidth - 80, kTop = 78, kBottom = kHeight - 100;
constexpr const char* kFont = "DejaVu Sans, Helvetica, Arial, sans-serif";
constexpr const char* kUseColour = "#4c78a8";
constexpr const char* kDoneColour = "#2a9d3f";
constexpr const char* kStopColour = "#d62728";
constexpr const char* kPauseColour = "#8c96a0";
constexpr EpochMillis kHourMs = 3600000;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// The chart's time axis: [from, to) onto [kLeft, kRight].
struct TimeAxis {
  EpochMillis from = 0, to = 1;
  double x(EpochMillis t) const {
    t = std::clamp(t, from, to);
    return kLeft + (kRight - kLeft) * static_cast<double>(t - from) / static_cast<double>(to - from);
  }
};

struct Tick {
  EpochMillis at;
  std::string time;  // "09:00", or the date on a day-step axis
  std::string date;  // "Tue 3 Mar" under the time at local midnight and at the first tick; "" otherwise
  bool midnight;
};

std::string short_date(const ext::LocalTime& t) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return std::string(weekday_name(t.weekday)) + " " + std::to_string(t.day) + " " +
         kMonths[std::clamp(t.month, 1, 12) - 1];
}

// Ticks on whole local hours: every `step` hours below a day, at local midnights from a day up (every
// second one, or Mondays, for long runs). At most about a dozen, so that the labels never overlap.
std::vector<Tick> time_ticks(const std::string& zone, const TimeAxis& axis) {
  static const int kSteps[] = {1, 2, 3, 6, 12, 24, 48, 168};
  double span_h = static_cast<double>(axis.to - axis.from) / kHourMs;
  int step = kSteps[std::size(kSteps) - 1];
  for (int s : kSteps)
    if (span_h / s <= 12) {
      step = s;
      break;
    }
  std::vector<Tick> ticks;
  int midnights = 0;
  EpochMillis t = axis.from;
  // Walk the local whole hours (re-aligned on each, so that half-hour zones and DST shifts stay on
  // the wall clock's hours); bounded for absurdly long runs.
  for (int guard = 0; t <= axis.to && guard < 50000; ++guard) {
    ext::LocalTime lt = forecast_wall_clock(zone, t);
    int64_t past_hour_ms = (lt.minute * 60 + lt.second) * 1000LL + ((t % 1000) + 1000) % 1000;
    if (past_hour_ms != 0) {
      t += kHourMs - past_hour_ms;
      continue;
    }
    bool midnight = lt.hour == 0;
    bool take =
        step < 24 ? lt.hour % step == 0
                  : midnight && (step == 24 || (step == 48 && midnights % 2 == 0) || (step == 168 && lt.weekday == 1));
    if (midnight) ++midnights;
    if (take) {
      char hhmm[8];
      std::snprintf(hhmm, sizeof hhmm, "%02d:00", lt.hour);
      Tick tick{t, step < 24 ? hhmm : short_date(lt), "", midnight};
      if (step < 24 && (midnight || ticks.empty())) tick.date = short_date(lt);
      ticks.push_back(tick);
    }
    t += kHourMs;
  }
  return ticks;
}

// A round step for about `parts` gridlines up to `max`: 1, 2 or 5 times a power of ten.
double nice_step(double max, int parts) {
  double raw = max / parts;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw) return m * power;
  return 10 * power;
}

class Svg {
 public:
  explicit Svg(std::ostream& out) : out_(out) {}
  // `halo`: a white outline under the glyphs, for text drawn over the chart.
  void text(double x, double y, const std::string& s, int size, const char* anchor = "start", const char* fill = "#222",
            bool bold = false, bool halo = false) {
    out_ << "  <text x=\"" << num(x) << "\" y=\"" << num(y) << "\" font-size=\"" << size << "\" text-anchor=\""
         << anchor << "\" fill=\"" << fill << "\"" << (bold ? " font-weight=\"bold\"" : "")
         << (halo ? " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" : "") << ">" << xml_escape(s, false)
         << "</text>\n";
  }
  void line(double x1, double y1, double x2, double y2, const char* stroke, double width, const char* dash = nullptr) {
    out_ << "  <line x1=\"" << num(x1) << "\" y1=\"" << num(y1) << "\" x2=\"" << num(x2) << "\" y2=\"" << num(y2)
         << "\" stroke=\"" << stroke << "\" stroke-width=\"" << width << "\""
         << (dash ? std::string(" stroke-dasharray=\"") + dash + "\"" : "") << "/>\n";
  }
  void rect(double x, double y, double w, double h, const char* fill, double opacity) {
    out_ << "  <rect x=\"" << num(x) << "\" y=\"" << num(y) << "\" width=\"" << num(std::max(w, 0.0)) << "\" height=\""
         << num(std::max(h, 0.0)) << "\" fill=\"" << fill << "\" fill-opacity=\"" << opacity << "\"/>\n";
  }
  std::ostream& raw() { return out_; }

 private:
  std::ostream& out_;
};

std::string stop_at_note(const Forecast& f) {
  if (f.auto_paused)  // the run ends there, whatever stopAt says
    return "auto-pause on node " + f.auto_paused->node_id + " (" +
           grouped_count(static_cast<uint64_t>(f.auto_paused->threshold)) + " visits) at " +
           forecast_local_time(f.time_zone, f.auto_paused->at);
  if (!f.stop_at) return "no stopAt";
  if (f.stopped_by_stop_at) return "stopAt cuts it: " + grouped_count(f.not_reached) + " contacts not reached";
  EpochMillis margin = *f.stop_at - f.ended_at;
  if (margin >= 0) return "ends " + forecast_duration(margin) + " before stopAt";
  return "ends " + forecast_duration(-margin) + " after stopAt";
}

void draw_legend(Svg& svg, bool pauses, bool stop_at) {
  double x = kLeft, y = kHeight - 22;
  auto label = [&](const std::string& s) {
    svg.text(x + 24, y + 4, s, 13);
    x += 24 + 6.8 * static_cast<double>(s.size()) + 30;
  };
  svg.rect(x, y - 7, 18, 12, kUseColour, 0.35);
  label("lines in use (left axis)");
  svg.line(x, y - 1, x + 18, y - 1, kDoneColour, 2.5);
  label("completed, cumulative (right axis)");
  if (pauses) {
    svg.rect(x, y - 7, 18, 12, kPauseColour, 0.25);
    label("pause window");
  }
  if (stop_at) {
    svg.line(x + 9, y - 9, x + 9, y + 7, kStopColour, 2, "5,3");
    label("stopAt");
  }
}

}  // namespace

void write_forecast_svg(std::ostream& out, const Forecast& f) {
  const size_t buckets = std::max(f.line_use.size(), f.completed_by_bucket.size());
  const EpochMillis bucket = std::max<EpochMillis>(f.bucket_ms, 1);
  TimeAxis axis{f.started_at, std::max(f.ended_at, f.started_at + static_cast<EpochMillis>(buckets) * bucket)};
  if (axis.to <= axis.from) axis.to = axis.from + kHourMs;
  // A stopAt within the run's length after its end is drawn; one weeks later would squeeze the run
  // into a corner (the figures line gives its time instead, unless an auto-pause rule ended the run:
  // then that is what the line says, and stopAt would not fit beside it).
  bool stop_drawn = f.stop_at && *f.stop_at >= axis.from && *f.stop_at <= axis.to + (axis.to - axis.from);
  if (stop_drawn) axis.to = std::max(axis.to, *f.stop_at + (axis.to - axis.from) / 50);

  Svg svg(out);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << kWidth << "\" height=\"" << kHeight
      << "\" viewBox=\"0 0 " << kWidth << " " << kHeight << "\" font-family=\"" << kFont << "\">\n";
  out << "  <title>" << xml_escape("Forecast: " + f.program_name, false) << "</title>\n";
  svg.rect(0, 0, kWidth, kHeight, "#ffffff", 1);

  bool utc_fallback = false;
  forecast_wall_clock(f.time_zone, f.started_at, &utc_fallback);
  std::string zone = utc_fallback ? "UTC" : f.time_zone;
  svg.text(kLeft, 30, "Forecast: " + f.program_name, 20, "start", "#111", true);
  svg.text(kLeft, 52,
           grouped_count(f.contacts) + " contacts on " + grouped_count(f.lines) + " lines, " +
               forecast_local_time(f.time_zone, f.started_at) + " to " + forecast_local_time(f.time_zone, f.ended_at) +
               " (" + zone + "), " + forecast_duration(f.ended_at - f.started_at),
           13, "start", "#444");
  std::string figures = grouped_count(f.completed) + " completed, " + grouped_count(f.failed) + " failed, " +
                        grouped_count(f.not_reached) + " not reached; " + stop_at_note(f);
  if (f.stop_at && !stop_drawn && !f.auto_paused)
    figures += " (stopAt " + forecast_local_time(f.time_zone, *f.stop_at) + ")";
  svg.text(kLeft, 69, figures, 13, "start", f.stopped_by_stop_at || f.auto_paused ? kStopColour : "#444");

  // Pause windows behind everything else.
  for (const auto& p : f.pauses)
    if (p.to > axis.from && p.from < axis.to)
      svg.rect(axis.x(p.from), kTop, axis.x(p.to) - axis.x(p.from), kBottom - kTop, kPauseColour, 0.25);

  // Left axis: share of lines busy.
  for (int pct = 0; pct <= 100; pct += 25) {
    double y = kBottom - (kBottom - kTop) * pct / 100.0;
    svg.line(kLeft, y, kRight, y, "#e3e3e3", 1);
    svg.text(kLeft - 8, y + 4, std::to_string(pct) + "%", 12, "end", "#555");
  }
  // Right axis: cumulative completions, on round steps.
  uint64_t total_done = 0;
  for (uint64_t n : f.completed_by_bucket) total_done += n;
  double done_max = 1, done_step = 1;
  if (total_done > 0) {
    // Whole contacts only: a step of 0.5 would label 1 or 2 completions 0, 1, 1, 2, 2.
    done_step = std::max(1.0, nice_step(static_cast<double>(total_done), 4));
    done_max = done_step * std::ceil(static_cast<double>(total_done) / done_step);
  }
  auto done_y = [&](double n) { return kBottom - (kBottom - kTop) * n / done_max; };
  for (double v = 0; v <= done_max + done_step / 2; v += done_step)
    svg.text(kRight + 8, done_y(v) + 4, grouped_count(static_cast<uint64_t>(std::llround(v))), 12, "start",
             kDoneColour);

  // Time axis: local hours and days.
  for (const Tick& tick : time_ticks(f.time_zone, axis)) {
    double x = axis.x(tick.at);
    svg.line(x, kTop, x, kBottom + 5, tick.midnight ? "#b0b0b0" : "#ececec", tick.midnight ? 1.2 : 1);
    svg.text(x, kBottom + 19, tick.time, 12, "middle", "#444");
    if (!tick.date.empty()) svg.text(x, kBottom + 35, tick.date, 12, "middle", "#222", true);
  }

  if (buckets == 0) {
    svg.text((kLeft + kRight) / 2, (kTop + kBottom) / 2, "no calls in this forecast", 16, "middle", "#777");
  } else {
    // Line use: a step area, one step per bucket.
    auto use_y = [&](double u) {
      return kBottom - (kBottom - kTop) * std::clamp(std::isfinite(u) ? u : 0.0, 0.0, 1.0);
    };
    out << "  <path fill=\"" << kUseColour << "\" fill-opacity=\"0.35\" stroke=\"" << kUseColour
        << "\" stroke-width=\"1\" d=\"M" << num(axis.x(axis.from)) << "," << num(kBottom);
    for (size_t i = 0; i < f.line_use.size(); ++i) {
      EpochMillis t = f.started_at + static_cast<EpochMillis>(i) * bucket;
      out << " L" << num(axis.x(t)) << "," << num(use_y(f.line_use[i])) << " L" << num(axis.x(t + bucket)) << ","
          << num(use_y(f.line_use[i]));
    }
    out << " L" << num(axis.x(f.started_at + static_cast<EpochMillis>(f.line_use.size()) * bucket)) << ","
        << num(kBottom) << " Z\"/>\n";
    // Completions: cumulative at the end of each bucket.
    out << "  <polyline fill=\"none\" stroke=\"" << kDoneColour
        << "\" stroke-width=\"2.5\" stroke-linejoin=\"round\" points=\"" << num(axis.x(f.started_at)) << ","
        << num(done_y(0));
    uint64_t cumulative = 0;
    for (size_t i = 0; i < f.completed_by_bucket.size(); ++i) {
      cumulative += f.completed_by_bucket[i];
      out << " " << num(axis.x(f.started_at + static_cast<EpochMillis>(i + 1) * bucket)) << ","
          << num(done_y(static_cast<double>(cumulative)));
    }
    out << "\"/>\n";
  }

  if (stop_drawn) {
    double x = axis.x(*f.stop_at);
    svg.line(x, kTop - 4, x, kBottom, kStopColour, 2, "5,3");
    bool near_right = x > kRight - 200;
    svg.text(near_right ? x - 6 : x + 6, kTop + 12, "stopAt " + forecast_local_time(f.time_zone, *f.stop_at), 12,
             near_right ? "end" : "start", kStopColour, true, /*halo=*/true);
  }
  svg.line(kLeft, kBottom, kRight, kBottom, "#555", 1);
  svg.line(kLeft, kTop, kLeft, kBottom, "#555", 1);
  svg.line(kRight, kTop, kRight, kBottom, "#555", 1);
  draw_legend(svg, !f.pauses.empty(), stop_drawn);
  out << "</svg>\n";
}

}  // namespace gomo::report

// The forecast as text, json and yaml (report/forecast_report.h); the chart is forecast_svg.cc's.
#include "report/forecast_report.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "api/calls.h"
#include "base/strings.h"
#include "base/time.h"
#include "report/colour.h"
#include "report/forecast_clock.h"
#include "report/resources.h"

namespace gomo::report {
namespace {

using campaign::Forecast;
using json = nlohmann::json;

constexpr size_t kLabelWidth = 13;  // "not reached" and two spaces

std::string percent(uint64_t part, uint64_t whole) {
  if (whole == 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string padded_left(const std::string& s, size_t width) {
  size_t n = utf8_length(s);
  return n >= width ? s : std::string(width - n, ' ') + s;
}

std::string padded_right(const std::string& s, size_t width) {
  size_t n = utf8_length(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

// Items joined with ", ", wrapped so that no line passes `width` columns; continuation lines start
// under the first item (after the label column).
std::string wrapped(const std::vector<std::string>& items, size_t width) {
  std::string text, line;
  for (const std::string& item : items) {
    if (line.empty()) {
      line = item;
    } else if (utf8_length(line) + 2 + utf8_length(item) + 1 > width) {
      text += line + ",\n" + std::string(kLabelWidth, ' ');
      line = item;
    } else {
      line += ", " + item;
    }
  }
  return text + line;
}

class Printer {
 public:
  Printer(std::ostream& out, const ForecastStyle& style, size_t width) : out_(out), style_(style), width_(width) {}
  // One row: the label, padded to the label column, then `text` (which may hold colour and newlines).
  void row(const std::string& label, const std::string& text) {
    out_ << padded_right(label, kLabelWidth) << text << "\n";
  }
  // A row whose `remark` ("(ends 5 h before stopAt)") follows `text` on the same line when it fits in
  // the width, else on a line of its own under the text.
  void row(const std::string& label, const std::string& text, Paint text_paint, const std::string& remark,
           Paint remark_paint) {
    bool fits = kLabelWidth + utf8_length(text) + 1 + utf8_length(remark) <= width_;
    row(label,
        paint(text_paint, text) + (fits ? " " : "\n" + std::string(kLabelWidth, ' ')) + paint(remark_paint, remark));
  }
  // `text` in colour `p` when colours are on; Paint::kReset means plain.
  std::string paint(Paint p, const std::string& text) const {
    if (!style_.color || text.empty() || p == Paint::kReset) return text;
    return std::string(report::paint(p, true)) + text + report::paint(Paint::kReset, true);
  }

 private:
  std::ostream& out_;
  const ForecastStyle& style_;
  size_t width_;
};

// "Mon 2026-03-02 09:00" from a wall clock reading.
std::string wall_text(const ext::LocalTime& t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %04d-%02d-%02d %02d:%02d", weekday_name(t.weekday), t.year, t.month, t.day, t.hour,
                t.minute);
  return buf;
}

// How the run's end sits against stopAt, for people.
void print_stop_at(const Forecast& f, Printer& p) {
  if (!f.stop_at) {
    p.row("stopAt", "none:", Paint::kReset, "the run goes on until every contact is done", Paint::kReset);
    return;
  }
  std::string when = forecast_local_time(f.time_zone, *f.stop_at);
  int64_t margin = *f.stop_at - f.ended_at;
  if (f.stopped_by_stop_at)
    p.row("stopAt", when, Paint::kReset, "(stopAt cuts it: " + grouped_count(f.not_reached) + " contacts not reached)",
          Paint::kRed);
  else if (margin > 0)
    p.row("stopAt", when, Paint::kReset, "(ends " + forecast_duration(margin) + " before stopAt)", Paint::kReset);
  else if (margin == 0) p.row("stopAt", when, Paint::kReset, "(ends at stopAt)", Paint::kReset);
  else p.row("stopAt", when, Paint::kReset, "(ends " + forecast_duration(-margin) + " after stopAt)", Paint::kRed);
}

// Why a run ended before every contact was done, when an auto-pause rule did it: the contacts left are
// "not reached" because the execution waits for a person to resume it, whatever stopAt says.
void print_auto_paused(const Forecast& f, Printer& p) {
  if (!f.auto_paused) return;
  const campaign::AutoPaused& a = *f.auto_paused;
  p.row("auto-pause",
        "rule on node " + a.node_id + " (" + grouped_count(static_cast<uint64_t>(a.threshold)) +
            (a.threshold == 1 ? " visit" : " visits") + ") pauses it at " + forecast_local_time(f.time_zone, a.at) +
            ":",
        Paint::kReset, grouped_count(f.not_reached) + " contacts not reached unless someone resumes it", Paint::kRed);
}

// The three end states, counts right-aligned under each other.
void print_contact_outcomes(const Forecast& f, Printer& p) {
  struct Line {
    const char* label;
    uint64_t count;
    Paint paint;
  } lines[] = {{"completed", f.completed, Paint::kGreen},
               {"failed", f.failed, Paint::kRed},
               {"not reached", f.not_reached, Paint::kRed}};
  size_t width = 1;
  for (const Line& l : lines) width = std::max(width, grouped_count(l.count).size());
  for (const Line& l : lines) {
    std::string text = padded_left(grouped_count(l.count), width) + "  " + padded_left(percent(l.count, f.contacts), 6);
    p.row(l.label, l.count ? p.paint(l.paint, text) : text);
  }
}

void print_attempts(const Forecast& f, Printer& p, size_t text_width, bool unicode) {
  std::string per_contact =
      f.contacts ? fixed(static_cast<double>(f.attempts) / static_cast<double>(f.contacts), 2) : "-";
  p.row("attempts", grouped_count(f.attempts) + ", " + per_contact + " per contact");
  if (f.contacts_by_attempts.empty()) return;
  std::vector<std::string> items;
  for (const auto& [made, contacts] : f.contacts_by_attempts)
    items.push_back(std::to_string(made) + (unicode ? "×" : "x") + " " + grouped_count(contacts) + " (" +
                    percent(contacts, f.contacts) + ")");
  p.row("per contact", wrapped(items, text_width));
}

// Outcomes in the API's order (kCallOutcomes), then any other the dialer reported; zeros left out.
void print_call_outcomes(const Forecast& f, Printer& p, size_t text_width) {
  uint64_t total = 0;
  for (const auto& [name, n] : f.outcomes) total += n;
  std::vector<std::string> names;
  for (const char* name : api::kCallOutcomes)
    if (f.outcomes.count(name)) names.push_back(name);
  for (const auto& [name, n] : f.outcomes)
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  std::vector<std::string> items;
  for (const std::string& name : names) {
    uint64_t n = f.outcomes.at(name);
    if (n) items.push_back(name + " " + grouped_count(n) + " (" + percent(n, total) + ")");
  }
  p.row("outcomes", items.empty() ? "none (no call was placed)" : wrapped(items, text_width));
}

// Two sparklines sharing one time scale (the same number of cells), their notes aligned after them,
// then the scale.
void print_sparklines(const Forecast& f, Printer& p, size_t width, bool unicode) {
  size_t buckets = std::max(f.line_use.size(), f.completed_by_bucket.size());
  if (buckets == 0) {
    p.row("line use", "(no calls)");
    return;
  }
  double use_sum = 0, use_peak = 0;
  for (double u : f.line_use) use_sum += u, use_peak = std::max(use_peak, u);
  uint64_t done_peak = 0;
  for (uint64_t n : f.completed_by_bucket) done_peak = std::max(done_peak, n);
  std::string use_note = "mean " + fixed(f.line_use.empty() ? 0 : 100 * use_sum / f.line_use.size(), 0) + "%, peak " +
                         fixed(100 * use_peak, 0) + "% of " + grouped_count(f.lines) +
                         (f.lines == 1 ? " line" : " lines");
  std::string done_note = "peak " + grouped_count(done_peak) + " in " + forecast_duration(f.bucket_ms);
  size_t note_width = std::max(use_note.size(), done_note.size());
  size_t room = width > kLabelWidth ? width - kLabelWidth : 1;
  // Narrow terminals keep the lines and drop the notes.
  bool notes = room >= note_width + 2 + 10;
  size_t max_cells = notes ? room - note_width - 2 : room;
  // A mark covers a whole number of buckets (so that "one mark: 4 h" is exact), as few as fit.
  size_t per_cell = (buckets + max_cells - 1) / max_cells;
  size_t cells = (buckets + per_cell - 1) / per_cell;

  // Both series over the same number of buckets, so that a cell is the same time span in each.
  std::vector<double> use(f.line_use.begin(), f.line_use.end()), done;
  use.resize(buckets, 0.0);
  for (uint64_t n : f.completed_by_bucket) done.push_back(static_cast<double>(n));
  done.resize(buckets, 0.0);
  // Padded before it is painted: colour codes take no columns.
  auto with_note = [&](const std::string& line, Paint paint, const std::string& note) {
    return notes ? p.paint(paint, padded_right(line, cells)) + "  " + note : p.paint(paint, line);
  };
  p.row("line use", with_note(sparkline(use, 1.0, per_cell, unicode), Paint::kBold, use_note));
  p.row("completions", with_note(sparkline(done, 0, per_cell, unicode), Paint::kGreen, done_note));

  // The time one mark covers, and where the scale starts.
  std::string scale = "one mark: " + forecast_duration(static_cast<int64_t>(per_cell) * f.bucket_ms) + ", from " +
                      forecast_local_time(f.time_zone, f.started_at);
  if (utf8_length(scale) > room) scale = scale.substr(0, scale.find(", from"));
  if (utf8_length(scale) > room) scale = scale.substr(0, room);  // ASCII
  p.row("", p.paint(Paint::kDim, scale));
}

void print_text(std::ostream& out, const Forecast& f, const ForecastStyle& style) {
  size_t width = std::max(style.width, kMinForecastWidth);
  Printer p(out, style, width);
  size_t text_width = width - kLabelWidth;
  bool utc_fallback = false;
  forecast_wall_clock(f.time_zone, f.started_at, &utc_fallback);
  std::string zone = utc_fallback ? "UTC" : f.time_zone;
  if (utc_fallback && !f.time_zone.empty()) zone += ", unknown time zone " + f.time_zone;

  p.row("program", f.program_name, Paint::kBold, "(times in " + zone + ")", Paint::kReset);
  p.row("contacts", grouped_count(f.contacts) + " on " + grouped_count(f.lines) + (f.lines == 1 ? " line" : " lines"));
  p.row("starts", forecast_local_time(f.time_zone, f.started_at));
  p.row("ends", forecast_local_time(f.time_zone, f.ended_at) + ",", Paint::kReset,
        "after " + forecast_duration(f.ended_at - f.started_at), Paint::kReset);
  print_stop_at(f, p);
  print_auto_paused(f, p);
  print_contact_outcomes(f, p);
  print_attempts(f, p, text_width, style.unicode);
  print_call_outcomes(f, p, text_width);
  int64_t paused_ms = static_cast<int64_t>(std::llround(
      std::clamp(f.paused_share, 0.0, 1.0) * static_cast<double>(std::max<int64_t>(0, f.ended_at - f.started_at))));
  p.row("paused", fixed(100 * std::clamp(f.paused_share, 0.0, 1.0), 1) + "% of the run (" +
                      forecast_duration(paused_ms) + ", in pause windows)");
  print_sparklines(f, p, width, style.unicode);
  if (f.wall_seconds > 0) p.row("", p.paint(Paint::kDim, "simulated in " + fixed(f.wall_seconds, 1) + " s"));
}

double rounded(double value, double unit) { return std::round(value / unit) * unit; }

json forecast_json(const Forecast& f) {
  json by_attempts = json::object();
  for (const auto& [made, n] : f.contacts_by_attempts) by_attempts[std::to_string(made)] = n;
  json outcomes = json::object();
  for (const auto& [name, n] : f.outcomes) outcomes[name] = n;
  json line_use = json::array();
  for (double u : f.line_use) line_use.push_back(rounded(u, 1e-4));
  json pauses = json::array();
  for (const auto& s : f.pauses) pauses.push_back({{"from", iso_time(s.from)}, {"to", iso_time(s.to)}});
  json j = {
      {"program", f.program_name},
      {"timeZone", f.time_zone},
      {"contacts", f.contacts},
      {"lines", f.lines},
      {"startedAt", iso_time(f.started_at)},
      {"endedAt", iso_time(f.ended_at)},
      {"durationSeconds", std::max<int64_t>(0, f.ended_at - f.started_at) / 1000},
      {"stopAt", f.stop_at ? json(iso_time(*f.stop_at)) : json(nullptr)},
      {"endsBeforeStopAtSeconds", f.stop_at ? json((*f.stop_at - f.ended_at) / 1000) : json(nullptr)},
      {"stoppedByStopAt", f.stopped_by_stop_at},
      {"autoPaused", f.auto_paused ? json({{"nodeId", f.auto_paused->node_id},
                                           {"threshold", f.auto_paused->threshold},
                                           {"at", iso_time(f.auto_paused->at)}})
                                   : json(nullptr)},
      {"completed", f.completed},
      {"failed", f.failed},
      {"notReached", f.not_reached},
      {"attempts", f.attempts},
      {"attemptsPerContact",
       f.contacts ? json(rounded(static_cast<double>(f.attempts) / static_cast<double>(f.contacts), 1e-4)) : json(0)},
      {"contactsByAttempts", by_attempts},
      {"outcomes", outcomes},
      {"pausedShare", rounded(f.paused_share, 1e-4)},
      {"pauses", pauses},
      {"bucketSeconds", f.bucket_ms / 1000.0},
      {"lineUse", line_use},
      {"completedByBucket", f.completed_by_bucket},
      {"wallSeconds", rounded(f.wall_seconds, 1e-3)},
  };
  return j;
}

}  // namespace

const char* weekday_name(int weekday) {
  static const char* const kNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return weekday >= 0 && weekday < 7 ? kNames[weekday] : "?";
}

ext::LocalTime forecast_wall_clock(const std::string& zone, campaign::EpochMillis at, bool* utc_fallback) {
  using namespace std::chrono;
  // Floor to the second (before 1970 too), as a wall clock shows it.
  sys_seconds t{seconds{at >= 0 ? at / 1000 : -((-at + 999) / 1000)}};
  if (!zone.empty()) {
    if (auto local = ext::local_time(zone, t)) {
      if (utc_fallback) *utc_fallback = false;
      return *local;
    }
  }
  if (utc_fallback) *utc_fallback = true;
  sys_days day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss<seconds> hms{t - day};
  ext::LocalTime lt;
  lt.year = static_cast<int>(ymd.year());
  lt.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  lt.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  lt.weekday = static_cast<int>(weekday{day}.c_encoding());
  lt.hour = static_cast<int>(hms.hours().count());
  lt.minute = static_cast<int>(hms.minutes().count());
  lt.second = static_cast<int>(hms.seconds().count());
  return lt;
}

bool parse_forecast_format(const std::string& name, ForecastFormat* out) {
  if (name == "text" || name == "table") *out = ForecastFormat::kText;
  else if (name == "json") *out = ForecastFormat::kJson;
  else if (name == "yaml") *out = ForecastFormat::kYaml;
  else return false;
  return true;
}

std::string grouped_count(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string forecast_duration(int64_t ms) {
  int64_t s = std::max<int64_t>(0, ms) / 1000;
  auto two = [](int64_t big, const char* big_unit, int64_t small, const char* small_unit) {
    std::string text = std::to_string(big) + " " + big_unit;
    if (small) text += " " + std::to_string(small) + " " + small_unit;
    return text;
  };
  if (s >= 86400) return two(s / 86400, "d", s % 86400 / 3600, "h");
  if (s >= 3600) return two(s / 3600, "h", s % 3600 / 60, "min");
  if (s >= 60) return two(s / 60, "min", 0, "");
  return std::to_string(s) + " s";
}

std::string forecast_local_time(const std::string& zone, campaign::EpochMillis at) {
  return wall_text(forecast_wall_clock(zone, at));
}

std::string sparkline(const std::vector<double>& values, double max, size_t per_cell, bool unicode) {
  static const char* const kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  static const char* const kAscii[] = {"_", ".", "-", "=", "#"};
  if (values.empty()) return "";
  per_cell = std::max<size_t>(per_cell, 1);
  std::vector<double> cell;
  for (size_t from = 0; from < values.size(); from += per_cell) {
    size_t to = std::min(values.size(), from + per_cell);
    double sum = 0;
    for (size_t i = from; i < to; ++i) sum += std::isfinite(values[i]) ? values[i] : 0.0;
    cell.push_back(sum / static_cast<double>(to - from));
  }
  double full = max > 0 ? max : *std::max_element(cell.begin(), cell.end());
  const int levels = unicode ? 8 : 5;
  std::string out;
  for (double v : cell) {
    if (!(v > 0) || !(full > 0)) {
      out += ' ';
      continue;
    }
    double share = std::min(v / full, 1.0);
    int level = std::clamp(static_cast<int>(std::ceil(share * levels)) - 1, 0, levels - 1);
    out += unicode ? kBlocks[level] : kAscii[level];
  }
  return out;
}

void print_forecast(std::ostream& out, const Forecast& forecast, const ForecastStyle& style) {
  if (style.format == ForecastFormat::kText) {
    print_text(out, forecast, style);
    return;
  }
  ResourcePrintOptions options;
  options.format = style.format == ForecastFormat::kYaml ? "yaml" : "json";
  print_resources(out, forecast_json(forecast), {}, options);
}

}  // namespace gomo::report

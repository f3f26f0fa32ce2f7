#pragma once
// How `gomo program simulate` shows a forecast (campaign::Forecast): a text summary a campaign manager
// reads in ten seconds, with sparklines of line use and completions; the same figures as json or yaml
// for scripts; and a standalone SVG chart (--plot FILE.svg). Reporters only format: nothing here runs
// the simulation. docs/forecast.md says what each figure means.
//
// Local times are the forecast's time_zone's (ext/time_zone.h; the first call loads the network
// module). An empty or unknown zone falls back to UTC, and the output says "UTC".
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "campaign/forecast.h"

namespace gomo::report {

enum class ForecastFormat { kText, kJson, kYaml };
// Parses text|table|json|yaml ("table" is text); false on anything else, `out` untouched.
bool parse_forecast_format(const std::string& name, ForecastFormat* out);

struct ForecastStyle {
  ForecastFormat format = ForecastFormat::kText;
  // Text only. Terminal columns the summary fits in (the sparklines take what the labels leave, and
  // remarks move to a line of their own); default 80; below kMinForecastWidth (60) the summary is laid
  // out for kMinForecastWidth.
  size_t width = 80;
  bool color = false;  // ANSI colours (report/colour.h); the caller decides (NO_COLOR, isatty, ...)
  bool unicode = true;  // sparklines in block elements (▁▂▃▄▅▆▇█); false: ASCII " _.-=#" for non-UTF-8 terminals
};
inline constexpr size_t kMinForecastWidth = 60;

// The forecast in `style.format`. Text: several lines, each at most `style.width` columns (labels,
// counts and program names are what they are: a very long program name may still overflow). Json and
// yaml: one object, the figures in camelCase (docs/forecast.md lists them), instants as ISO UTC.
// Never divides by zero: 0 contacts, 0 lines, 0 attempts and empty buckets print as such.
void print_forecast(std::ostream& out, const campaign::Forecast& forecast, const ForecastStyle& style);

// A standalone SVG 1.1 document (UTF-8, valid XML): line use over time as an area and cumulative
// completions as a line, on a time axis with local day/hour ticks, pause windows shaded, stopAt marked,
// a title and a legend. Text from the forecast (the program name) is escaped.
void write_forecast_svg(std::ostream& out, const campaign::Forecast& forecast);

// Helpers the summary and the chart share, exposed for tests.

// "12,345": counts grouped by thousands, as gomo prints counts elsewhere.
std::string grouped_count(uint64_t n);

// A duration in its two largest units, rounded down: "2 d 3 h", "5 h 20 min", "12 min", "40 s", "0 s"
// (negative is 0 s). `ms` in milliseconds.
std::string forecast_duration(int64_t ms);

// `at` (UTC milliseconds) on the wall clock of `zone`: "Mon 2026-03-02 09:00"; UTC when the zone is
// empty or unknown.
std::string forecast_local_time(const std::string& zone, campaign::EpochMillis at);

// One sparkline of `values`: a mark per `per_cell` consecutive values (0 counts as 1; the last mark takes
// what is left), their mean. Levels scale 0..`max` (max <= 0: 0..the largest mark); 0 (and NaN) is a
// blank so that pauses show as gaps; anything above 0 gets at least the lowest mark. `unicode`:
// ▁▂▃▄▅▆▇█ (3 bytes each, one column); otherwise _.-=# (one byte each).
std::string sparkline(const std::vector<double>& values, double max, size_t per_cell, bool unicode);

}  // namespace gomo::report

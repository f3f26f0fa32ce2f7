// overlapping-pause-windows: two pause windows of one weekday (a window spanning midnight counts on
// the next day too), or two pause ranges, that overlap. The platform takes their union; the file is
// clearer with one window, and an overlap is often a typo.
#include <algorithm>

#include "api/validate_programs.h"
#include "programs/rules.h"

namespace gomo::programs {

extern const ProgramRule kRuleOverlappingPauseWindows;

namespace {

struct Segment {
  int day;                         // index in api::kWeekdays
  int begin, end;                  // minutes of that day, [begin, end)
  const document::Value* window;   // the window as written
  const std::string* written_day;  // the key it was written under
};

std::string span_text(const document::Value& window) {
  return std::string(window.string_at("startAt")) + "-" + std::string(window.string_at("endAt"));
}

std::string position(const document::Value& v) {
  return std::to_string(v.begin.line) + ":" + std::to_string(v.begin.col);
}

void check_weekdays(const document::Value& windows, ProgramReporter& out) {
  std::vector<Segment> segments;
  for (const auto& m : windows.members) {
    const auto* day = std::find_if(std::begin(api::kWeekdays), std::end(api::kWeekdays),
                                   [&](const char* d) { return m.key.text == d; });
    if (day == std::end(api::kWeekdays) || !m.value.is_sequence()) continue;
    const int d = static_cast<int>(day - std::begin(api::kWeekdays));
    for (const auto& item : m.value.items) {
      auto s = parse_time_of_day(item.string_at("startAt")), e = parse_time_of_day(item.string_at("endAt"));
      if (!s || !e || *s == *e) continue;  // bad-time, inverted-pause-window
      const int b = s->hour * 60 + s->minute, f = e->hour * 60 + e->minute;
      if (b < f) {
        segments.push_back({d, b, f, &item, &m.key.text});
      } else {  // spans midnight: the evening of this day and the morning of the next
        segments.push_back({d, b, 24 * 60, &item, &m.key.text});
        if (f > 0) segments.push_back({(d + 1) % 7, 0, f, &item, &m.key.text});
      }
    }
  }
  for (size_t i = 0; i < segments.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      const Segment &a = segments[j], &b = segments[i];
      if (a.day != b.day || a.window == b.window || a.begin >= b.end || b.begin >= a.end) continue;
      std::string other = *a.written_day + " " + span_text(*a.window) + " at " + position(*a.window);
      if (*a.written_day != api::kWeekdays[a.day])
        other += ", which spans midnight into " + std::string(api::kWeekdays[a.day]);
      out.report(kRuleOverlappingPauseWindows, *b.window,
                 *b.written_day + " pause window " + span_text(*b.window) + " overlaps " + other +
                     "; merge them into one window");
      break;  // one finding per window
    }
  }
}

void check_ranges(const document::Value& ranges, ProgramReporter& out) {
  struct Range {
    long long begin, end;
    const document::Value* at;
  };
  std::vector<Range> parsed;
  for (const auto& item : ranges.items) {
    auto s = api::parse_iso_instant_ms(std::string(item.string_at("startAt")));
    auto e = api::parse_iso_instant_ms(std::string(item.string_at("endAt")));
    if (s && e && *s < *e) parsed.push_back({*s, *e, &item});
  }
  for (size_t i = 0; i < parsed.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (parsed[j].begin >= parsed[i].end || parsed[i].begin >= parsed[j].end) continue;
      out.report(kRuleOverlappingPauseWindows, *parsed[i].at,
                 "pause range " + std::string(parsed[i].at->string_at("startAt")) + " to " +
                     std::string(parsed[i].at->string_at("endAt")) + " overlaps the range at " +
                     position(*parsed[j].at) + "; merge them into one range");
      break;
    }
  }
}

void check_overlapping_pause_windows(const ProgramContext& ctx, ProgramReporter& out) {
  if (!ctx.file.pause_windows) return;
  check_weekdays(*ctx.file.pause_windows, out);
  if (const auto* advanced = ctx.file.pause_windows->find("advanced"); advanced && advanced->is_sequence())
    check_ranges(*advanced, out);
}

}  // namespace

const ProgramRule kRuleOverlappingPauseWindows = {
    "overlapping-pause-windows", diag::Severity::kError,
    "Two pause windows of one weekday, or two pause ranges, overlap; merge them.", check_overlapping_pause_windows};

}  // namespace gomo::programs

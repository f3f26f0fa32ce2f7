#pragma once
// Pause windows on the organisation's wall clock (Gomobile docs: Pause windows): weekly windows per
// weekday plus `advanced` ISO ranges (holidays). No call or retry starts inside one; nobody is skipped,
// only delayed to the window's end.
//
// Wall-clock semantics: a weekly window covers the instants from its start's first occurrence to its
// end's last one on that local date (a start skipped by a DST gap begins at the gap's end; an end in
// an hour repeated when clocks go back ends at the second occurrence). A window whose end is before its
// start runs past midnight into the next day; start == end is empty. The edges of a local day are
// computed once (a few calls into the time-zone module) and cached, so asking for every call is cheap.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "api/programs.h"
#include "base/status.h"

namespace gomo::schedule {

using EpochMillis = int64_t;  // milliseconds since 1970-01-01T00:00:00Z

// No allowed instant within the search horizon (every hour of the week paused): calls never start.
inline constexpr EpochMillis kNever = INT64_MAX;

class Calendar {
 public:
  // Fails when `zone` is not an IANA zone of the system's database or an advanced range is not two ISO
  // instants with a timezone, start before end. Windows need not be sorted or disjoint.
  static Result<Calendar> make(const api::PauseWindows& windows, std::string zone);

  // `t` itself when no window or range covers it; otherwise the end of the covering one, repeated while
  // that end falls into another window or range. kNever when the search passes two years.
  // Not thread-safe: the day cache is filled on demand.
  EpochMillis next_allowed(EpochMillis t) const;
  bool paused_at(EpochMillis t) const;

  Calendar(Calendar&&) = default;  // the day cache's nodes move with it
  Calendar& operator=(Calendar&&) = default;
  Calendar(const Calendar&) = delete;
  Calendar& operator=(const Calendar&) = delete;

  const std::string& zone() const { return zone_; }
  bool empty() const { return weekly_empty_ && ranges_.empty(); }

 private:
  struct Interval {
    EpochMillis start, end;  // [start, end)
  };
  // One local date: its bounds as instants and the weekly windows that cover any part of it (its own,
  // and the previous date's that run past midnight).
  struct Day {
    EpochMillis begin = 0, end = 0;
    std::vector<Interval> paused;
  };
  Calendar() = default;
  const Day& day_of(EpochMillis t) const;
  Day build_day(EpochMillis t) const;
  // The end of the weekly window or advanced range covering t, or t.
  EpochMillis covering_end(EpochMillis t) const;

  std::string zone_;
  std::vector<std::vector<api::PauseWindow>> weekly_;  // by weekday, 0 = Sunday
  bool weekly_empty_ = true;
  std::vector<Interval> ranges_;             // advanced, sorted and merged
  mutable std::map<EpochMillis, Day> days_;  // by begin
  mutable const Day* last_ = nullptr;        // the last day asked for: most lookups hit it
};

}  // namespace gomo::schedule

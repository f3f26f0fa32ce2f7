#include "schedule/calendar.h"

#include <algorithm>
#include <chrono>

#include "api/validate_programs.h"
#include "ext/time_zone.h"

namespace gomo::schedule {

namespace {

constexpr EpochMillis kDayMs = 86'400'000;
constexpr EpochMillis kHorizonMs = 2 * 366 * kDayMs;

EpochMillis to_ms(ext::SysSeconds s) { return static_cast<EpochMillis>(s.time_since_epoch().count()) * 1000; }

ext::SysSeconds to_seconds(EpochMillis t) {
  // Floor, so that an instant before 1970 still falls in its own second.
  EpochMillis s = t >= 0 ? t / 1000 : -((-t + 999) / 1000);
  return ext::SysSeconds(std::chrono::seconds(s));
}

int weekday_index(const std::string& name) {
  for (int i = 0; i < 7; ++i)
    if (name == api::kWeekdays[i]) return i;
  return -1;
}

struct Date {
  int year, month, day;
};

Date add_days(Date d, int n) {
  using namespace std::chrono;
  year_month_day ymd{
      sys_days{year{d.year} / month{static_cast<unsigned>(d.month)} / day{static_cast<unsigned>(d.day)}} + days{n}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// When the wall clock shows `d` hour:minute: the first occurrence (`last` = false) or the last one.
// A time skipped by a DST gap is reached at the gap's end.
EpochMillis wall(const std::string& zone, Date d, int hour, int minute, bool last) {
  auto r = ext::resolve_wall_clock(zone, {d.year, d.month, d.day, hour, minute, 0});
  if (!r) return 0;  // unreachable for a known zone and a valid date
  return to_ms(last ? r->latest : r->earliest);
}

}  // namespace

Result<Calendar> Calendar::make(const api::PauseWindows& windows, std::string zone) {
  if (!ext::is_known_time_zone(zone))
    return Status::invalid_argument("unknown time zone `" + zone +
                                    "`: expected an IANA name such as Africa/Casablanca or Europe/Paris");
  Calendar c;
  c.zone_ = std::move(zone);
  c.weekly_.resize(7);
  for (const auto& [name, list] : windows.days) {
    int wd = weekday_index(name);
    if (wd < 0) return Status::invalid_argument("pause windows: unknown weekday `" + name + "`");
    for (const auto& w : list) {
      if (w.start_at == w.end_at) continue;  // empty
      c.weekly_[wd].push_back(w);
      c.weekly_empty_ = false;
    }
  }
  for (const auto& r : windows.advanced) {
    auto start = api::parse_iso_instant_ms(r.start_at), end = api::parse_iso_instant_ms(r.end_at);
    if (!start || !end || *end <= *start)
      return Status::invalid_argument("pause windows: advanced range " + r.start_at + " .. " + r.end_at +
                                      " must be two ISO 8601 instants with a timezone, start before end");
    c.ranges_.push_back({*start, *end});
  }
  std::sort(c.ranges_.begin(), c.ranges_.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
  std::vector<Interval> merged;
  for (const auto& r : c.ranges_) {
    if (!merged.empty() && r.start <= merged.back().end) merged.back().end = std::max(merged.back().end, r.end);
    else merged.push_back(r);
  }
  c.ranges_ = std::move(merged);
  return c;
}

Calendar::Day Calendar::build_day(EpochMillis t) const {
  auto local = ext::local_time(zone_, to_seconds(t));
  Day day;
  if (!local) {  // the zone was known at make(): only a vanished database gets here; treat as unpaused
    day.begin = t - t % kDayMs;
    day.end = day.begin + kDayMs;
    return day;
  }
  const Date today{local->year, local->month, local->day};
  const Date yesterday = add_days(today, -1), tomorrow = add_days(today, 1);
  day.begin = wall(zone_, today, 0, 0, false);
  day.end = wall(zone_, tomorrow, 0, 0, false);
  // Windows of `date` (weekday wd) as instants; those running past midnight end on the next date.
  auto add = [&](Date date, int wd, bool only_past_midnight) {
    for (const auto& w : weekly_[wd]) {
      const bool past_midnight = w.end_at.hour * 60 + w.end_at.minute < w.start_at.hour * 60 + w.start_at.minute;
      if (only_past_midnight && !past_midnight) continue;
      Interval i{wall(zone_, date, w.start_at.hour, w.start_at.minute, false),
                 wall(zone_, past_midnight ? add_days(date, 1) : date, w.end_at.hour, w.end_at.minute, true)};
      if (i.end > i.start) day.paused.push_back(i);
    }
  };
  add(yesterday, (local->weekday + 6) % 7, true);
  add(today, local->weekday, false);
  std::sort(day.paused.begin(), day.paused.end(),
            [](const Interval& a, const Interval& b) { return a.start < b.start; });
  return day;
}

const Calendar::Day& Calendar::day_of(EpochMillis t) const {
  if (last_ && t >= last_->begin && t < last_->end) return *last_;
  auto it = days_.upper_bound(t);
  if (it != days_.begin()) {
    auto prev = std::prev(it);
    if (t < prev->second.end) return *(last_ = &prev->second);
  }
  Day d = build_day(t);
  EpochMillis begin = d.begin;
  return *(last_ = &days_.insert_or_assign(begin, std::move(d)).first->second);
}

EpochMillis Calendar::covering_end(EpochMillis t) const {
  if (!weekly_empty_) {
    for (const auto& i : day_of(t).paused)
      if (t >= i.start && t < i.end) return i.end;
  }
  if (!ranges_.empty()) {
    auto it = std::upper_bound(ranges_.begin(), ranges_.end(), t,
                               [](EpochMillis v, const Interval& r) { return v < r.start; });
    if (it != ranges_.begin() && t < std::prev(it)->end) return std::prev(it)->end;
  }
  return t;
}

bool Calendar::paused_at(EpochMillis t) const { return covering_end(t) != t; }

EpochMillis Calendar::next_allowed(EpochMillis t) const {
  const EpochMillis limit = t + kHorizonMs;
  for (;;) {
    EpochMillis end = covering_end(t);
    if (end == t) return t;
    if (end >= limit) return kNever;
    t = end;
  }
}

}  // namespace gomo::schedule

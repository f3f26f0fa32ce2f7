// IANA time zones through date/tz (base/time_zone.h).
#include "base/time_zone.h"

#include <date/tz.h>

#include <algorithm>
#include <exception>

namespace gomo {
namespace {

using std::chrono::seconds;

// The zone called `name`, or null. date/tz throws for unknown names (locate_zone) and when the machine
// has no tz database (get_tzdb); both mean "no such zone" here, so look the name up without throwing
// and keep the one catch for the database itself. The pointer lives as long as the program.
const date::time_zone* find_zone(std::string_view name) {
  // "localtime" is a file in Debian's zoneinfo (the machine's zone); it names no zone a user means.
  if (name.empty() || name == "localtime") return nullptr;
  try {
    const date::tzdb& db = date::get_tzdb();
    auto by_name = [](const date::time_zone& z, std::string_view n) { return z.name() < n; };
    auto it = std::lower_bound(db.zones.begin(), db.zones.end(), name, by_name);
    // Debian builds date-tz with USE_OS_TZDB=1: links (Asia/Calcutta) are files there, listed as zones.
    if (it != db.zones.end() && it->name() == name) return &*it;
  } catch (const std::exception&) {}
  return nullptr;
}

// Zone files are read lazily, so a lookup that reads one can fail on a truncated or unreadable file.
template <typename F>
auto guarded(F&& f) -> std::optional<decltype(f())> {
  try {
    return f();
  } catch (const std::exception&) { return std::nullopt; }
}

}  // namespace

bool is_known_time_zone(std::string_view name) { return find_zone(name) != nullptr; }

const std::vector<std::string>& time_zone_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    try {
      const date::tzdb& db = date::get_tzdb();
      for (const date::time_zone& z : db.zones)
        if (z.name() != "localtime") out.push_back(z.name());
    } catch (const std::exception&) {}
    std::sort(out.begin(), out.end());
    return out;
  }();
  return names;
}

std::optional<long> utc_offset_seconds(std::string_view zone, SysSeconds t) {
  const date::time_zone* z = find_zone(zone);
  if (!z) return std::nullopt;
  return guarded([&] { return static_cast<long>(z->get_info(t).offset.count()); });
}

std::optional<LocalTime> local_time(std::string_view zone, SysSeconds t) {
  const date::time_zone* z = find_zone(zone);
  if (!z) return std::nullopt;
  return guarded([&] {
    date::sys_info info = z->get_info(t);
    auto local = t + info.offset;  // the wall clock's reading, counted like an instant
    auto day = date::floor<date::days>(local);
    date::year_month_day ymd{day};
    date::hh_mm_ss<seconds> time{local - day};
    LocalTime out;
    out.year = static_cast<int>(ymd.year());
    out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    out.weekday = static_cast<int>(date::weekday{day}.c_encoding());
    out.hour = static_cast<int>(time.hours().count());
    out.minute = static_cast<int>(time.minutes().count());
    out.second = static_cast<int>(time.seconds().count());
    out.utc_offset_seconds = static_cast<long>(info.offset.count());
    out.dst = info.save != std::chrono::minutes(0);
    return out;
  });
}

std::optional<ResolvedWallClock> resolve_wall_clock(std::string_view zone, const WallClock& wall) {
  date::year_month_day ymd = date::year{wall.year} / wall.month / wall.day;
  if (!ymd.ok() || wall.hour < 0 || wall.hour > 23 || wall.minute < 0 || wall.minute > 59 || wall.second < 0 ||
      wall.second > 59)
    return std::nullopt;
  const date::time_zone* z = find_zone(zone);
  if (!z) return std::nullopt;
  date::local_seconds local =
      date::local_days{ymd} + std::chrono::hours(wall.hour) + std::chrono::minutes(wall.minute) + seconds(wall.second);
  auto found = guarded([&] { return z->get_info(local); });
  if (!found) return std::nullopt;
  const date::local_info& info = *found;
  auto at = [&](const date::sys_info& in_force) { return SysSeconds{local.time_since_epoch() - in_force.offset}; };
  ResolvedWallClock out;
  switch (info.result) {
    case date::local_info::unique:
      out.kind = WallClockKind::kUnique;
      out.earliest = out.latest = at(info.first);
      break;
    case date::local_info::nonexistent:
      out.kind = WallClockKind::kSkipped;
      out.earliest = out.latest = info.second.begin;  // the transition that jumped over it
      break;
    case date::local_info::ambiguous:
      out.kind = WallClockKind::kRepeated;
      out.earliest = at(info.first);
      out.latest = at(info.second);
      break;
  }
  return out;
}

std::optional<SysSeconds> next_wall_time(std::string_view zone, SysSeconds from, int hour, int minute) {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  auto now = local_time(zone, from);
  if (!now) return std::nullopt;
  // Start the day before `from`'s local date: a zone whose clocks go back across midnight repeats the
  // end of the previous day after `from`. Three days on covers any gap (Samoa skipped a whole day).
  date::sys_days today{date::year{now->year} / now->month / now->day};
  for (int i = -1; i <= 3; ++i) {
    date::year_month_day ymd{today + date::days(i)};
    WallClock wall{static_cast<int>(ymd.year()),
                   static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day())),
                   hour,
                   minute,
                   0};
    auto r = resolve_wall_clock(zone, wall);
    if (!r) return std::nullopt;
    if (r->earliest >= from) return r->earliest;
    if (r->latest >= from) return r->latest;
  }
  return std::nullopt;
}

}  // namespace gomo

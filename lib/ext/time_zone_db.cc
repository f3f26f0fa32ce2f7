// Inside the module: IANA time zones through Howard Hinnant's date/tz, as Debian builds it (USE_OS_TZDB=1:
// the system's /usr/share/zoneinfo, package tzdata, read lazily). Fills the tz_* entries of the C table
// (module_abi.h); ext/time_zone.cc is the binary's side. date-tz is a shared library only (Debian ships no
// archive) and uses the system's libstdc++, so it lives here, not in the binary: every exception it
// throws is caught in this file.
#include <date/tz.h>

#include <algorithm>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "ext/module_parts.h"

namespace gomo::ext::inside {
namespace {

using std::chrono::seconds;
using Instant = date::sys_seconds;

std::string_view view(gomo_ext_str s) { return {s.data, s.size}; }

// The zone called `name`, or null. date/tz throws for unknown names (locate_zone) and when the machine
// has no tz database (get_tzdb); both mean "no such zone" here, so look the name up without throwing
// and keep the one catch for the database itself. The pointer lives as long as the process.
const date::time_zone* find_zone(std::string_view name) {
  // "localtime" is a file in Debian's zoneinfo (the machine's zone); it names no zone a user means.
  if (name.empty() || name == "localtime") return nullptr;
  try {
    const date::tzdb& db = date::get_tzdb();
    auto by_name = [](const date::time_zone& z, std::string_view n) { return z.name() < n; };
    auto it = std::lower_bound(db.zones.begin(), db.zones.end(), name, by_name);
    // USE_OS_TZDB=1: links (Asia/Calcutta) are files there, listed as zones.
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

std::optional<gomo_ext_local_time> local_time(std::string_view zone, Instant t) {
  const date::time_zone* z = find_zone(zone);
  if (!z) return std::nullopt;
  return guarded([&] {
    date::sys_info info = z->get_info(t);
    auto local = t + info.offset;  // the wall clock's reading, counted like an instant
    auto day = date::floor<date::days>(local);
    date::year_month_day ymd{day};
    date::hh_mm_ss<seconds> time{local - day};
    gomo_ext_local_time out{};
    out.year = static_cast<int>(ymd.year());
    out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    out.weekday = static_cast<int>(date::weekday{day}.c_encoding());
    out.hour = static_cast<int>(time.hours().count());
    out.minute = static_cast<int>(time.minutes().count());
    out.second = static_cast<int>(time.seconds().count());
    out.utc_offset_seconds = static_cast<int64_t>(info.offset.count());
    out.dst = info.save != std::chrono::minutes(0);
    return out;
  });
}

std::optional<gomo_ext_resolved_wall_clock> resolve(std::string_view zone, const gomo_ext_wall_clock& wall) {
  date::year_month_day ymd = date::year{wall.year} / wall.month / wall.day;
  if (wall.month < 1 || wall.day < 1 || !ymd.ok() || wall.hour < 0 || wall.hour > 23 || wall.minute < 0 ||
      wall.minute > 59 || wall.second < 0 || wall.second > 59)
    return std::nullopt;
  const date::time_zone* z = find_zone(zone);
  if (!z) return std::nullopt;
  date::local_seconds local =
      date::local_days{ymd} + std::chrono::hours(wall.hour) + std::chrono::minutes(wall.minute) + seconds(wall.second);
  auto found = guarded([&] { return z->get_info(local); });
  if (!found) return std::nullopt;
  const date::local_info& info = *found;
  auto at = [&](const date::sys_info& in_force) {
    return static_cast<int64_t>((local.time_since_epoch() - in_force.offset).count());
  };
  gomo_ext_resolved_wall_clock out{};
  switch (info.result) {
    case date::local_info::unique:
      out.kind = GOMO_EXT_WALL_UNIQUE;
      out.earliest = out.latest = at(info.first);
      break;
    case date::local_info::nonexistent:
      out.kind = GOMO_EXT_WALL_SKIPPED;  // the instant the clock jumped over it: the gap's end
      out.earliest = out.latest = static_cast<int64_t>(info.second.begin.time_since_epoch().count());
      break;
    case date::local_info::ambiguous:
      out.kind = GOMO_EXT_WALL_REPEATED;
      out.earliest = at(info.first);
      out.latest = at(info.second);
      break;
  }
  return out;
}

std::optional<int64_t> next_wall_time(std::string_view zone, Instant from, int hour, int minute) {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  auto now = local_time(zone, from);
  if (!now) return std::nullopt;
  const int64_t from_s = from.time_since_epoch().count();
  // Start the day before `from`'s local date: a zone whose clocks go back across midnight repeats the
  // end of the previous day after `from`. Three days on covers any gap (Samoa skipped a whole day).
  date::sys_days today{date::year{now->year} / now->month / now->day};
  for (int i = -1; i <= 3; ++i) {
    date::year_month_day ymd{today + date::days(i)};
    gomo_ext_wall_clock wall{static_cast<int>(ymd.year()),
                             static_cast<int>(static_cast<unsigned>(ymd.month())),
                             static_cast<int>(static_cast<unsigned>(ymd.day())),
                             hour,
                             minute,
                             0};
    auto r = resolve(zone, wall);
    if (!r) return std::nullopt;
    if (r->earliest >= from_s) return r->earliest;
    if (r->latest >= from_s) return r->latest;
  }
  return std::nullopt;
}

// ---- the C entries ----

int tz_is_known(gomo_ext_str name) { return find_zone(view(name)) != nullptr; }

void tz_names(void* user, gomo_ext_text_fn each) {
  try {
    for (const date::time_zone& z : date::get_tzdb().zones)
      if (z.name() != "localtime") each(user, GOMO_EXT_TZ_NAME, z.name().data(), z.name().size());
  } catch (const std::exception&) {}  // no tz database: no names
}

int tz_local_time(gomo_ext_str zone, int64_t t, gomo_ext_local_time* out) {
  auto r = local_time(view(zone), Instant{seconds(t)});
  if (r) *out = *r;
  return r.has_value();
}

int tz_resolve_wall_clock(gomo_ext_str zone, const gomo_ext_wall_clock* wall, gomo_ext_resolved_wall_clock* out) {
  auto r = resolve(view(zone), *wall);
  if (r) *out = *r;
  return r.has_value();
}

int tz_next_wall_time(gomo_ext_str zone, int64_t from, int hour, int minute, int64_t* out) {
  auto r = next_wall_time(view(zone), Instant{seconds(from)}, hour, minute);
  if (r) *out = *r;
  return r.has_value();
}

}  // namespace

std::string date_tz_library() { return std::string("date-tz ") + GOMO_DATE_VERSION; }

void add_time_zones(gomo_ext_abi& abi) {
  abi.tz_is_known = tz_is_known;
  abi.tz_names = tz_names;
  abi.tz_local_time = tz_local_time;
  abi.tz_resolve_wall_clock = tz_resolve_wall_clock;
  abi.tz_next_wall_time = tz_next_wall_time;
}

}  // namespace gomo::ext::inside

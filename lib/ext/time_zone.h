#pragma once
// IANA time zones ("Africa/Casablanca", "Europe/Paris") from the system's tz database (Debian's tzdata in
// /usr/share/zoneinfo), through Howard Hinnant's date/tz in its OS-database mode (Debian's libdate-tz).
// date-tz is a shared library with the system's libstdc++, so it lives in the network module
// (module_abi.h's tz_* entries, time_zone_db.cc) and these wrappers (time_zone.cc) call it there: the
// binary loads it, and date-tz, only when a command first asks for a zone.
//
// Cost: nothing until a function here is called. The first call loads the module (ext::module(), a few
// ms) and lists the database's directory once (about 600 names, one stat each, ~2 ms); a zone's file is
// read the first time an instant in that zone is asked for. All functions are thread-safe. None throws:
// an unknown zone, or a machine without tzdata, gives false / nothing. A module that cannot load gives
// nothing too here; the CLI's load-failure handler (ext/load.h) has already reported it and exited 70.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gomo::ext {

using SysSeconds = std::chrono::sys_seconds;  // an instant: seconds since 1970-01-01T00:00:00Z

// True when `name` names a zone or a link of the database ("Africa/Casablanca", "UTC", "Asia/Calcutta").
// Case-sensitive. "localtime" (the machine's own zone, whatever it is) is not a name a file may use.
// A name whose zone file is there (/usr/share/zoneinfo/NAME, a TZif file) is answered from the file
// without loading the module (a few stat and read calls); anything else asks the module.
bool is_known_time_zone(std::string_view name);

// Every zone and link name of the database, sorted (for "did you mean"); empty without a tz database.
const std::vector<std::string>& time_zone_names();

// UTC offset of `zone` at instant `t`, in seconds: local = UTC + offset (Europe/Paris in July: 7200).
// Nothing for an unknown zone.
std::optional<long> utc_offset_seconds(std::string_view zone, SysSeconds t);

// An instant as a zone's wall clock shows it.
struct LocalTime {
  int year = 1970;
  int month = 1;    // 1-12
  int day = 1;      // 1-31
  int weekday = 4;  // 0 = Sunday ... 6 = Saturday (the API's kWeekdays order)
  int hour = 0;     // 0-23
  int minute = 0;
  int second = 0;
  long utc_offset_seconds = 0;  // local = UTC + this
  bool dst = false;             // a daylight-saving rule is in force (Casablanca's Ramadan +00 counts too)
  int minute_of_day() const { return hour * 60 + minute; }
};

// `t` on the wall clock of `zone`. Nothing for an unknown zone.
std::optional<LocalTime> local_time(std::string_view zone, SysSeconds t);

// A date and wall-clock time in some zone, as a person writes it (no offset).
struct WallClock {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31 (an invalid date gives nothing)
  int hour = 0;   // 0-23
  int minute = 0;
  int second = 0;
};

// How often a wall-clock time happens in a zone: once; never (it falls in the gap when clocks go forward,
// e.g. 02:30 in Paris on the last Sunday of March); or twice (the hour repeated when clocks go back).
enum class WallClockKind { kUnique, kSkipped, kRepeated };  // the values of GOMO_EXT_WALL_*

struct ResolvedWallClock {
  WallClockKind kind = WallClockKind::kUnique;
  // kUnique: the instant. kRepeated: the first of the two. kSkipped: the end of the gap, the instant the
  // clock jumped over this time (Paris 2026-03-29 02:30 -> 01:00:00Z, when 02:00 became 03:00).
  SysSeconds earliest;
  SysSeconds latest;  // kRepeated: the second of the two; otherwise equal to earliest
};

// When `wall` happens in `zone`. Nothing for an unknown zone or an invalid date or time.
std::optional<ResolvedWallClock> resolve_wall_clock(std::string_view zone, const WallClock& wall);

// The first instant at or after `from` at which the wall clock of `zone` shows hour:minute (0-23, 0-59):
// a time skipped by a DST gap counts as reached when the clock jumps over it (the end of the gap), a
// repeated time is taken at its first occurrence not before `from`. What a dialer waiting for the end of
// a pause window needs. Nothing for an unknown zone or an out-of-range hour or minute.
std::optional<SysSeconds> next_wall_time(std::string_view zone, SysSeconds from, int hour, int minute);

}  // namespace gomo::ext

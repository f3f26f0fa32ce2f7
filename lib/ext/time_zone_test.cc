#include "ext/time_zone.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace gomo::ext {
namespace {

// 2026-MM-DDTHH:MM:SSZ as an instant.
SysSeconds utc(int month, int day, int hour, int minute = 0, int second = 0) {
  using namespace std::chrono;
  return sys_days{year{2026} / month / day} + hours(hour) + minutes(minute) + seconds(second);
}

TEST_CASE("time zones: names from the system's tz database") {
  CHECK(is_known_time_zone("Africa/Casablanca"));
  CHECK(is_known_time_zone("Europe/Paris"));
  CHECK(is_known_time_zone("UTC"));
  CHECK(is_known_time_zone("Etc/UTC"));  // UTC is a link to it: links are files in the OS database
  CHECK_FALSE(is_known_time_zone("Mars/Olympus"));
  CHECK_FALSE(is_known_time_zone("europe/paris"));
  CHECK_FALSE(is_known_time_zone(""));
  CHECK_FALSE(is_known_time_zone("../etc/passwd"));
  CHECK_FALSE(is_known_time_zone("/usr/share/zoneinfo/UTC"));
  CHECK_FALSE(is_known_time_zone("localtime"));
  CHECK_FALSE(is_known_time_zone("zone.tab"));
  const auto& names = time_zone_names();
  CHECK(names.size() > 300);
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::binary_search(names.begin(), names.end(), "Africa/Casablanca"));
  CHECK_FALSE(std::binary_search(names.begin(), names.end(), "localtime"));
}

TEST_CASE("time zones: names answered from the zone files agree with the module's database") {
  // These have a TZif file: answered without the module, and the module agrees (time_zone_names()).
  const auto& names = time_zone_names();
  for (const char* name : {"America/Argentina/Buenos_Aires", "America/Port-au-Prince", "Etc/GMT+1", "Etc/GMT-14",
                           "GMT0", "Asia/Calcutta"}) {
    CAPTURE(name);
    CHECK(is_known_time_zone(name));
    CHECK(std::binary_search(names.begin(), names.end(), name));
  }
  // TZif files the module leaves out, and paths that are no plain zone name: the module says no.
  for (const char* name : {"posixrules", "posix/Europe/Paris", "right/UTC", "Factory", "Europe/./Paris",
                           "Europe//Paris", "Europe/Paris/", "./UTC", "Europe/../UTC", "Europe", "iso3166.tab"}) {
    CAPTURE(name);
    CHECK_FALSE(is_known_time_zone(name));
    CHECK_FALSE(std::binary_search(names.begin(), names.end(), name));
  }
}

TEST_CASE("time zones: an unknown zone gives nothing") {
  CHECK_FALSE(utc_offset_seconds("Mars/Olympus", utc(1, 1, 0)));
  CHECK_FALSE(local_time("Mars/Olympus", utc(1, 1, 0)));
  CHECK_FALSE(resolve_wall_clock("Mars/Olympus", {2026, 1, 1, 9, 0, 0}));
  CHECK_FALSE(next_wall_time("Mars/Olympus", utc(1, 1, 0), 9, 0));
  CHECK_FALSE(resolve_wall_clock("UTC", {2026, 2, 30, 9, 0, 0}));  // no such date
  CHECK_FALSE(next_wall_time("UTC", utc(1, 1, 0), 24, 0));
}

TEST_CASE("time zones: Europe/Paris across its 2026 DST transitions") {
  CHECK(utc_offset_seconds("Europe/Paris", utc(1, 15, 12)) == 3600);
  CHECK(utc_offset_seconds("Europe/Paris", utc(7, 15, 12)) == 7200);
  // Clocks go forward at 01:00Z on 29 March (02:00 CET -> 03:00 CEST).
  CHECK(utc_offset_seconds("Europe/Paris", utc(3, 29, 0, 59, 59)) == 3600);
  CHECK(utc_offset_seconds("Europe/Paris", utc(3, 29, 1)) == 7200);

  auto before = local_time("Europe/Paris", utc(3, 29, 0, 59, 59));
  REQUIRE(before);
  CHECK(before->hour == 1);
  CHECK(before->minute == 59);
  CHECK_FALSE(before->dst);
  auto after = local_time("Europe/Paris", utc(3, 29, 1));
  REQUIRE(after);
  CHECK(after->hour == 3);
  CHECK(after->minute_of_day() == 180);
  CHECK(after->weekday == 0);  // a Sunday
  CHECK(after->dst);
  CHECK(after->utc_offset_seconds == 7200);

  // 02:30 never happens that day: it resolves to the end of the gap.
  auto skipped = resolve_wall_clock("Europe/Paris", {2026, 3, 29, 2, 30, 0});
  REQUIRE(skipped);
  CHECK(skipped->kind == WallClockKind::kSkipped);
  CHECK(skipped->earliest == utc(3, 29, 1));
  CHECK(skipped->latest == utc(3, 29, 1));

  // Clocks go back at 01:00Z on 25 October (03:00 CEST -> 02:00 CET): 02:30 happens twice.
  auto repeated = resolve_wall_clock("Europe/Paris", {2026, 10, 25, 2, 30, 0});
  REQUIRE(repeated);
  CHECK(repeated->kind == WallClockKind::kRepeated);
  CHECK(repeated->earliest == utc(10, 25, 0, 30));
  CHECK(repeated->latest == utc(10, 25, 1, 30));

  auto unique = resolve_wall_clock("Europe/Paris", {2026, 7, 14, 9, 0, 0});
  REQUIRE(unique);
  CHECK(unique->kind == WallClockKind::kUnique);
  CHECK(unique->earliest == utc(7, 14, 7));
}

TEST_CASE("next_wall_time: the next instant a wall-clock time comes, across gaps and repeats") {
  // An ordinary day: 09:00 Paris today if still ahead, else tomorrow.
  CHECK(next_wall_time("Europe/Paris", utc(7, 14, 6), 9, 0) == utc(7, 14, 7));
  CHECK(next_wall_time("Europe/Paris", utc(7, 14, 7), 9, 0) == utc(7, 14, 7));
  CHECK(next_wall_time("Europe/Paris", utc(7, 14, 7, 0, 1), 9, 0) == utc(7, 15, 7));
  // Waiting for 02:30 over the spring-forward night: the clock jumps over it at 01:00Z.
  CHECK(next_wall_time("Europe/Paris", utc(3, 28, 23), 2, 30) == utc(3, 29, 1));
  // Over the fall-back night: the first 02:30, or the second one when the first has passed.
  CHECK(next_wall_time("Europe/Paris", utc(10, 24, 23), 2, 30) == utc(10, 25, 0, 30));
  CHECK(next_wall_time("Europe/Paris", utc(10, 25, 0, 45), 2, 30) == utc(10, 25, 1, 30));
  CHECK(next_wall_time("Europe/Paris", utc(10, 25, 1, 45), 2, 30) == utc(10, 26, 1, 30));
  // A day later the offset is one hour: 09:00 CET is 08:00Z.
  CHECK(next_wall_time("Europe/Paris", utc(10, 25, 12), 9, 0) == utc(10, 26, 8));
}

TEST_CASE("time zones: Africa/Casablanca's Ramadan rule (+01, +00 from 15 February to 22 March 2026)") {
  CHECK(utc_offset_seconds("Africa/Casablanca", utc(1, 10, 12)) == 3600);
  CHECK(utc_offset_seconds("Africa/Casablanca", utc(3, 1, 12)) == 0);
  CHECK(utc_offset_seconds("Africa/Casablanca", utc(4, 1, 12)) == 3600);
  // Clocks go back at 02:00Z on 15 February (03:00 -> 02:00): 02:30 happens twice.
  CHECK(utc_offset_seconds("Africa/Casablanca", utc(2, 15, 1, 59, 59)) == 3600);
  CHECK(utc_offset_seconds("Africa/Casablanca", utc(2, 15, 2)) == 0);
  auto ramadan = local_time("Africa/Casablanca", utc(3, 1, 12));
  REQUIRE(ramadan);
  CHECK(ramadan->hour == 12);
  CHECK(ramadan->dst);  // the tz database writes Ramadan as negative DST
  auto repeated = resolve_wall_clock("Africa/Casablanca", {2026, 2, 15, 2, 30, 0});
  REQUIRE(repeated);
  CHECK(repeated->kind == WallClockKind::kRepeated);
  CHECK(repeated->earliest == utc(2, 15, 1, 30));
  CHECK(repeated->latest == utc(2, 15, 2, 30));
  // Clocks go forward at 02:00Z on 22 March (02:00 -> 03:00): 02:30 is skipped.
  auto skipped = resolve_wall_clock("Africa/Casablanca", {2026, 3, 22, 2, 30, 0});
  REQUIRE(skipped);
  CHECK(skipped->kind == WallClockKind::kSkipped);
  CHECK(skipped->earliest == utc(3, 22, 2));
  // A dialer pausing until 09:00 local: 09:00Z in Ramadan, 08:00Z after it.
  CHECK(next_wall_time("Africa/Casablanca", utc(3, 21, 12), 9, 0) == utc(3, 22, 8));
  CHECK(next_wall_time("Africa/Casablanca", utc(3, 20, 12), 9, 0) == utc(3, 21, 9));
  auto friday = local_time("Africa/Casablanca", utc(3, 20, 23, 30));
  REQUIRE(friday);
  CHECK(friday->weekday == 5);  // 23:30 local on Friday 20 March
  CHECK(friday->minute_of_day() == 23 * 60 + 30);
}

}  // namespace
}  // namespace gomo::ext

#include "schedule/calendar.h"

#include <doctest/doctest.h>

#include <chrono>

#include "ext/time_zone.h"
#include "tests/support/epoch_time.h"

namespace gomo::schedule {
namespace {

using test::kHour;
using test::kMinute;
using test::utc;

api::PauseWindow window(int h1, int m1, int h2, int m2) { return {{h1, m1}, {h2, m2}}; }

Calendar make(const api::PauseWindows& w, const std::string& zone) {
  auto c = Calendar::make(w, zone);
  REQUIRE(c);
  return std::move(c.value());
}

// The definition, straight from the wall clock: is t's local time inside one of the windows?
bool wall_clock_paused(const api::PauseWindows& w, const std::string& zone, EpochMillis t) {
  auto lt = ext::local_time(zone, ext::SysSeconds(std::chrono::seconds(t / 1000)));
  REQUIRE(lt);
  const int m = lt->minute_of_day();
  auto covers = [&](int wd, bool today) {
    auto it = w.days.find(api::kWeekdays[wd]);
    if (it == w.days.end()) return false;
    for (const auto& p : it->second) {
      int s = p.start_at.hour * 60 + p.start_at.minute, e = p.end_at.hour * 60 + p.end_at.minute;
      if (s < e && today && m >= s && m < e) return true;
      if (s > e && today && m >= s) return true;
      if (s > e && !today && m < e) return true;
    }
    return false;
  };
  return covers(lt->weekday, true) || covers((lt->weekday + 6) % 7, false);
}

TEST_CASE("calendar: no windows, nothing paused") {
  Calendar c = make({}, "Africa/Casablanca");
  CHECK(c.empty());
  CHECK(c.next_allowed(utc(2026, 5, 4, 10)) == utc(2026, 5, 4, 10));
  CHECK_FALSE(c.paused_at(utc(2026, 5, 4, 10)));
}

TEST_CASE("calendar: bad zone and bad ranges are refused with the reason") {
  auto bad_zone = Calendar::make({}, "Mars/Olympus");
  REQUIRE_FALSE(bad_zone);
  CHECK(bad_zone.error().message().find("Mars/Olympus") != std::string::npos);
  api::PauseWindows w;
  w.advanced.push_back({"2026-05-02T10:00:00Z", "2026-05-01T10:00:00Z"});
  CHECK_FALSE(Calendar::make(w, "UTC"));
  w.advanced = {{"tomorrow", "2026-05-01T10:00:00Z"}};
  CHECK_FALSE(Calendar::make(w, "UTC"));
  w.advanced.clear();
  w.days["someday"] = {window(1, 0, 2, 0)};
  CHECK_FALSE(Calendar::make(w, "UTC"));
}

TEST_CASE("calendar: business hours as windows spanning midnight (Casablanca, +01)") {
  api::PauseWindows w;
  for (const char* d : api::kWeekdays) w.days[d] = {window(18, 0, 9, 0)};  // closed 18:00-09:00
  Calendar c = make(w, "Africa/Casablanca");
  // Monday 4 May 2026: 09:00 local = 08:00Z.
  CHECK(c.paused_at(utc(2026, 5, 4, 7, 59)));
  CHECK_FALSE(c.paused_at(utc(2026, 5, 4, 8)));
  CHECK(c.next_allowed(utc(2026, 5, 4, 3)) == utc(2026, 5, 4, 8));
  CHECK(c.next_allowed(utc(2026, 5, 4, 12)) == utc(2026, 5, 4, 12));
  // 18:00 local = 17:00Z: the evening window runs into Tuesday 09:00.
  CHECK(c.next_allowed(utc(2026, 5, 4, 17)) == utc(2026, 5, 5, 8));
  CHECK(c.next_allowed(utc(2026, 5, 4, 23, 30)) == utc(2026, 5, 5, 8));
}

TEST_CASE("calendar: a window ending at the start of another chains to the last end") {
  api::PauseWindows w;
  w.days["monday"] = {window(12, 0, 13, 0), window(13, 0, 14, 0), window(22, 0, 0, 0)};
  w.days["tuesday"] = {window(0, 0, 6, 0)};
  Calendar c = make(w, "UTC");
  CHECK(c.next_allowed(utc(2026, 5, 4, 12, 30)) == utc(2026, 5, 4, 14));
  CHECK(c.next_allowed(utc(2026, 5, 4, 23)) == utc(2026, 5, 5, 6));  // Monday night into Tuesday morning
  CHECK_FALSE(c.paused_at(utc(2026, 5, 4, 14)));
}

TEST_CASE("calendar: advanced ranges combine with weekly windows") {
  api::PauseWindows w;
  w.days["friday"] = {window(12, 0, 14, 0)};
  // A holiday from Friday 13:00 to Saturday 10:00 (Paris, CEST: -2h), then a window Saturday 09:00-11:00.
  w.advanced.push_back({"2026-05-01T13:00:00+02:00", "2026-05-02T10:00:00+02:00"});
  w.days["saturday"] = {window(9, 0, 11, 0)};
  Calendar c = make(w, "Europe/Paris");
  CHECK(c.next_allowed(utc(2026, 5, 1, 10, 30)) == utc(2026, 5, 2, 9));  // 12:30 local -> Sat 11:00 local
  CHECK(c.paused_at(utc(2026, 5, 1, 20)));
  CHECK_FALSE(c.paused_at(utc(2026, 5, 1, 9, 59)));
  CHECK(c.next_allowed(utc(2026, 5, 2, 9)) == utc(2026, 5, 2, 9));
}

TEST_CASE("calendar: every hour paused gives kNever") {
  api::PauseWindows w;
  for (const char* d : api::kWeekdays) w.days[d] = {window(0, 0, 12, 0), window(12, 0, 0, 0)};
  Calendar c = make(w, "UTC");
  CHECK(c.next_allowed(utc(2026, 5, 4, 10)) == kNever);
}

TEST_CASE("calendar: Europe/Paris across DST (29 March gap, 25 October repeat)") {
  api::PauseWindows w;
  w.days["sunday"] = {window(2, 30, 4, 0)};
  Calendar spring = make(w, "Europe/Paris");
  // 02:30 never happens on 29 March: the window starts when 02:00 CET becomes 03:00 CEST (01:00Z).
  CHECK_FALSE(spring.paused_at(utc(2026, 3, 29, 0, 59)));
  CHECK(spring.paused_at(utc(2026, 3, 29, 1)));
  CHECK(spring.next_allowed(utc(2026, 3, 29, 1)) == utc(2026, 3, 29, 2));  // 04:00 CEST
  // A week earlier (CET) the same window is 01:30Z-03:00Z.
  CHECK(spring.next_allowed(utc(2026, 3, 22, 1, 30)) == utc(2026, 3, 22, 3));

  api::PauseWindows back;
  back.days["sunday"] = {window(1, 0, 2, 30)};
  Calendar autumn = make(back, "Europe/Paris");
  // 25 October: 01:00 CEST = 23:00Z on the 24th; 02:30 happens twice, the second at 01:30Z.
  CHECK(autumn.paused_at(utc(2026, 10, 24, 23)));
  CHECK(autumn.next_allowed(utc(2026, 10, 24, 23, 30)) == utc(2026, 10, 25, 1, 30));
  CHECK_FALSE(autumn.paused_at(utc(2026, 10, 25, 1, 30)));
}

TEST_CASE("calendar: Africa/Casablanca's Ramadan change (15 February back, 22 March forward)") {
  api::PauseWindows w;
  w.days["saturday"] = {window(22, 0, 2, 30)};  // runs into Sunday
  w.days["sunday"] = {window(1, 0, 2, 30)};
  Calendar c = make(w, "Africa/Casablanca");
  // 22 March: 02:00 (+00) becomes 03:00 (+01) at 02:00Z; Saturday 22:00 (+00) = 22:00Z.
  CHECK(c.paused_at(utc(2026, 3, 21, 22)));
  CHECK(c.next_allowed(utc(2026, 3, 21, 22)) == utc(2026, 3, 22, 2));  // 02:30 skipped: the gap's end
  // 15 February: 03:00 (+01) goes back to 02:00 (+00) at 02:00Z; Sunday's 01:00 (+01) = 00:00Z and
  // the second 02:30 (+00) = 02:30Z. Saturday's window (+01) runs 21:00Z..00:00Z and chains into it.
  CHECK(c.next_allowed(utc(2026, 2, 14, 21)) == utc(2026, 2, 15, 2, 30));
  CHECK_FALSE(c.paused_at(utc(2026, 2, 14, 20, 59)));
}

TEST_CASE("calendar: minute by minute, the wall clock's answer across DST changes") {
  api::PauseWindows w;
  for (const char* d : api::kWeekdays) w.days[d] = {window(1, 30, 2, 45), window(23, 0, 0, 30), window(8, 0, 8, 1)};
  w.days["sunday"].push_back(window(2, 10, 3, 20));
  struct Case {
    const char* zone;
    EpochMillis from;
  };
  for (Case k : {Case{"Europe/Paris", utc(2026, 3, 27, 0)}, Case{"Africa/Casablanca", utc(2026, 3, 20, 0)},
                 Case{"America/New_York", utc(2026, 3, 6, 0)}}) {
    CAPTURE(k.zone);
    Calendar c = make(w, k.zone);
    int mismatches = 0;
    for (EpochMillis t = k.from; t < k.from + 4 * 24 * kHour; t += kMinute) {
      const bool expect = wall_clock_paused(w, k.zone, t);
      if (c.paused_at(t) != expect) ++mismatches;
      const EpochMillis next = c.next_allowed(t);
      if (next < t || c.paused_at(next) || (expect == (next == t))) ++mismatches;
    }
    CHECK(mismatches == 0);
  }
}

}  // namespace
}  // namespace gomo::schedule

// Time zones (ext/time_zone.h): wrappers over the module's tz_* entries (module_abi.h, time_zone_db.cc).
#include "ext/time_zone.h"

#include <algorithm>

#include "ext/load.h"
#include "ext/module.h"
#include "ext/module_abi.h"

namespace gomo::ext {
namespace {

// The module's table, or null when it cannot load (the CLI's load-failure handler has reported that).
const gomo_ext_abi* table() {
  auto loaded = module();
  return loaded ? (*loaded)->abi() : nullptr;
}

gomo_ext_str str(std::string_view s) { return {s.data(), s.size()}; }

SysSeconds instant(int64_t t) { return SysSeconds{std::chrono::seconds(t)}; }

int64_t seconds_of(SysSeconds t) { return static_cast<int64_t>(t.time_since_epoch().count()); }

}  // namespace

bool is_known_time_zone(std::string_view name) {
  const gomo_ext_abi* abi = table();
  return abi && abi->tz_is_known(str(name)) != 0;
}

const std::vector<std::string>& time_zone_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    if (const gomo_ext_abi* abi = table()) {
      abi->tz_names(&out, [](void* user, int, const char* data, size_t size) {
        static_cast<std::vector<std::string>*>(user)->emplace_back(data, size);
      });
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return names;
}

std::optional<long> utc_offset_seconds(std::string_view zone, SysSeconds t) {
  auto local = local_time(zone, t);
  if (!local) return std::nullopt;
  return local->utc_offset_seconds;
}

std::optional<LocalTime> local_time(std::string_view zone, SysSeconds t) {
  const gomo_ext_abi* abi = table();
  gomo_ext_local_time in{};
  if (!abi || !abi->tz_local_time(str(zone), seconds_of(t), &in)) return std::nullopt;
  LocalTime out;
  out.year = in.year;
  out.month = in.month;
  out.day = in.day;
  out.weekday = in.weekday;
  out.hour = in.hour;
  out.minute = in.minute;
  out.second = in.second;
  out.utc_offset_seconds = static_cast<long>(in.utc_offset_seconds);
  out.dst = in.dst != 0;
  return out;
}

std::optional<ResolvedWallClock> resolve_wall_clock(std::string_view zone, const WallClock& wall) {
  const gomo_ext_abi* abi = table();
  const gomo_ext_wall_clock in{wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second};
  gomo_ext_resolved_wall_clock got{};
  if (!abi || !abi->tz_resolve_wall_clock(str(zone), &in, &got)) return std::nullopt;
  ResolvedWallClock out;
  out.kind = static_cast<WallClockKind>(got.kind);
  out.earliest = instant(got.earliest);
  out.latest = instant(got.latest);
  return out;
}

std::optional<SysSeconds> next_wall_time(std::string_view zone, SysSeconds from, int hour, int minute) {
  const gomo_ext_abi* abi = table();
  int64_t at = 0;
  if (!abi || !abi->tz_next_wall_time(str(zone), seconds_of(from), hour, minute, &at)) return std::nullopt;
  return instant(at);
}

}  // namespace gomo::ext

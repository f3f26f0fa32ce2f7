// Time zones (ext/time_zone.h): wrappers over the module's tz_* entries (module_abi.h, time_zone_db.cc).
#include "ext/time_zone.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <string>

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

// The directory the module's date-tz reads (USE_OS_TZDB; it does not read $TZDIR, so neither does this:
// a name must mean the same zone here as in local_time()).
constexpr const char* kZoneDir = "/usr/share/zoneinfo";

// Could `name` be one of the database's zone files, as date-tz lists them? Each part of the path is a
// plain IANA word ("America", "Port-au-Prince", "GMT+0"): nothing empty, hidden or "..", nothing
// absolute, and none of the entries date-tz leaves out of its list (posix*, right, Factory, localtime).
bool plain_zone_path(std::string_view name) {
  if (name.empty() || name.size() > 255 || name == "localtime") return false;
  size_t from = 0;
  while (from <= name.size()) {
    size_t to = std::min(name.find('/', from), name.size());
    std::string_view part = name.substr(from, to - from);
    if (part.empty() || part.front() == '.' || part.front() == '-' || part.substr(0, 5) == "posix" || part == "right" ||
        part == "Factory")
      return false;
    for (char c : part)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '+')) return false;
    from = to + 1;
  }
  return true;
}

// True when `name` is a regular file of the zone directory that starts with the TZif magic: then the
// module would find it too, and loading the module (libcurl, OpenSSL, ICU: ~14 ms) only to say so is
// not worth it. False means "ask the module", not "unknown".
bool zone_file_exists(std::string_view name) {
  if (!plain_zone_path(name)) return false;
  const std::string path = std::string(kZoneDir) + "/" + std::string(name);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return false;
  char magic[4] = {};
  const bool tzif = std::fread(magic, 1, sizeof magic, file) == sizeof magic && std::memcmp(magic, "TZif", 4) == 0;
  std::fclose(file);
  return tzif;
}

}  // namespace

bool is_known_time_zone(std::string_view name) {
  if (zone_file_exists(name)) return true;
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

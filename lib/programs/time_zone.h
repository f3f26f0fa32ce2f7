#pragma once
// IANA time zone names, from the system's time zone database (tzdata: $TZDIR, else /usr/share/zoneinfo),
// the database date-tz's OS mode reads too.
#include <string>
#include <vector>

namespace gomo::programs {

// True when `name` names a zone or a link of the database ("Africa/Casablanca", "UTC", "Europe/Paris").
// Names with "..", a leading "/" or other path tricks are never zones.
bool is_known_time_zone(const std::string& name);

// The zone and link names the database lists (tzdata.zi), sorted; empty when it has no such file.
const std::vector<std::string>& time_zone_names();

}  // namespace gomo::programs

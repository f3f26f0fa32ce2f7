#pragma once
// The forecast's wall clock, shared by forecast_report.cc (text) and forecast_svg.cc (chart); not for
// other callers. ext/time_zone.h, falling back to UTC so that a forecast always prints.
#include <string>

#include "campaign/forecast.h"
#include "ext/time_zone.h"

namespace gomo::report {

// `at` (UTC milliseconds) as `zone`'s wall clock shows it. An empty or unknown zone (or a machine
// without tzdata) gives UTC, and sets *utc_fallback when given.
ext::LocalTime forecast_wall_clock(const std::string& zone, campaign::EpochMillis at, bool* utc_fallback = nullptr);

// "Mon", "Tue", ... for LocalTime::weekday (0 = Sunday).
const char* weekday_name(int weekday);

}  // namespace gomo::report

#pragma once
// Wall-clock timestamps as the API writes them; durations as users write them.
#include <optional>
#include <string>

namespace gomo {

// Now as ISO 8601 UTC with milliseconds: "2026-11-23T14:10:00.123Z".
std::string now_iso();

// `epoch_ms` (milliseconds since 1970, UTC) in the same form: "2026-01-01T10:00:00.000Z".
std::string iso_time(long long epoch_ms);

// Milliseconds of a duration written "500ms", "30s", "1.5s", "2m" or a plain number of seconds
// ("30", "0.5"). Nothing when malformed, negative, or longer than 24 hours.
std::optional<long long> parse_duration_ms(const std::string& text);

// `ms` in one of those spellings: "500ms", "30s", "1.5s", "90s"; whole minutes from ten on ("10m").
std::string format_duration_ms(long long ms);

}  // namespace gomo

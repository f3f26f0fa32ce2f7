// unknown-timezone: `timezone` is not an IANA time zone name (the system's tz database).
#include "base/strings.h"
#include "ext/time_zone.h"
#include "programs/rules.h"

namespace gomo::programs {

extern const ProgramRule kRuleUnknownTimezone;

namespace {

void check_unknown_timezone(const ProgramContext& ctx, ProgramReporter& out) {
  const Located& tz = ctx.file.timezone;
  if (!tz.present() || ext::is_known_time_zone(tz.text)) return;
  std::string message = "unknown time zone `" + tz.text + "`: expected an IANA name such as Africa/Casablanca";
  const std::string guess = closest_match(tz.text, ext::time_zone_names());
  if (!guess.empty()) message += "; did you mean " + guess + "?";
  out.report(kRuleUnknownTimezone, *tz.at, std::move(message), guess);
}

}  // namespace

const ProgramRule kRuleUnknownTimezone = {"unknown-timezone", diag::Severity::kError,
                                          "`timezone` is not an IANA time zone name.", check_unknown_timezone};

}  // namespace gomo::programs

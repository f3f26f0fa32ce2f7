// bad-time: an instant (startAt, stopAt, retryDates, pause ranges) that is not ISO 8601 with a UTC
// offset, or a pause window time that is not HH:MM. The platform refuses both.
#include "api/validate_programs.h"
#include "programs/rules.h"

namespace gomo::programs {

extern const ProgramRule kRuleBadTime;

namespace {

void check_instant(const document::Value* v, const char* what, ProgramReporter& out) {
  if (!v || !v->is_string() || api::parse_iso_instant_ms(v->text)) return;
  out.report(kRuleBadTime, *v,
             std::string(what) + " `" + v->text +
                 "` is not an ISO 8601 instant with a UTC offset; write it like 2026-03-01T09:00:00+01:00 "
                 "(or Z for UTC)");
}

void check_time_of_day(const document::Value* v, ProgramReporter& out) {
  if (!v || !v->is_string() || parse_time_of_day(v->text)) return;
  out.report(kRuleBadTime, *v,
             "pause window time `" + v->text + "` is not a time of day; write HH:MM on the 24-hour clock (09:30)");
}

void check_bad_time(const ProgramContext& ctx, ProgramReporter& out) {
  const ProgramFile& f = ctx.file;
  check_instant(f.start_at.at, "startAt", out);
  check_instant(f.stop_at.at, "stopAt", out);
  if (f.retry) {
    if (const auto* dates = f.retry->find("retryDates"); dates && dates->is_sequence())
      for (const auto& d : dates->items) check_instant(&d, "retry date", out);
  }
  if (!f.pause_windows) return;
  for (const auto& m : f.pause_windows->members) {
    if (!m.value.is_sequence()) continue;
    for (const auto& item : m.value.items) {
      if (m.key.text == "advanced") {
        check_instant(item.find("startAt"), "pause range startAt", out);
        check_instant(item.find("endAt"), "pause range endAt", out);
      } else {
        check_time_of_day(item.find("startAt"), out);
        check_time_of_day(item.find("endAt"), out);
      }
    }
  }
}

}  // namespace

const ProgramRule kRuleBadTime = {"bad-time", diag::Severity::kError,
                                  "An instant is not ISO 8601 with a UTC offset, or a pause window time is not HH:MM.",
                                  check_bad_time};

}  // namespace gomo::programs

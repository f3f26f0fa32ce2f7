// inverted-pause-window: a pause range (advanced) that ends before it starts, or a weekday window that
// starts and ends at the same minute (empty). A weekday window whose end is before its start is no
// mistake: it spans midnight (Gomobile docs: Pause windows).
#include "api/validate_programs.h"
#include "programs/rules.h"

namespace gomo::programs {

extern const ProgramRule kRuleInvertedPauseWindow;

namespace {

void check_inverted_pause_window(const ProgramContext& ctx, ProgramReporter& out) {
  if (!ctx.file.pause_windows) return;
  for (const auto& m : ctx.file.pause_windows->members) {
    if (!m.value.is_sequence()) continue;
    for (const auto& item : m.value.items) {
      const auto* start = item.find("startAt");
      const auto* end = item.find("endAt");
      if (!start || !end || !start->is_string() || !end->is_string()) continue;
      if (m.key.text == "advanced") {
        auto s = api::parse_iso_instant_ms(start->text), e = api::parse_iso_instant_ms(end->text);
        if (s && e && *e <= *s)
          out.report(
              kRuleInvertedPauseWindow, *end,
              "pause range ends at " + end->text + ", not after its start " + start->text + "; swap startAt and endAt");
      } else {
        auto s = parse_time_of_day(start->text), e = parse_time_of_day(end->text);
        if (s && e && *s == *e)
          out.report(kRuleInvertedPauseWindow, *end,
                     m.key.text + " pause window starts and ends at " + start->text +
                         ", so it pauses nothing; give it an end (an end before the start spans midnight)");
      }
    }
  }
}

}  // namespace

const ProgramRule kRuleInvertedPauseWindow = {
    "inverted-pause-window", diag::Severity::kError,
    "A pause range ends before it starts, or a weekday pause window is empty (same start and end).",
    check_inverted_pause_window};

}  // namespace gomo::programs

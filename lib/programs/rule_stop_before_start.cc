// stop-before-start: stopAt is not after startAt; the platform refuses such a program.
#include "api/validate_programs.h"
#include "programs/rules.h"

namespace gomo::programs {

extern const ProgramRule kRuleStopBeforeStart;

namespace {

void check_stop_before_start(const ProgramContext& ctx, ProgramReporter& out) {
  const ProgramFile& f = ctx.file;
  if (!f.start_at.present() || !f.stop_at.present()) return;
  auto start = api::parse_iso_instant_ms(f.start_at.text), stop = api::parse_iso_instant_ms(f.stop_at.text);
  if (!start || !stop || *stop > *start) return;  // bad-time reports what does not parse
  out.report(kRuleStopBeforeStart, *f.stop_at.at,
             "stopAt " + f.stop_at.text + " is not after startAt " + f.start_at.text + " (line " +
                 std::to_string(f.start_at.at->begin.line) + "); move stopAt later or startAt earlier");
}

}  // namespace

const ProgramRule kRuleStopBeforeStart = {"stop-before-start", diag::Severity::kError, "stopAt is not after startAt.",
                                          check_stop_before_start};

}  // namespace gomo::programs

#include "campaign/local_run.h"

namespace gomo::campaign {

Result<OutcomeMix> load_callees(const CalleeOptions& options) {
  OutcomeMix mix;
  if (!options.mix_path.empty()) {
    auto loaded = load_outcome_mix(options.mix_path);
    if (!loaded) return loaded.error();
    mix = std::move(loaded.value());
  }
  if (options.seed) mix.seed = *options.seed;
  return mix;
}

Result<DialerSummary> run_to_end(api::Platform& platform, const std::string& execution_id, const OutcomeMix& callees,
                                 const DialerOptions& options) {
  api::Dialing* dialing = platform.dialing();
  if (!dialing) {
    return Status::invalid_argument("this target places its calls itself: only the local workspace runs gomo's dialer");
  }
  VirtualClock clock(system_now_ms());
  DialerOptions run_options = options;
  run_options.wait_while_paused = false;  // a virtual run has nobody to resume it
  return run_execution(*dialing, execution_id, clock, callees, run_options);
}

}  // namespace gomo::campaign

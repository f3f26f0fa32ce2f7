#pragma once
// Running executions on a platform that dials through gomo (api::Platform::dialing(): the local
// workspace) rather than on its own (the Gomobile platform, gomo serve's clients): to the end on a
// virtual clock (`gomo program launch --wait`), or in the background (dialer_service.h).
#include <cstdint>
#include <optional>
#include <string>

#include "api/platform.h"
#include "campaign/dialer.h"
#include "campaign/outcome_mix.h"

namespace gomo::campaign {

// How the simulated callees behave.
struct CalleeOptions {
  std::string mix_path;          // an outcome mix file (schemas/outcome-mix.schema.json); "": the default mix
  std::optional<uint64_t> seed;  // replaces the mix's seed when given
};

// The mix `options` names. Errors (kNotFound, kInvalidArgument) say file:line:col.
Result<OutcomeMix> load_callees(const CalleeOptions& options);

// Runs `execution_id` through platform.dialing() on a virtual clock that starts at the real now (so
// the dialer and the platform's own reads, which go by the real clock, agree at launch) until it
// completes, stops (stopAt), is cancelled, or is paused with no call in flight (an auto-pause rule:
// nobody resumes it here). The dialer sets completed and stopped itself. kInvalidArgument when the
// platform has no dialing side (a remote platform places its calls itself); the dialer's errors.
// REQUIRES: `callees` outlives the call. Not thread-safe per execution.
Result<DialerSummary> run_to_end(api::Platform& platform, const std::string& execution_id, const OutcomeMix& callees,
                                 const DialerOptions& options = {});

}  // namespace gomo::campaign

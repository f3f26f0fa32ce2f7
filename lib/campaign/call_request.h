#pragma once
// gomo's dialer for one call request (`gomo call` on the local workspace, api::CallJob): its first
// attempt at start_at (or at once), then the retries its strategy allows, each placed through the
// engine with a simulated callee and recorded (finish_call_attempt) before the next is placed. A
// dialer that dies mid-call records nothing for that call: the request stays queued or active and the
// next run places that attempt again, so nothing is lost and nothing counts twice. A retry's due time
// is stored with the attempt before it (finish_call_attempt), so a run that picks up an active request
// waits for it.
#include <string>

#include "api/dialing.h"
#include "campaign/clock.h"
#include "campaign/dialer.h"
#include "campaign/outcome_mix.h"

namespace gomo::campaign {

// Places `job` until it completes or fails; returns the request's status then ("completed",
// "failed"), or "active" when options.should_stop asked it to return first. Uses options.poll_ms,
// should_stop, on_attempt and record_flow_execution. Errors: the platform's (as Status), a retry
// strategy or flow that cannot run. REQUIRES: `dialing`, `clock`, `callees` outlive the call.
Result<std::string> run_call_request(api::Dialing& dialing, const api::CallJob& job, Clock& clock,
                                     const OutcomeMix& callees, const DialerOptions& options = {});

}  // namespace gomo::campaign

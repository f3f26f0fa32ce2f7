#pragma once
// A one-off call's report (GET /call-report/{jobId}) for people: the job's status and outcome, then one
// line per attempt. JSON and YAML go through the resource printer (resources.h) like other records.
#include <ostream>

#include "api/calls.h"

namespace gomo::report {

// "job JOB  status completed  outcome completed" then, when there are attempts, a table (aligned on a
// terminal, tab-separated when `tty` is false): ATTEMPT CALL STATUS FROM TO DIALED DURATION OUTCOME REASON.
// Without attempts: "no attempt yet" (a queued call on the local workspace waits for a dialer). While a
// retry is pending, "next attempt: TIME" (ISO 8601 UTC, as the attempts' times print) follows the first line.
void write_call_job(std::ostream& out, const api::CallReport& report, bool tty);

}  // namespace gomo::report

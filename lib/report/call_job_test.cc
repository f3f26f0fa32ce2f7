#include "report/call_job.h"

#include <doctest/doctest.h>

#include <sstream>

namespace gomo::report {

TEST_CASE("write_call_job: the job line, then one row per attempt (tabs when piped)") {
  api::CallReport r;
  r.job_id = "job-1";
  r.status = "queued";
  std::ostringstream waiting;
  write_call_job(waiting, r, false);
  CHECK(waiting.str() == "job job-1  status queued  outcome -\nno attempt yet\n");

  r.status = "completed";
  r.final_outcome = "completed";
  api::CallAttempt a;
  a.call_id = "call-1";
  a.call.status = "completed";
  a.call.from = "+212800000000";
  a.call.to = "+212612345678";
  a.call.dialed_at = "2026-06-01T12:00:00.000Z";
  a.call.duration_ms = 30'000;
  a.outcome = "completed";
  a.outcome_reason = "hangup";
  r.attempts.push_back(a);
  std::ostringstream piped;
  write_call_job(piped, r, false);
  CHECK(piped.str() ==
        "job job-1  status completed  outcome completed\n"
        "ATTEMPT\tCALL\tSTATUS\tFROM\tTO\tDIALED\tDURATION\tOUTCOME\tREASON\n"
        "1\tcall-1\tcompleted\t+212800000000\t+212612345678\t2026-06-01T12:00:00.000Z\t30s\tcompleted\thangup\n");
  std::ostringstream tty;
  write_call_job(tty, r, true);
  CHECK(tty.str().find("ATTEMPT  CALL    STATUS") != std::string::npos);
}

}  // namespace gomo::report

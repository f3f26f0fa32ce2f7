#pragma once
// Calls: execution reports, ad-hoc call requests and call reports (Gomobile docs: Execution reports to Call reports) as
// plain structs. Included by platform.h; names are the API's JSON names in snake_case.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/paging.h"
#include "api/programs.h"

namespace gomo::api {

// Call outcomes (docs/decisions.md, How a call runs).
inline constexpr const char* kCallOutcomes[] = {"completed", "no_answer", "busy",     "rejected",
                                                "voicemail", "failed",    "cancelled"};
// Statuses of one contact within an execution (the report's ContactMetrics, Gomobile docs: Execution reports).
inline constexpr const char* kExecutionContactStatuses[] = {"pending",   "queued", "calling", "pendingRetry",
                                                            "completed", "failed", "skipped"};

// Unique contacts per status; reach_rate = completed / total_contacts x 100 (0 when empty).
struct ContactMetrics {
  int total_contacts = 0, pending = 0, queued = 0, calling = 0, pending_retry = 0, completed = 0, failed = 0,
      skipped = 0;
  double reach_rate = 0;
};

// GET /program-execution/{id}/report. The docs give no response schema; this is gomo's.
struct ExecutionReport {
  std::string execution_id, program_id;
  std::string status;            // stored (kExecutionStatuses)
  std::string effective_status;  // stored, with paused -> paused_manual and, inside a pause window,
                                 // running|paused -> paused_window
  ContactMetrics contacts;
  int total_calls = 0;                // attempts placed
  int answered_calls = 0;             // attempts with an answeredAt
  long long average_duration_ms = 0;  // over calls with a duration
  std::optional<std::string> started_at, ended_at;
};

// GET /program-execution/{id}/report/breakdown: counts by call outcome, by contact status and by
// attempt number (attempts: "1" -> calls that were first attempts, ...).
struct ExecutionBreakdown {
  std::string execution_id;
  std::map<std::string, int> outcomes, contact_statuses, attempts;
};

// CallDetails (Gomobile docs: Call reports).
struct CallDetails {
  std::string status;                  // free text on the platform, e.g. "completed", "no-answer"
  std::string direction = "outbound";  // inbound | outbound
  std::string from, to;
  std::string created_at;
  std::optional<std::string> dialed_at, answered_at, terminated_at;
  std::optional<long long> duration_ms;
};

// One attempt of a call (Attempt, Gomobile docs: Call reports); also a row of report/calls, which adds contact_id.
struct CallAttempt {
  std::string call_id;
  int attempt = 1;  // 1-based
  std::optional<std::string> contact_id;
  CallDetails call;
  std::string outcome, outcome_reason;
  // {flowId, flowName, flowVersion, executionPath, finalVariables, nodeExecutionCount, flowStartedAt,
  // flowCompletedAt} as JSON text; unset when no flow ran.
  std::optional<std::string> flow_execution_json;
  std::string events_json = "[]";  // [{type, timestamp, data}]
};

// POST /call-requests (RequestCallDto, Gomobile docs: Ad-hoc calls). `retry` is in gomo's form: the wire sends the
// call-request spelling (fixed-delay, delay in ms, dates).
struct CallRequestFields {
  std::string did_id;      // a DID from GET /dids/available
  std::string contact_id;  // dialled at its primaryPhone
  std::string flow_id;
  RetryStrategy retry;
  std::optional<std::string> start_at;  // ISO 8601 with timezone; unset: now
};

// The platform's answer: {jobId, status: "queued"}; the call runs asynchronously.
struct CallRequestResult {
  std::string job_id;
  std::string status = "queued";
};

inline constexpr const char* kJobStatuses[] = {"queued", "active", "completed", "failed"};

// A stored call request (GET /call-requests, a gomo extension the remote client uses to find out
// whether a request whose answer was lost was applied).
struct CallRequest {
  std::string id;  // the job id
  std::string organization_id;
  CallRequestFields fields;
  std::string status;  // kJobStatuses
  std::string created_at, updated_at;
  // When the next attempt is due (ISO 8601 UTC), while a retry is pending; unset otherwise. A gomo
  // extension (nextAttemptAt): the platform's docs show no such field.
  std::optional<std::string> next_attempt_at;
};

// Filter of GET /call-requests: the contact's requests (empty: all), newest first.
struct CallRequestQuery {
  PageQuery page;
  std::string contact_id;
};

// GET /call-report/{jobId} (Gomobile docs: Call reports).
struct CallReport {
  std::string job_id;
  std::string status;  // kJobStatuses
  std::optional<std::string> final_outcome;
  // When the next attempt is due (ISO 8601 UTC), while the job is active and a retry is pending;
  // unset otherwise. A gomo extension (nextAttemptAt): the platform's documented report has no such field.
  std::optional<std::string> next_attempt_at;
  std::vector<CallAttempt> attempts;
};

}  // namespace gomo::api

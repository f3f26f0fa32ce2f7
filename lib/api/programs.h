#pragma once
// Programs and their executions (Gomobile docs: Programs to Pause windows) as plain structs. Included by
// platform.h; field names are the API's JSON names in snake_case (wire.h maps them).
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gomo::api {

// A retry strategy in gomo's one internal form. On the wire it has two spellings (docs/decisions.md,
// "Programs, executions and call requests"): programs `{type: fixed_delay, delayMinutes, maxRetries}` /
// `{type: scheduled, retryDates}`, call requests `{type: fixed-delay, delay (ms), maxRetries}` /
// `{type: scheduled, dates}`. wire.h converts both ways.
struct RetryStrategy {
  std::string type = "none";       // none | fixed_delay | scheduled (the program spelling)
  long long delay_ms = 0;          // fixed_delay: wait before each retry, > 0
  int max_retries = 0;             // fixed_delay: retries after the first attempt (3 = 4 attempts)
  std::vector<std::string> dates;  // scheduled: ISO 8601 instants with a timezone or Z
  bool operator==(const RetryStrategy&) const = default;
};

struct TimeOfDay {
  int hour = 0, minute = 0;  // 0-23, 0-59
  bool operator==(const TimeOfDay&) const = default;
};

// The organisation's IANA zone when none is set (docs/decisions.md; the local workspace's default):
// pause windows, schedules and a forecast's local times are read in it.
inline constexpr const char* kDefaultTimeZone = "Africa/Casablanca";

// No call or retry starts inside a window; nobody is skipped, only delayed (Gomobile docs: Pause windows).
struct PauseWindow {
  TimeOfDay start_at, end_at;  // in the organisation's timezone; end before start spans midnight
  bool operator==(const PauseWindow&) const = default;
};

struct PauseRange {
  std::string start_at, end_at;  // ISO 8601 instants (holidays and such)
  bool operator==(const PauseRange&) const = default;
};

inline constexpr const char* kWeekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                            "thursday", "friday", "saturday"};

struct PauseWindows {
  std::map<std::string, std::vector<PauseWindow>> days;  // weekday name (kWeekdays) -> windows
  std::vector<PauseRange> advanced;
  bool operator==(const PauseWindows&) const = default;
};

// The execution pauses (paused_threshold) when node `node_id` has run `threshold` times across
// all its calls; `reset_on_resume` restarts that count when the execution is resumed.
struct AutoPauseRule {
  std::string node_id;
  int threshold = 0;  // >= 1
  bool reset_on_resume = false;
  bool operator==(const AutoPauseRule&) const = default;
};

inline constexpr const char* kProgramStatuses[] = {"draft", "active", "archived"};

// CreateProgramDto / the PATCH body (Gomobile docs: Programs). Unset = absent from the body; on update, absent fields
// keep their value.
struct ProgramFields {
  std::optional<std::string> name;                   // required on create, 1-255
  std::optional<std::string> audience_id;            // required on create: an audience of the organisation
  std::optional<std::string> flow_id;                // required on create: a flow of the organisation
  std::optional<std::string> start_at;               // ISO 8601 with timezone; unset: start at launch
  std::optional<std::string> stop_at;                // ISO 8601 with timezone, after start_at
  std::optional<std::vector<std::string>> did_pool;  // DID ids or E.164 numbers of available DIDs
  std::optional<RetryStrategy> retry_strategy;
  std::optional<PauseWindows> pause_windows;
  std::optional<std::vector<AutoPauseRule>> auto_pause_rules;
  std::optional<std::string> status;  // draft | active | archived (see Platform::update_program)
};

struct Program {
  std::string id, organization_id, name, audience_id, flow_id;
  std::optional<std::string> start_at, stop_at;
  std::vector<std::string> did_pool;
  RetryStrategy retry_strategy;
  PauseWindows pause_windows;
  std::vector<AutoPauseRule> auto_pause_rules;
  std::string status = "draft";
  std::string created_at, updated_at;
};

// Stored execution statuses (Gomobile docs: Executions). The report's effective status splits `paused` into
// paused_manual and paused_window.
inline constexpr const char* kExecutionStatuses[] = {"scheduled",        "running",   "paused",  "paused_no_credits",
                                                     "paused_threshold", "completed", "stopped", "cancelled"};

// True for every paused status: paused, paused_no_credits, paused_threshold.
inline bool is_paused_status(const std::string& status) { return status.rfind("paused", 0) == 0; }

// An execution: one launch of a program over a snapshot of its audience. The counters always sum
// to total_contacts.
struct Execution {
  std::string id, program_id, organization_id, audience_id, flow_id;
  std::string status;
  int total_contacts = 0, contacts_completed = 0, contacts_failed = 0, contacts_pending = 0, contacts_in_progress = 0;
  std::string scheduled_start_at;
  std::optional<std::string> scheduled_stop_at, actual_start_at, actual_end_at;
  std::vector<AutoPauseRule> auto_pause_rules;
  std::string created_at, updated_at;
};

// Error codes of a refused launch (docs/decisions.md, "Programs, executions and call requests"): each its own.
inline constexpr const char* kProgramArchived = "PROGRAM_ARCHIVED";                   // 409
inline constexpr const char* kAudienceEmpty = "AUDIENCE_EMPTY";                       // 400
inline constexpr const char* kExecutionAlreadyRunning = "EXECUTION_ALREADY_RUNNING";  // 409
inline constexpr const char* kFlowInvalid = "FLOW_INVALID";                           // 400
inline constexpr const char* kReferenceNotFound = "REFERENCE_NOT_FOUND";              // 400: audience/flow gone
// A transition the execution's status does not allow (pause a paused execution, ...).
inline constexpr const char* kInvalidTransition = "INVALID_STATUS_TRANSITION";  // 409

}  // namespace gomo::api

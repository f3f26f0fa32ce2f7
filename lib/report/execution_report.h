#pragma once
// Executions for people and scripts: `gomo execution status` (once, a line per change, a live view),
// `gomo execution report` (summary, breakdown, calls) as text, json, yaml or csv. Reporters only format.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "api/calls.h"
#include "api/programs.h"

namespace gomo::report {

// The formats of `gomo execution report`; "text" and "table" are the same.
enum class ExecutionFormat { kText, kJson, kYaml, kCsv };
// Parses text|table|json|yaml|csv; false on anything else.
bool parse_execution_format(const std::string& name, ExecutionFormat* out);

// `gomo execution status` for people, several lines:
//   execution E of program "NAME" (P)        (`program_name` "": execution E of program P)
//   status       running (effective: paused_window)
//   contacts     10 = 3 completed + 1 failed + 5 pending + 1 in progress
//   reach rate   30.0%
//   calls        12 placed, 8 answered, average 42s
//   started      2026-03-01T09:00:00.000Z
// `program_name`: the program's name, "" when it could not be read (programs::Names).
void write_execution_status(std::ostream& out, const api::Execution& execution, const api::ExecutionReport& report,
                            const std::string& program_name = "");
// The same as json or yaml: the execution's fields (API names) plus effectiveStatus, reachRate,
// programName (when known) and the report under "report".
void write_execution_status_data(std::ostream& out, const api::Execution& execution, const api::ExecutionReport& report,
                                 ExecutionFormat format, const std::string& program_name = "");

// One line per change of a piped `status --watch`: "TIME STATUS[/EFFECTIVE] completed=3 failed=1
// pending=5 in_progress=1 total=10 reach=30.0% calls=12". TIME is the ISO instant of `at_ms`.
std::string execution_status_line(const api::Execution& execution, const api::ExecutionReport& report, long long at_ms);

// The live view of `status --watch` on a terminal: a fixed number of lines (kLiveViewLines), each
// ending in '\n', at most `width` columns: the status, a progress bar of contacts done, the counters,
// the call outcomes (when `breakdown` is given), reach rate and calls per minute. The first line names
// the program when `program_name` is given (programs::Names).
inline constexpr int kLiveViewLines = 5;
std::string execution_live_view(const api::Execution& execution, const api::ExecutionReport& report,
                                const api::ExecutionBreakdown* breakdown, double calls_per_minute, int width,
                                bool color, const std::string& program_name = "");

// `gomo execution report`: the summary, the breakdown (counts by call outcome, by contact status and
// by attempt) and the calls, each in `format`. CSV has a header row; the summary is one data row, the
// breakdown rows are `kind,key,count`. The summary names the program as status does (`program_name`):
// in text, as "programName" in json and yaml (only when known), and in the last CSV column.
void write_execution_report(std::ostream& out, const api::ExecutionReport& report, ExecutionFormat format,
                            const std::string& program_name = "");
void write_execution_breakdown(std::ostream& out, const api::ExecutionBreakdown& breakdown, ExecutionFormat format);
// Text is a table, aligned on a terminal (`tty`), tab-separated when piped.
void write_execution_calls(std::ostream& out, const std::vector<api::CallAttempt>& calls, ExecutionFormat format,
                           bool tty);

// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
std::string csv_field(const std::string& value);

}  // namespace gomo::report

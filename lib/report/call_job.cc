#include "report/call_job.h"

#include <algorithm>
#include <string>
#include <vector>

#include "base/time.h"

namespace gomo::report {

void write_call_job(std::ostream& out, const api::CallReport& report, bool tty) {
  out << "job " << report.job_id << "  status " << report.status << "  outcome " << report.final_outcome.value_or("-")
      << "\n";
  if (report.next_attempt_at) out << "next attempt: " << *report.next_attempt_at << "\n";
  if (report.attempts.empty()) {
    out << "no attempt yet\n";
    return;
  }
  std::vector<std::vector<std::string>> rows = {
      {"ATTEMPT", "CALL", "STATUS", "FROM", "TO", "DIALED", "DURATION", "OUTCOME", "REASON"}};
  for (const auto& a : report.attempts) {
    rows.push_back({std::to_string(a.attempt), a.call_id, a.call.status, a.call.from, a.call.to,
                    a.call.dialed_at.value_or(""), a.call.duration_ms ? format_duration_ms(*a.call.duration_ms) : "",
                    a.outcome, a.outcome_reason});
  }
  std::vector<size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      const bool last = i + 1 == row.size();
      out << row[i];
      if (!last) out << (tty ? std::string(widths[i] - row[i].size() + 2, ' ') : std::string("\t"));
    }
    out << "\n";
  }
}

}  // namespace gomo::report

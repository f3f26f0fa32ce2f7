// Executions as text, json, yaml and csv (report/execution_report.h).
#include "report/execution_report.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "api/wire.h"
#include "api/wire_programs.h"
#include "base/time.h"
#include "report/resources.h"

namespace gomo::report {
namespace {

using nlohmann::json;

std::string percent(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", value);
  return buf;
}

std::string one_decimal(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", value);
  return buf;
}

std::string status_text(const api::ExecutionReport& r, const std::string& status) {
  if (r.effective_status.empty() || r.effective_status == status) return status;
  return status + " (effective: " + r.effective_status + ")";
}

std::string counters(const api::Execution& e) {
  return std::to_string(e.total_contacts) + " = " + std::to_string(e.contacts_completed) + " completed + " +
         std::to_string(e.contacts_failed) + " failed + " + std::to_string(e.contacts_pending) + " pending + " +
         std::to_string(e.contacts_in_progress) + " in progress";
}

void print_data(std::ostream& out, const json& record, ExecutionFormat format) {
  ResourcePrintOptions options;
  options.format = format == ExecutionFormat::kYaml ? "yaml" : "json";
  print_resources(out, record, {}, options);
}

void csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
  out << "\n";
}

std::string opt(const std::optional<std::string>& s) { return s ? *s : ""; }

// `"March reminders" (01a2...)`, or the id alone when the name is unknown.
std::string program_text(const std::string& id, const std::string& name) {
  return name.empty() ? id : "\"" + name + "\" (" + id + ")";
}

}  // namespace

bool parse_execution_format(const std::string& name, ExecutionFormat* out) {
  if (name == "text" || name == "table") *out = ExecutionFormat::kText;
  else if (name == "json") *out = ExecutionFormat::kJson;
  else if (name == "yaml") *out = ExecutionFormat::kYaml;
  else if (name == "csv") *out = ExecutionFormat::kCsv;
  else return false;
  return true;
}

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_execution_status(std::ostream& out, const api::Execution& e, const api::ExecutionReport& r,
                            const std::string& program_name) {
  out << "execution " << e.id << " of program " << program_text(e.program_id, program_name) << "\n";
  out << "status       " << status_text(r, e.status) << "\n";
  out << "contacts     " << counters(e) << "\n";
  out << "reach rate   " << percent(r.contacts.reach_rate) << "\n";
  out << "calls        " << r.total_calls << " placed, " << r.answered_calls << " answered";
  if (r.average_duration_ms > 0) out << ", average " << format_duration_ms(r.average_duration_ms);
  out << "\n";
  out << "started      "
      << (e.actual_start_at ? *e.actual_start_at : "not yet (scheduled " + e.scheduled_start_at + ")") << "\n";
  if (e.actual_end_at) out << "ended        " << *e.actual_end_at << "\n";
}

void write_execution_status_data(std::ostream& out, const api::Execution& e, const api::ExecutionReport& r,
                                 ExecutionFormat format, const std::string& program_name) {
  json record = api::wire::encode(e);
  record["effectiveStatus"] = r.effective_status;
  record["reachRate"] = r.contacts.reach_rate;
  if (!program_name.empty()) record["programName"] = program_name;
  record["report"] = api::wire::encode(r);
  print_data(out, record, format);
}

std::string execution_status_line(const api::Execution& e, const api::ExecutionReport& r, long long at_ms) {
  std::string status = e.status;
  if (!r.effective_status.empty() && r.effective_status != e.status) status += "/" + r.effective_status;
  return iso_time(at_ms) + " " + status + " completed=" + std::to_string(e.contacts_completed) +
         " failed=" + std::to_string(e.contacts_failed) + " pending=" + std::to_string(e.contacts_pending) +
         " in_progress=" + std::to_string(e.contacts_in_progress) + " total=" + std::to_string(e.total_contacts) +
         " reach=" + percent(r.contacts.reach_rate) + " calls=" + std::to_string(r.total_calls);
}

std::string execution_live_view(const api::Execution& e, const api::ExecutionReport& r,
                                const api::ExecutionBreakdown* breakdown, double calls_per_minute, int width,
                                bool color, const std::string& program_name) {
  width = std::max(width, 40);
  // Plain text only: one column per code point (a program name may hold any text); never cut inside a
  // character. Colour goes on after the cut, so that no escape is cut or counted as columns.
  auto cut = [&](std::string line) {
    size_t i = 0;
    for (int columns = 0; i < line.size() && columns < width; ++columns) {
      do ++i;
      while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80);
    }
    line.resize(i);
    return line;
  };
  auto fit = [&](const std::string& line) { return cut(line) + "\n"; };
  const int done = e.contacts_completed + e.contacts_failed;
  const int bar = std::min(50, width - 20);
  const int filled = e.total_contacts > 0 ? bar * done / e.total_contacts : 0;
  const double share = e.total_contacts > 0 ? 100.0 * done / e.total_contacts : 0;
  std::string lines;
  std::string status = status_text(r, e.status);
  std::string program = program_name.empty() ? "" : "  program \"" + program_name + "\"";
  const std::string head = "execution " + e.id + "  ";
  std::string first = cut(head + status + program);
  if (color && first.size() > head.size()) {  // the status, as much of it as the cut left, in bold
    const size_t shown = std::min(status.size(), first.size() - head.size());
    first = head + "\x1b[1m" + first.substr(head.size(), shown) + "\x1b[0m" + first.substr(head.size() + shown);
  }
  lines += first + "\n";
  std::string progress = "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "] " + percent(share) +
                         "  " + std::to_string(done) + "/" + std::to_string(e.total_contacts) + " contacts done";
  lines += fit(progress);
  lines += fit("completed " + std::to_string(e.contacts_completed) + "  failed " + std::to_string(e.contacts_failed) +
               "  pending " + std::to_string(e.contacts_pending) + "  in progress " +
               std::to_string(e.contacts_in_progress));
  std::string outcomes = "outcomes ";
  if (breakdown && !breakdown->outcomes.empty()) {
    for (const auto& [outcome, n] : breakdown->outcomes) outcomes += " " + outcome + " " + std::to_string(n);
  } else {
    outcomes += " none yet";
  }
  lines += fit(outcomes);
  lines += fit("reach " + percent(r.contacts.reach_rate) + "  calls " + std::to_string(r.total_calls) + " (" +
               std::to_string(r.answered_calls) + " answered)  " + one_decimal(calls_per_minute) + " calls/min");
  return lines;
}

void write_execution_report(std::ostream& out, const api::ExecutionReport& r, ExecutionFormat format,
                            const std::string& program_name) {
  const api::ContactMetrics& c = r.contacts;
  switch (format) {
    case ExecutionFormat::kJson:
    case ExecutionFormat::kYaml: {
      json record = api::wire::encode(r);
      if (!program_name.empty()) record["programName"] = program_name;
      print_data(out, record, format);
      return;
    }
    case ExecutionFormat::kCsv:
      csv_row(out, {"executionId", "programId", "status", "effectiveStatus", "totalContacts", "pending", "queued",
                    "calling", "pendingRetry", "completed", "failed", "skipped", "reachRate", "totalCalls",
                    "answeredCalls", "averageDurationMs", "startedAt", "endedAt", "programName"});
      csv_row(out, {r.execution_id, r.program_id, r.status, r.effective_status, std::to_string(c.total_contacts),
                    std::to_string(c.pending), std::to_string(c.queued), std::to_string(c.calling),
                    std::to_string(c.pending_retry), std::to_string(c.completed), std::to_string(c.failed),
                    std::to_string(c.skipped), one_decimal(c.reach_rate), std::to_string(r.total_calls),
                    std::to_string(r.answered_calls), std::to_string(r.average_duration_ms), opt(r.started_at),
                    opt(r.ended_at), program_name});
      return;
    case ExecutionFormat::kText: break;
  }
  out << "execution    " << r.execution_id << " of program " << program_text(r.program_id, program_name) << "\n";
  out << "status       " << status_text(r, r.status) << "\n";
  out << "contacts     " << c.total_contacts << ": " << c.completed << " completed, " << c.failed << " failed, "
      << c.skipped << " skipped, " << c.pending << " pending, " << c.queued << " queued, " << c.calling << " calling, "
      << c.pending_retry << " waiting to retry\n";
  out << "reach rate   " << percent(c.reach_rate) << "\n";
  out << "calls        " << r.total_calls << " placed, " << r.answered_calls << " answered";
  if (r.average_duration_ms > 0) out << ", average " << format_duration_ms(r.average_duration_ms);
  out << "\n";
  if (r.started_at) out << "started      " << *r.started_at << "\n";
  if (r.ended_at) out << "ended        " << *r.ended_at << "\n";
}

void write_execution_breakdown(std::ostream& out, const api::ExecutionBreakdown& b, ExecutionFormat format) {
  const std::pair<const char*, const std::map<std::string, int>*> kinds[] = {
      {"outcome", &b.outcomes}, {"contactStatus", &b.contact_statuses}, {"attempt", &b.attempts}};
  switch (format) {
    case ExecutionFormat::kJson:
    case ExecutionFormat::kYaml: print_data(out, api::wire::encode(b), format); return;
    case ExecutionFormat::kCsv:
      csv_row(out, {"kind", "key", "count"});
      for (const auto& [kind, counts] : kinds)
        for (const auto& [key, n] : *counts) csv_row(out, {kind, key, std::to_string(n)});
      return;
    case ExecutionFormat::kText: break;
  }
  const char* const titles[] = {"calls by outcome", "contacts by status", "calls by attempt"};
  for (size_t i = 0; i < 3; ++i) {
    out << (i ? "\n" : "") << titles[i] << "\n";
    if (kinds[i].second->empty()) out << "  (none yet)\n";
    for (const auto& [key, n] : *kinds[i].second) {
      std::string label = key;
      label.resize(std::max<size_t>(label.size(), 16), ' ');
      out << "  " << label << " " << n << "\n";
    }
  }
}

void write_execution_calls(std::ostream& out, const std::vector<api::CallAttempt>& calls, ExecutionFormat format,
                           bool tty) {
  if (format == ExecutionFormat::kCsv) {
    csv_row(out, {"callId", "attempt", "contactId", "to", "from", "outcome", "outcomeReason", "createdAt", "answeredAt",
                  "terminatedAt", "durationMs"});
    for (const auto& c : calls) {
      csv_row(out, {c.call_id, std::to_string(c.attempt), opt(c.contact_id), c.call.to, c.call.from, c.outcome,
                    c.outcome_reason, c.call.created_at, opt(c.call.answered_at), opt(c.call.terminated_at),
                    c.call.duration_ms ? std::to_string(*c.call.duration_ms) : ""});
    }
    return;
  }
  json records = json::array();
  for (const auto& c : calls) records.push_back(api::wire::encode(c));
  ResourcePrintOptions options;
  options.format = format == ExecutionFormat::kJson ? "json" : format == ExecutionFormat::kYaml ? "yaml" : "table";
  options.tty = tty;
  print_resources(out, records,
                  {{"CALL", "callId"},
                   {"ATTEMPT", "attempt"},
                   {"CONTACT", "contactId"},
                   {"TO", "call.to"},
                   {"OUTCOME", "outcome"},
                   {"REASON", "outcomeReason"},
                   {"STARTED", "call.createdAt"},
                   {"DURATION MS", "call.durationMs"}},
                  options);
}

}  // namespace gomo::report

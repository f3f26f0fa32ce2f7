#include "campaign/attempt.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>

#include "base/time.h"

namespace gomo::campaign {

namespace {

const std::set<std::string, std::less<>> kContactFields = {"firstName", "lastName", "fullName", "primaryEmail",
                                                           "city",      "country",  "language", "company"};

// iso_time's format ("2026-05-04T08:00:00.000Z") without snprintf: three per attempt, a million
// attempts in a forecast.
void format_iso(EpochMillis ms, std::string& out) {
  using namespace std::chrono;
  const EpochMillis day = (ms >= 0 ? ms : ms - 86'399'999) / 86'400'000;
  const EpochMillis in_day = ms - day * 86'400'000;
  const year_month_day ymd{sys_days{days{day}}};
  char buf[24];
  auto put = [&](int at, int width, long v) {
    for (int i = at + width - 1; i >= at; --i, v /= 10) buf[i] = static_cast<char>('0' + v % 10);
  };
  put(0, 4, static_cast<int>(ymd.year()));
  buf[4] = '-';
  put(5, 2, static_cast<long>(static_cast<unsigned>(ymd.month())));
  buf[7] = '-';
  put(8, 2, static_cast<long>(static_cast<unsigned>(ymd.day())));
  buf[10] = 'T';
  put(11, 2, static_cast<long>(in_day / 3'600'000));
  buf[13] = ':';
  put(14, 2, static_cast<long>(in_day / 60'000 % 60));
  buf[16] = ':';
  put(17, 2, static_cast<long>(in_day / 1000 % 60));
  buf[19] = '.';
  put(20, 3, static_cast<long>(in_day % 1000));
  buf[23] = 'Z';
  out.assign(buf, sizeof buf);
}

}  // namespace

engine::RingReply RingTimer::ring(const engine::CallSetup& call, engine::Millis timeout, bool amd) {
  engine::RingReply r = inner_.ring(call, timeout, amd);
  ring_ms = std::min(r.after_ms, timeout);
  return r;
}

engine::Contact engine_contact(const api::DueContact& due) {
  engine::Contact contact;
  contact.id = due.contact_id;
  contact.phone = due.phone;
  for (const auto& [k, v] : due.fields) (kContactFields.count(k) ? contact.fields : contact.attributes)[k] = v;
  return contact;
}

void fill_attempt(const engine::CallReport& report, int attempt, const std::string& contact_id, const std::string& from,
                  const std::string& to, EpochMillis start, EpochMillis end, engine::Millis ring_ms,
                  api::CallAttempt& a) {
  a.attempt = attempt;
  a.contact_id = contact_id;
  a.call.status = report.outcome;
  a.call.from = from;
  a.call.to = to;
  format_iso(start, a.call.created_at);
  a.call.dialed_at = a.call.created_at;
  if (report.answered) format_iso(start + ring_ms, a.call.answered_at.emplace());
  else a.call.answered_at.reset();
  format_iso(end, a.call.terminated_at.emplace());
  a.call.duration_ms = end - start;
  a.outcome = report.outcome;
  a.outcome_reason = report.outcome_reason;
}

std::string flow_execution_json(const std::string& flow_id, const engine::CallReport& report, EpochMillis start) {
  nlohmann::json path = nlohmann::json::array();
  int visits = 0;
  for (const auto& p : report.path) {
    nlohmann::json entry = {{"nodeId", p.node_id}, {"nodeType", p.node_type}, {"timestamp", iso_time(start + p.at_ms)}};
    if (!p.node_label.empty()) entry["nodeLabel"] = p.node_label;
    if (!p.output_path.empty()) entry["outputPath"] = p.output_path;
    path.push_back(std::move(entry));
    ++visits;
  }
  nlohmann::json vars = nlohmann::json::object();
  for (const auto& [name, value] : report.final_variables) vars[name] = value.text();
  return nlohmann::json{{"flowId", flow_id},
                        {"flowName", std::string(report.flow_name)},
                        {"flowVersion", 1},
                        {"executionPath", std::move(path)},
                        {"finalVariables", std::move(vars)},
                        {"nodeExecutionCount", visits},
                        {"flowStartedAt", iso_time(start)},
                        {"flowCompletedAt", iso_time(start + report.duration_ms)}}
      .dump();
}

}  // namespace gomo::campaign

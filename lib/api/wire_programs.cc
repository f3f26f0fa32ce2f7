#include "api/wire_programs.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "api/wire.h"
#include "api/wire_read.h"

namespace gomo::api::wire {
namespace {

using FieldErrors = std::map<std::string, std::vector<std::string>>;

using namespace read;

// Request reader: `obj` must be an object whose members are all in `documented`; each accessor
// checks the member's JSON type. Problems go to `errors` under prefix + member name.
class Reader {
 public:
  Reader(const json& obj, std::string prefix, FieldErrors& errors, const std::vector<std::string>& documented)
      : obj_(obj), prefix_(std::move(prefix)), errors_(errors) {
    if (!obj.is_object()) {
      errors_[prefix_.empty() ? "body" : prefix_.substr(0, prefix_.size() - 1)].push_back("must be a JSON object");
      return;
    }
    for (const auto& [key, value] : obj.items()) {
      if (std::find(documented.begin(), documented.end(), key) == documented.end()) {
        errors_[prefix_ + key].push_back("property " + key + " should not exist");
      }
    }
  }

  std::string at(const char* key) const { return prefix_ + key; }
  bool has(const char* key) const { return find(key) != nullptr; }

  std::optional<std::string> string(const char* key) {
    const json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) return wrong(key, "a string");
    return v->get<std::string>();
  }
  std::optional<long long> number(const char* key) {
    const json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) return wrong(key, "an integer number");
    return v->get<long long>();
  }
  std::optional<bool> flag(const char* key) {
    const json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) return wrong(key, "a boolean value");
    return v->get<bool>();
  }
  const json* object(const char* key) {
    const json* v = find(key);
    if (v && !v->is_object()) return wrong(key, "an object"), nullptr;
    return v;
  }
  const json* array(const char* key) {
    const json* v = find(key);
    if (v && !v->is_array()) return wrong(key, "an array"), nullptr;
    return v;
  }
  std::optional<std::vector<std::string>> strings(const char* key) {
    const json* v = array(key);
    if (!v) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& item : *v) {
      if (!item.is_string()) return wrong(key, "an array of strings");
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  void require(const char* key) {
    if (!find(key) && obj_.is_object()) errors_[at(key)].push_back(std::string(key) + " should not be empty");
  }

 private:
  const json* find(const char* key) const {
    if (!obj_.is_object()) return nullptr;
    auto it = obj_.find(key);
    return it == obj_.end() || it->is_null() ? nullptr : &*it;
  }
  std::nullopt_t wrong(const char* key, const char* what) {
    errors_[at(key)].push_back(std::string(key) + " must be " + what);
    return std::nullopt;
  }
  const json& obj_;
  std::string prefix_;
  FieldErrors& errors_;
};

// Retry strategy of either spelling; `call_request` picks the documented member names.
RetryStrategy read_retry(const json& j, const std::string& prefix, FieldErrors& errors, bool call_request) {
  RetryStrategy r;
  std::string type;
  if (j.is_object()) {
    if (auto it = j.find("type"); it != j.end() && it->is_string()) type = it->get<std::string>();
  }
  const char* fixed = call_request ? "fixed-delay" : "fixed_delay";
  std::vector<std::string> documented = {"type"};
  if (type == fixed) {
    documented = call_request ? std::vector<std::string>{"type", "delay", "maxRetries"}
                              : std::vector<std::string>{"type", "delayMinutes", "maxRetries"};
  } else if (type == "scheduled") {
    documented = {"type", call_request ? "dates" : "retryDates"};
  }
  Reader rd(j, prefix, errors, documented);
  rd.require("type");
  auto t = rd.string("type");
  if (!t) return r;
  if (*t == "none") {
    r.type = "none";
  } else if (*t == fixed) {
    r.type = "fixed_delay";
    const char* delay_key = call_request ? "delay" : "delayMinutes";
    rd.require(delay_key);
    rd.require("maxRetries");
    auto delay = rd.number(delay_key);
    if (delay) r.delay_ms = call_request ? *delay : *delay * 60000;
    if (delay && *delay <= 0) errors[rd.at(delay_key)].push_back(std::string(delay_key) + " must be positive");
    auto retries = rd.number("maxRetries");
    if (retries) r.max_retries = static_cast<int>(*retries);
    if (retries && (*retries < 0 || *retries > 100)) {
      errors[rd.at("maxRetries")].push_back("maxRetries must be between 0 and 100");
    }
  } else if (*t == "scheduled") {
    r.type = "scheduled";
    const char* dates_key = call_request ? "dates" : "retryDates";
    rd.require(dates_key);
    if (auto dates = rd.strings(dates_key)) r.dates = *dates;
  } else {
    errors[rd.at("type")].push_back(std::string("type must be one of the following values: none, ") + fixed +
                                    ", scheduled");
  }
  return r;
}

json time_json(const TimeOfDay& t) { return {{"hour", t.hour}, {"minute", t.minute}}; }

json pause_windows_json(const PauseWindows& w) {
  json j = json::object();
  for (const auto& [day, windows] : w.days) {
    json list = json::array();
    for (const auto& win : windows) list.push_back({{"startAt", time_json(win.start_at)}, {"endAt", time_json(win.end_at)}});
    j[day] = list;
  }
  if (!w.advanced.empty()) {
    json list = json::array();
    for (const auto& r : w.advanced) list.push_back({{"startAt", r.start_at}, {"endAt", r.end_at}});
    j["advanced"] = list;
  }
  return j;
}

TimeOfDay read_time(const json& j, const std::string& prefix, FieldErrors& errors) {
  Reader rd(j, prefix, errors, {"hour", "minute"});
  rd.require("hour");
  TimeOfDay t;
  if (auto h = rd.number("hour")) t.hour = static_cast<int>(*h);
  if (auto m = rd.number("minute")) t.minute = static_cast<int>(*m);
  return t;
}

PauseWindows read_pause_windows(const json& j, const std::string& prefix, FieldErrors& errors) {
  std::vector<std::string> documented(std::begin(kWeekdays), std::end(kWeekdays));
  documented.push_back("advanced");
  Reader rd(j, prefix, errors, documented);
  PauseWindows w;
  for (const char* day : kWeekdays) {
    const json* list = rd.array(day);
    if (!list) continue;
    auto& windows = w.days[day];
    for (size_t i = 0; i < list->size(); ++i) {
      std::string at = rd.at(day) + "." + std::to_string(i) + ".";
      Reader item((*list)[i], at, errors, {"startAt", "endAt"});
      item.require("startAt");
      item.require("endAt");
      PauseWindow win;
      if (const json* s = item.object("startAt")) win.start_at = read_time(*s, at + "startAt.", errors);
      if (const json* e = item.object("endAt")) win.end_at = read_time(*e, at + "endAt.", errors);
      windows.push_back(win);
    }
  }
  if (const json* list = rd.array("advanced")) {
    for (size_t i = 0; i < list->size(); ++i) {
      std::string at = rd.at("advanced") + "." + std::to_string(i) + ".";
      Reader item((*list)[i], at, errors, {"startAt", "endAt"});
      item.require("startAt");
      item.require("endAt");
      PauseRange r;
      r.start_at = item.string("startAt").value_or("");
      r.end_at = item.string("endAt").value_or("");
      w.advanced.push_back(r);
    }
  }
  return w;
}

PauseWindows decode_pause_windows(const json& j) {
  PauseWindows w;
  if (!j.is_object()) return w;
  for (const char* day : kWeekdays) {
    const json& list = member(j, day);
    if (!list.is_array()) continue;
    auto& windows = w.days[day];
    for (const auto& item : list) {
      auto t = [&](const char* key) {
        const json& v = member(item, key);
        return TimeOfDay{static_cast<int>(integer(v, "hour")), static_cast<int>(integer(v, "minute"))};
      };
      windows.push_back({t("startAt"), t("endAt")});
    }
  }
  const json& advanced = member(j, "advanced");
  if (advanced.is_array()) {
    for (const auto& item : advanced) w.advanced.push_back({str(item, "startAt"), str(item, "endAt")});
  }
  return w;
}

json rules_json(const std::vector<AutoPauseRule>& rules) {
  json list = json::array();
  for (const auto& r : rules) {
    list.push_back({{"nodeId", r.node_id}, {"threshold", r.threshold}, {"resetOnResume", r.reset_on_resume}});
  }
  return list;
}

std::vector<AutoPauseRule> read_rules(const json& list, const std::string& prefix, FieldErrors& errors) {
  std::vector<AutoPauseRule> rules;
  for (size_t i = 0; i < list.size(); ++i) {
    std::string at = prefix + "." + std::to_string(i) + ".";
    Reader rd(list[i], at, errors, {"nodeId", "threshold", "resetOnResume"});
    rd.require("nodeId");
    rd.require("threshold");
    AutoPauseRule r;
    r.node_id = rd.string("nodeId").value_or("");
    r.threshold = static_cast<int>(rd.number("threshold").value_or(0));
    r.reset_on_resume = rd.flag("resetOnResume").value_or(false);
    rules.push_back(r);
  }
  return rules;
}

std::vector<AutoPauseRule> decode_rules(const json& list) {
  std::vector<AutoPauseRule> rules;
  if (!list.is_array()) return rules;
  for (const auto& item : list) {
    rules.push_back({str(item, "nodeId"), static_cast<int>(integer(item, "threshold")), boolean(item, "resetOnResume")});
  }
  return rules;
}

json call_details_json(const CallDetails& c) {
  json j = {{"status", c.status},
            {"direction", c.direction},
            {"from", c.from},
            {"to", c.to},
            {"createdAt", c.created_at},
            {"dialedAt", opt(c.dialed_at)},
            {"answeredAt", opt(c.answered_at)},
            {"terminatedAt", opt(c.terminated_at)}};
  j["durationMs"] = c.duration_ms ? json(*c.duration_ms) : json(nullptr);
  return j;
}

Result<bool> errors_result(FieldErrors errors) {
  if (!errors.empty()) return validation_error(std::move(errors));
  return true;
}

}  // namespace

json program_retry_json(const RetryStrategy& r) {
  if (r.type == "fixed_delay") {
    return {{"type", "fixed_delay"}, {"delayMinutes", r.delay_ms / 60000}, {"maxRetries", r.max_retries}};
  }
  if (r.type == "scheduled") return {{"type", "scheduled"}, {"retryDates", r.dates}};
  return {{"type", "none"}};
}

json call_request_retry_json(const RetryStrategy& r) {
  if (r.type == "fixed_delay") return {{"type", "fixed-delay"}, {"delay", r.delay_ms}, {"maxRetries", r.max_retries}};
  if (r.type == "scheduled") return {{"type", "scheduled"}, {"dates", r.dates}};
  return {{"type", "none"}};
}

RetryStrategy decode_retry(const json& j) {
  RetryStrategy r;
  std::string type = j.is_object() ? str(j, "type") : "";
  if (type == "fixed_delay" || type == "fixed-delay") {
    r.type = "fixed_delay";
    r.delay_ms = j.contains("delayMinutes") ? integer(j, "delayMinutes") * 60000 : integer(j, "delay");
    r.max_retries = static_cast<int>(integer(j, "maxRetries"));
  } else if (type == "scheduled") {
    r.type = "scheduled";
    r.dates = j.contains("retryDates") ? strings(j, "retryDates") : strings(j, "dates");
  }
  return r;
}

json encode(const Did& d) {
  return {{"id", d.id},           {"number", d.number},   {"country", d.country},
          {"description", opt(d.description)}, {"isShared", d.is_shared}, {"organizationId", opt(d.organization_id)},
          {"status", d.status},   {"createdAt", d.created_at}, {"updatedAt", d.updated_at}};
}

Did decode_did(const json& j) {
  Did d;
  d.id = str(j, "id");
  d.number = str(j, "number");
  d.country = str(j, "country");
  d.description = opt_str(j, "description");
  d.is_shared = boolean(j, "isShared");
  d.organization_id = opt_str(j, "organizationId");
  d.status = str(j, "status");
  d.created_at = str(j, "createdAt");
  d.updated_at = str(j, "updatedAt");
  return d;
}

json encode(const Audio& a) {
  json j = {{"id", a.id},
            {"organizationId", a.organization_id},
            {"title", a.title},
            {"description", opt(a.description)},
            {"usageType", opt(a.usage_type)},
            {"tags", a.tags},
            {"file",
             {{"name", a.file.name},
              {"mimeType", a.file.mime_type},
              {"sizeBytes", a.file.size_bytes},
              {"playable", a.file.playable},
              {"downloadable", a.file.downloadable}}},
            {"createdAt", a.created_at},
            {"updatedAt", a.updated_at}};
  j["durationSeconds"] = a.duration_seconds ? json(*a.duration_seconds) : json(nullptr);
  return j;
}

Audio decode_audio(const json& j) {
  Audio a;
  a.id = str(j, "id");
  a.organization_id = str(j, "organizationId");
  a.title = str(j, "title");
  a.description = opt_str(j, "description");
  a.usage_type = opt_str(j, "usageType");
  a.tags = strings(j, "tags");
  if (const json& d = member(j, "durationSeconds"); d.is_number()) a.duration_seconds = d.get<double>();
  const json& f = member(j, "file");
  if (f.is_object()) {
    a.file.name = str(f, "name");
    a.file.mime_type = str(f, "mimeType");
    a.file.size_bytes = integer(f, "sizeBytes");
    a.file.playable = boolean(f, "playable");
    a.file.downloadable = boolean(f, "downloadable");
  }
  a.created_at = str(j, "createdAt");
  a.updated_at = str(j, "updatedAt");
  return a;
}

json encode(const Dictionary& d) {
  return {{"id", d.id},
          {"name", d.name},
          {"description", opt(d.description)},
          {"language", d.language},
          {"organizationId", opt(d.organization_id)},
          {"isSystem", d.is_system},
          {"entryCount", d.entry_count},
          {"createdAt", d.created_at},
          {"updatedAt", d.updated_at},
          {"deletedAt", nullptr}};
}

Dictionary decode_dictionary(const json& j) {
  Dictionary d;
  d.id = str(j, "id");
  d.name = str(j, "name");
  d.description = opt_str(j, "description");
  d.language = str(j, "language");
  d.organization_id = opt_str(j, "organizationId");
  d.is_system = boolean(j, "isSystem");
  d.entry_count = static_cast<int>(integer(j, "entryCount"));
  d.created_at = str(j, "createdAt");
  d.updated_at = str(j, "updatedAt");
  return d;
}

json encode(const Program& p) {
  return {{"id", p.id},
          {"organizationId", p.organization_id},
          {"name", p.name},
          {"audienceId", p.audience_id},
          {"flowId", p.flow_id},
          {"startAt", opt(p.start_at)},
          {"stopAt", opt(p.stop_at)},
          {"didPool", p.did_pool},
          {"retryStrategy", program_retry_json(p.retry_strategy)},
          {"pauseWindows", pause_windows_json(p.pause_windows)},
          {"autoPauseRules", rules_json(p.auto_pause_rules)},
          {"status", p.status},
          {"createdAt", p.created_at},
          {"updatedAt", p.updated_at}};
}

Program decode_program(const json& j) {
  Program p;
  p.id = str(j, "id");
  p.organization_id = str(j, "organizationId");
  p.name = str(j, "name");
  p.audience_id = str(j, "audienceId");
  p.flow_id = str(j, "flowId");
  p.start_at = opt_str(j, "startAt");
  p.stop_at = opt_str(j, "stopAt");
  p.did_pool = strings(j, "didPool");
  p.retry_strategy = decode_retry(member(j, "retryStrategy"));
  p.pause_windows = decode_pause_windows(member(j, "pauseWindows"));
  p.auto_pause_rules = decode_rules(member(j, "autoPauseRules"));
  p.status = str(j, "status");
  p.created_at = str(j, "createdAt");
  p.updated_at = str(j, "updatedAt");
  return p;
}

json encode(const Execution& e) {
  return {{"id", e.id},
          {"programId", e.program_id},
          {"organizationId", e.organization_id},
          {"audienceId", e.audience_id},
          {"flowId", e.flow_id},
          {"status", e.status},
          {"totalContacts", e.total_contacts},
          {"contactsCompleted", e.contacts_completed},
          {"contactsFailed", e.contacts_failed},
          {"contactsPending", e.contacts_pending},
          {"contactsInProgress", e.contacts_in_progress},
          {"scheduledStartAt", e.scheduled_start_at},
          {"scheduledStopAt", opt(e.scheduled_stop_at)},
          {"actualStartAt", opt(e.actual_start_at)},
          {"actualEndAt", opt(e.actual_end_at)},
          {"autoPauseRules", rules_json(e.auto_pause_rules)},
          {"createdAt", e.created_at},
          {"updatedAt", e.updated_at}};
}

json encode_launch(const Execution& e) {
  json j = encode(e);
  j["executionId"] = e.id;
  return j;
}

Execution decode_execution(const json& j) {
  Execution e;
  e.id = str(j, "id");
  if (e.id.empty()) e.id = str(j, "executionId");
  e.program_id = str(j, "programId");
  e.organization_id = str(j, "organizationId");
  e.audience_id = str(j, "audienceId");
  e.flow_id = str(j, "flowId");
  e.status = str(j, "status");
  e.total_contacts = static_cast<int>(integer(j, "totalContacts"));
  e.contacts_completed = static_cast<int>(integer(j, "contactsCompleted"));
  e.contacts_failed = static_cast<int>(integer(j, "contactsFailed"));
  e.contacts_pending = static_cast<int>(integer(j, "contactsPending"));
  e.contacts_in_progress = static_cast<int>(integer(j, "contactsInProgress"));
  e.scheduled_start_at = str(j, "scheduledStartAt");
  e.scheduled_stop_at = opt_str(j, "scheduledStopAt");
  e.actual_start_at = opt_str(j, "actualStartAt");
  e.actual_end_at = opt_str(j, "actualEndAt");
  e.auto_pause_rules = decode_rules(member(j, "autoPauseRules"));
  e.created_at = str(j, "createdAt");
  e.updated_at = str(j, "updatedAt");
  return e;
}

json encode(const ExecutionReport& r) {
  const auto& c = r.contacts;
  return {{"executionId", r.execution_id},
          {"programId", r.program_id},
          {"status", r.status},
          {"effectiveStatus", r.effective_status},
          {"contactMetrics",
           {{"totalContacts", c.total_contacts},
            {"pending", c.pending},
            {"queued", c.queued},
            {"calling", c.calling},
            {"pendingRetry", c.pending_retry},
            {"completed", c.completed},
            {"failed", c.failed},
            {"skipped", c.skipped},
            {"reachRate", c.reach_rate}}},
          {"totalCalls", r.total_calls},
          {"answeredCalls", r.answered_calls},
          {"averageDurationMs", r.average_duration_ms},
          {"startedAt", opt(r.started_at)},
          {"endedAt", opt(r.ended_at)}};
}

ExecutionReport decode_execution_report(const json& j) {
  ExecutionReport r;
  r.execution_id = str(j, "executionId");
  r.program_id = str(j, "programId");
  r.status = str(j, "status");
  r.effective_status = str(j, "effectiveStatus");
  const json& c = member(j, "contactMetrics");
  if (c.is_object()) {
    auto n = [&](const char* key) { return static_cast<int>(integer(c, key)); };
    r.contacts = {n("totalContacts"), n("pending"), n("queued"),  n("calling"), n("pendingRetry"),
                  n("completed"),     n("failed"),  n("skipped"), 0};
    if (const json& rate = member(c, "reachRate"); rate.is_number()) r.contacts.reach_rate = rate.get<double>();
  }
  r.total_calls = static_cast<int>(integer(j, "totalCalls"));
  r.answered_calls = static_cast<int>(integer(j, "answeredCalls"));
  r.average_duration_ms = integer(j, "averageDurationMs");
  r.started_at = opt_str(j, "startedAt");
  r.ended_at = opt_str(j, "endedAt");
  return r;
}

json encode(const ExecutionBreakdown& b) {
  return {{"executionId", b.execution_id},
          {"outcomes", b.outcomes},
          {"contactStatuses", b.contact_statuses},
          {"attempts", b.attempts}};
}

ExecutionBreakdown decode_execution_breakdown(const json& j) {
  return {str(j, "executionId"), counts(member(j, "outcomes")), counts(member(j, "contactStatuses")),
          counts(member(j, "attempts"))};
}

json encode(const CallAttempt& a) {
  json j = {{"callId", a.call_id}, {"attempt", a.attempt}};
  if (a.contact_id) j["contactId"] = *a.contact_id;
  j["call"] = call_details_json(a.call);
  j["outcome"] = a.outcome;
  j["outcomeReason"] = a.outcome_reason;
  j["flowExecution"] = a.flow_execution_json ? json::parse(*a.flow_execution_json) : json(nullptr);
  j["events"] = json::parse(a.events_json);
  return j;
}

CallAttempt decode_call_attempt(const json& j) {
  CallAttempt a;
  a.call_id = str(j, "callId");
  a.attempt = static_cast<int>(integer(j, "attempt"));
  a.contact_id = opt_str(j, "contactId");
  const json& c = member(j, "call");
  if (c.is_object()) {
    a.call.status = str(c, "status");
    a.call.direction = str(c, "direction");
    a.call.from = str(c, "from");
    a.call.to = str(c, "to");
    a.call.created_at = str(c, "createdAt");
    a.call.dialed_at = opt_str(c, "dialedAt");
    a.call.answered_at = opt_str(c, "answeredAt");
    a.call.terminated_at = opt_str(c, "terminatedAt");
    if (const json& d = member(c, "durationMs"); d.is_number()) a.call.duration_ms = d.get<long long>();
  }
  a.outcome = str(j, "outcome");
  a.outcome_reason = str(j, "outcomeReason");
  if (const json& f = member(j, "flowExecution"); f.is_object()) a.flow_execution_json = f.dump();
  if (const json& e = member(j, "events"); e.is_array()) a.events_json = e.dump();
  return a;
}

json encode(const CallRequestResult& r) { return {{"jobId", r.job_id}, {"status", r.status}}; }

CallRequestResult decode_call_request_result(const json& j) {
  CallRequestResult r;
  r.job_id = str(j, "jobId");
  if (r.job_id.empty()) r.job_id = str(j, "id");
  r.status = str(j, "status");
  return r;
}

json encode(const CallRequest& r) {
  return {{"id", r.id},
          {"jobId", r.id},
          {"organizationId", r.organization_id},
          {"didId", r.fields.did_id},
          {"contactId", r.fields.contact_id},
          {"flowId", r.fields.flow_id},
          {"retry", call_request_retry_json(r.fields.retry)},
          {"startAt", opt(r.fields.start_at)},
          {"status", r.status},
          {"createdAt", r.created_at},
          {"updatedAt", r.updated_at}};
}

CallRequest decode_call_request(const json& j) {
  CallRequest r;
  r.id = str(j, "id");
  if (r.id.empty()) r.id = str(j, "jobId");
  r.organization_id = str(j, "organizationId");
  r.fields.did_id = str(j, "didId");
  r.fields.contact_id = str(j, "contactId");
  r.fields.flow_id = str(j, "flowId");
  r.fields.retry = decode_retry(member(j, "retry"));
  r.fields.start_at = opt_str(j, "startAt");
  r.status = str(j, "status");
  r.created_at = str(j, "createdAt");
  r.updated_at = str(j, "updatedAt");
  return r;
}

json encode(const CallReport& r) {
  json attempts = json::array();
  for (const auto& a : r.attempts) attempts.push_back(encode(a));
  return {{"jobId", r.job_id}, {"status", r.status}, {"finalOutcome", opt(r.final_outcome)}, {"attempts", attempts}};
}

CallReport decode_call_report(const json& j) {
  CallReport r;
  r.job_id = str(j, "jobId");
  r.status = str(j, "status");
  r.final_outcome = opt_str(j, "finalOutcome");
  if (const json& list = member(j, "attempts"); list.is_array()) {
    for (const auto& a : list) r.attempts.push_back(decode_call_attempt(a));
  }
  return r;
}

json program_body(const ProgramFields& f) {
  json j = json::object();
  if (f.name) j["name"] = *f.name;
  if (f.audience_id) j["audienceId"] = *f.audience_id;
  if (f.flow_id) j["flowId"] = *f.flow_id;
  if (f.start_at) j["startAt"] = *f.start_at;
  if (f.stop_at) j["stopAt"] = *f.stop_at;
  if (f.did_pool) j["didPool"] = *f.did_pool;
  if (f.retry_strategy) j["retryStrategy"] = program_retry_json(*f.retry_strategy);
  if (f.pause_windows) j["pauseWindows"] = pause_windows_json(*f.pause_windows);
  if (f.auto_pause_rules) j["autoPauseRules"] = rules_json(*f.auto_pause_rules);
  if (f.status) j["status"] = *f.status;
  return j;
}

json resume_body(const std::vector<AutoPauseRule>& rules) { return {{"autoPauseRules", rules_json(rules)}}; }

json call_request_body(const CallRequestFields& f) {
  json j = {{"didId", f.did_id}, {"contactId", f.contact_id}, {"flowId", f.flow_id},
            {"retry", call_request_retry_json(f.retry)}};
  if (f.start_at) j["startAt"] = *f.start_at;
  return j;
}

Result<ProgramFields> parse_program(const json& body) {
  FieldErrors errors;
  Reader rd(body, "", errors, documented_fields("program"));
  ProgramFields f;
  f.name = rd.string("name");
  f.audience_id = rd.string("audienceId");
  f.flow_id = rd.string("flowId");
  f.start_at = rd.string("startAt");
  f.stop_at = rd.string("stopAt");
  f.did_pool = rd.strings("didPool");
  if (const json* r = rd.object("retryStrategy")) f.retry_strategy = read_retry(*r, "retryStrategy.", errors, false);
  if (const json* w = rd.object("pauseWindows")) f.pause_windows = read_pause_windows(*w, "pauseWindows.", errors);
  if (const json* rules = rd.array("autoPauseRules")) f.auto_pause_rules = read_rules(*rules, "autoPauseRules", errors);
  f.status = rd.string("status");
  if (auto ok = errors_result(std::move(errors)); !ok) return ok.error();
  return f;
}

Result<std::optional<std::vector<AutoPauseRule>>> parse_resume(const json& body) {
  FieldErrors errors;
  Reader rd(body, "", errors, documented_fields("resume"));
  std::optional<std::vector<AutoPauseRule>> rules;
  if (const json* list = rd.array("autoPauseRules")) rules = read_rules(*list, "autoPauseRules", errors);
  if (auto ok = errors_result(std::move(errors)); !ok) return ok.error();
  return rules;
}

Result<CallRequestFields> parse_call_request(const json& body) {
  FieldErrors errors;
  Reader rd(body, "", errors, documented_fields("callRequest"));
  for (const char* key : {"didId", "contactId", "flowId", "retry"}) rd.require(key);
  CallRequestFields f;
  f.did_id = rd.string("didId").value_or("");
  f.contact_id = rd.string("contactId").value_or("");
  f.flow_id = rd.string("flowId").value_or("");
  if (const json* r = rd.object("retry")) f.retry = read_retry(*r, "retry.", errors, true);
  f.start_at = rd.string("startAt");
  if (auto ok = errors_result(std::move(errors)); !ok) return ok.error();
  return f;
}

}  // namespace gomo::api::wire

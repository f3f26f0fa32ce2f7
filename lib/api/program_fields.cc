// Field tables of programs and executions with their parts: retry strategies (two spellings),
// pause windows and auto-pause rules (Gomobile docs: Programs to Pause windows).
#include <algorithm>

#include "api/resource_tables.h"
#include "api/wire_programs.h"

namespace gomo::api::fields {
namespace {

// The program spelling of a retry strategy (wire::program_retry_json, read_retry).
constexpr const char* kProgramRetrySchema = R"({"oneOf":[
  {"type":"object","properties":{"type":{"const":"none"}},"required":["type"],"additionalProperties":false},
  {"type":"object","properties":{"type":{"const":"fixed_delay"},"delayMinutes":{"type":"integer","minimum":1},
   "maxRetries":{"type":"integer","minimum":0,"maximum":100}},
   "required":["type","delayMinutes","maxRetries"],"additionalProperties":false},
  {"type":"object","properties":{"type":{"const":"scheduled"},
   "retryDates":{"type":"array","items":{"type":"string","format":"date-time"}}},
   "required":["type","retryDates"],"additionalProperties":false}]})";

}  // namespace

RetryStrategy read_retry(const json& j, const std::string& prefix, FieldErrors& errors, bool call_request) {
  RetryStrategy r;
  std::string type;
  if (j.is_object()) {
    if (auto it = j.find("type"); it != j.end() && it->is_string()) type = it->get<std::string>();
  }
  // Which members are documented depends on the type.
  const char* fixed = call_request ? "fixed-delay" : "fixed_delay";
  const char* delay_key = call_request ? "delay" : "delayMinutes";
  const char* dates_key = call_request ? "dates" : "retryDates";
  std::vector<std::string> documented = {"type"};
  if (type == fixed) {
    documented = {"type", delay_key, "maxRetries"};
  } else if (type == "scheduled") {
    documented = {"type", dates_key};
  }
  Reader rd(j, prefix, errors, documented);
  rd.require("type");
  auto t = rd.string("type");
  if (!t) return r;
  if (*t == "none") {
    r.type = "none";
  } else if (*t == fixed) {
    r.type = "fixed_delay";
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
    rd.require(dates_key);
    if (auto dates = rd.strings(dates_key)) r.dates = *dates;
  } else {
    errors[rd.at("type")].push_back(std::string("type must be one of the following values: none, ") + fixed +
                                    ", scheduled");
  }
  return r;
}

template <>
const Table<TimeOfDay>& table_of<TimeOfDay>() {
  static const Table<TimeOfDay> table = {
      field<&TimeOfDay::hour>("hour", {.required = true}),
      field<&TimeOfDay::minute>("minute"),
  };
  return table;
}

template <>
const Table<PauseWindow>& table_of<PauseWindow>() {
  static const Table<PauseWindow> table = {
      field<&PauseWindow::start_at>("startAt", {.required = true}),
      field<&PauseWindow::end_at>("endAt", {.required = true}),
  };
  return table;
}

template <>
const Table<PauseRange>& table_of<PauseRange>() {
  static const Table<PauseRange> table = {
      field<&PauseRange::start_at>("startAt", {.required = true}),
      field<&PauseRange::end_at>("endAt", {.required = true}),
  };
  return table;
}

template <>
const Table<PauseWindows>& table_of<PauseWindows>() {
  using W = PauseWindows;
  // One field per weekday, each a list of windows in `days` under the field's name.
  auto put_day = [](const Field<W>& f, const W& w, json& out, Mode) {
    if (auto it = w.days.find(f.name); it != w.days.end())
      out[f.name] = Codec<std::vector<PauseWindow>>::put(it->second);
  };
  auto get_day = [](const Field<W>& f, const json& in, W& w) {
    const json* list = detail::present(in, f.name);
    if (list && list->is_array()) Codec<std::vector<PauseWindow>>::get(*list, w.days[f.name]);
  };
  auto read_day = [](const Field<W>& f, Reader& r, W& w) {
    if (r.array(f.name)) Codec<std::vector<PauseWindow>>::read(r, f, w.days[f.name]);
  };
  // Days that are no weekday are refused by validate_program; a client still sends them as given.
  auto put_other_days = [](const Field<W>&, const W& w, json& out, Mode) {
    for (const auto& [day, windows] : w.days) {
      const std::string& day_name = day;  // clang 14 cannot capture a structured binding
      if (std::none_of(std::begin(kWeekdays), std::end(kWeekdays), [&](const char* d) { return day_name == d; })) {
        out[day] = Codec<std::vector<PauseWindow>>::put(windows);
      }
    }
  };
  auto put_advanced = [](const Field<W>& f, const W& w, json& out, Mode) {
    if (!w.advanced.empty()) out[f.name] = Codec<std::vector<PauseRange>>::put(w.advanced);
  };
  static const Table<W> table = [&] {
    Table<W> t = {custom<W>(nullptr, put_other_days, nullptr)};
    for (const char* day : kWeekdays) {
      Field<W> f = custom<W>(day, put_day, get_day, read_day).omitted_when_unset();
      f.describe = [](const Field<W>& d, SchemaMode mode, json& out) {
        add_property(out, d.name, Codec<std::vector<PauseWindow>>::schema(mode), false, mode != SchemaMode::kResponse);
      };
      t.fields.push_back(f);
      t.names.emplace_back(day);
    }
    Field<W> advanced = field<&W::advanced>("advanced");
    advanced.put = put_advanced;
    advanced.omit_unset = true;  // put_advanced leaves an empty list out
    t.fields.push_back(advanced);
    t.names.emplace_back("advanced");
    return t;
  }();
  return table;
}

template <>
const Table<AutoPauseRule>& table_of<AutoPauseRule>() {
  using R = AutoPauseRule;
  static const Table<R> table = {
      field<&R::node_id>("nodeId", {.required = true, .required_on_create = true, .empty_is_unset = true}),
      field<&R::threshold>("threshold", {.required = true, .min_value = 1}),
      field<&R::reset_on_resume>("resetOnResume"),
  };
  return table;
}

template <>
const Table<ProgramFields>& table_of<ProgramFields>() {
  using P = ProgramFields;
  auto put_retry = [](const Field<P>& f, const P& p, json& out, Mode) {
    if (p.retry_strategy) out[f.name] = wire::program_retry_json(*p.retry_strategy);
  };
  auto read_retry_strategy = [](const Field<P>& f, Reader& r, P& p) {
    if (const json* j = r.object(f.name)) p.retry_strategy = read_retry(*j, r.at(f.name) + ".", r.errors(), false);
  };
  static const Table<P> table = {
      field<&P::name>("name", {.required_on_create = true, .not_empty = true, .max_chars = 255}),
      field<&P::audience_id>("audienceId", {.required_on_create = true, .format = Format::kUuid}),
      field<&P::flow_id>("flowId", {.required_on_create = true, .format = Format::kUuid}),
      field<&P::start_at>("startAt", {.format = Format::kIsoInstant}),
      field<&P::stop_at>("stopAt", {.format = Format::kIsoInstant}),
      field<&P::did_pool>("didPool", {.list_says_array = true}),
      custom<P>("retryStrategy", put_retry, nullptr, read_retry_strategy).with_schema(kProgramRetrySchema),
      field<&P::pause_windows>("pauseWindows"),
      field<&P::auto_pause_rules>("autoPauseRules"),
      field<&P::status>("status", {.one_of = kProgramStatuses}),
  };
  return table;
}

template <>
const Table<Program>& table_of<Program>() {
  auto put_retry = [](const Field<Program>& f, const Program& p, json& out, Mode) {
    out[f.name] = wire::program_retry_json(p.retry_strategy);
  };
  auto get_retry = [](const Field<Program>& f, const json& in, Program& p) {
    const json* j = detail::present(in, f.name);
    p.retry_strategy = wire::decode_retry(j ? *j : json());
  };
  static const Table<Program> table = {
      field<&Program::id>("id").with_column("id"),
      field<&Program::organization_id>("organizationId").with_column("organization_id"),
      field<&Program::name>("name").with_column("name"),
      field<&Program::audience_id>("audienceId").with_column("audience_id"),
      field<&Program::flow_id>("flowId").with_column("flow_id"),
      field<&Program::start_at>("startAt").with_column("start_at"),
      field<&Program::stop_at>("stopAt").with_column("stop_at"),
      field<&Program::did_pool>("didPool").with_column("did_pool"),
      custom<Program>("retryStrategy", put_retry, get_retry)
          .with_column("retry_strategy")
          .with_schema(kProgramRetrySchema),
      field<&Program::pause_windows>("pauseWindows").with_column("pause_windows"),
      field<&Program::auto_pause_rules>("autoPauseRules").with_column("auto_pause_rules"),
      field<&Program::status>("status").with_column("status"),
      field<&Program::created_at>("createdAt").with_column("created_at"),
      field<&Program::updated_at>("updatedAt").with_column("updated_at"),
  };
  return table;
}

template <>
const Table<Execution>& table_of<Execution>() {
  using E = Execution;
  static const Table<E> table = {
      field<&E::id>("id").with_alias("executionId"),
      field<&E::program_id>("programId"),
      field<&E::organization_id>("organizationId"),
      field<&E::audience_id>("audienceId"),
      field<&E::flow_id>("flowId"),
      field<&E::status>("status"),
      field<&E::total_contacts>("totalContacts"),
      field<&E::contacts_completed>("contactsCompleted"),
      field<&E::contacts_failed>("contactsFailed"),
      field<&E::contacts_pending>("contactsPending"),
      field<&E::contacts_in_progress>("contactsInProgress"),
      field<&E::scheduled_start_at>("scheduledStartAt"),
      field<&E::scheduled_stop_at>("scheduledStopAt"),
      field<&E::actual_start_at>("actualStartAt"),
      field<&E::actual_end_at>("actualEndAt"),
      field<&E::auto_pause_rules>("autoPauseRules"),
      field<&E::created_at>("createdAt"),
      field<&E::updated_at>("updatedAt"),
  };
  return table;
}

}  // namespace gomo::api::fields

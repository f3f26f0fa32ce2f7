#pragma once
// The field table of every resource the API carries (field_table.h), defined in
// contact_fields.cc (contacts, custom attributes, audiences, flows, users, pages),
// program_fields.cc (programs, executions, retry strategies, pause windows, auto-pause rules),
// call_fields.cc (reports, call attempts, call requests) and media_fields.cc (DIDs, audio,
// dictionaries). Internal to lib/api and lib/local: it includes nlohmann/json.hpp.
#include "api/field_table.h"
#include "api/platform.h"

namespace gomo::api::fields {

// Request bodies (documented_fields lists their names) ...
template <>
const Table<ContactFields>& table_of<ContactFields>();
template <>
const Table<NewCustomAttribute>& table_of<NewCustomAttribute>();
template <>
const Table<AudienceFields>& table_of<AudienceFields>();
template <>
const Table<FlowFields>& table_of<FlowFields>();
template <>
const Table<ProgramFields>& table_of<ProgramFields>();
template <>
const Table<CallRequestFields>& table_of<CallRequestFields>();
template <>
const Table<AudioUpload>& table_of<AudioUpload>();  // multipart parts, checks only
template <>
const Table<DictionaryFields>& table_of<DictionaryFields>();
// ... their parts ...
template <>
const Table<TimeOfDay>& table_of<TimeOfDay>();
template <>
const Table<PauseWindow>& table_of<PauseWindow>();
template <>
const Table<PauseRange>& table_of<PauseRange>();
template <>
const Table<PauseWindows>& table_of<PauseWindows>();
template <>
const Table<AutoPauseRule>& table_of<AutoPauseRule>();
// ... and responses.
template <>
const Table<Contact>& table_of<Contact>();
template <>
const Table<CustomAttribute>& table_of<CustomAttribute>();
template <>
const Table<Audience>& table_of<Audience>();
template <>
const Table<FlowRecord>& table_of<FlowRecord>();
template <>
const Table<FlowProblem>& table_of<FlowProblem>();
template <>
const Table<Organization>& table_of<Organization>();
template <>
const Table<User>& table_of<User>();
template <>
const Table<PageMeta>& table_of<PageMeta>();
template <>
const Table<PageQuery>& table_of<PageQuery>();  // checks only (sortBy: per list)
template <>
const Table<Program>& table_of<Program>();
template <>
const Table<Execution>& table_of<Execution>();
template <>
const Table<ContactMetrics>& table_of<ContactMetrics>();
template <>
const Table<ExecutionReport>& table_of<ExecutionReport>();
template <>
const Table<ExecutionBreakdown>& table_of<ExecutionBreakdown>();
template <>
const Table<CallDetails>& table_of<CallDetails>();
template <>
const Table<CallAttempt>& table_of<CallAttempt>();
template <>
const Table<CallRequestResult>& table_of<CallRequestResult>();
template <>
const Table<CallRequest>& table_of<CallRequest>();
template <>
const Table<CallReport>& table_of<CallReport>();
template <>
const Table<Did>& table_of<Did>();
template <>
const Table<AudioFile>& table_of<AudioFile>();
template <>
const Table<Audio>& table_of<Audio>();
template <>
const Table<Dictionary>& table_of<Dictionary>();
template <>
const Table<DictionaryEntry>& table_of<DictionaryEntry>();

// Retry strategies have two spellings (programs.h); `call_request` picks the call-request one.
// Problems go to `errors` under `prefix` ("retryStrategy." or "retry.").
RetryStrategy read_retry(const json& j, const std::string& prefix, FieldErrors& errors, bool call_request);

// The "deletedAt": null some responses carry (nothing is ever returned deleted).
template <typename T>
Field<T> deleted_at() {
  return custom<T>(
             "deletedAt", [](const Field<T>& f, const T&, json& out, Mode) { out[f.name] = nullptr; }, nullptr)
      .with_schema(R"({"type":"null"})");
}

}  // namespace gomo::api::fields

// RemotePlatform: DIDs, audio, dictionaries, programs, executions, reports and call requests.
#include <nlohmann/json.hpp>
#include <set>

#include "api/create_checked.h"
#include "api/wire.h"
#include "api/wire_programs.h"
#include "remote/remote_call.h"
#include "remote/remote_platform.h"

namespace gomo::remote {

namespace wire = api::wire;
using api::create_checked;
using api::kExecutionAlreadyRunning;
namespace {

using nlohmann::json;

using namespace detail;

// Ids of every item a paginated listing returns (pages of 100, bounded).
template <typename List>
Result<std::set<std::string>> all_ids(List list) {
  std::set<std::string> ids;
  PageQuery q;
  q.limit = 100;
  for (int guard = 0; guard < 1000; ++guard) {
    auto page = list(q);
    if (!page) return page.error();
    for (const auto& item : page->data) ids.insert(item.id);
    if (!page->meta.has_next_page || page->data.empty()) break;
    ++q.page;
  }
  return ids;
}

}  // namespace

Result<Page<Did>> RemotePlatform::list_available_dids(const DidQuery& q) {
  std::string path = "/dids/available" + query_string(q.page);
  if (!q.status.empty()) path += "&status=" + url_encode(q.status);
  if (q.is_shared) path += std::string("&isShared=") + (*q.is_shared ? "true" : "false");
  return call_page<Did>(*http_, path, wire::decode_did);
}

Result<Page<Audio>> RemotePlatform::list_audio(const AudioQuery& q) {
  std::string path = "/audio-management/audios" + query_string(q.page);
  if (!q.usage_type.empty()) path += "&usageType=" + url_encode(q.usage_type);
  if (!q.tags.empty()) {
    std::string tags;
    for (const auto& t : q.tags) tags += (tags.empty() ? "" : ",") + t;
    path += "&tags=" + url_encode(tags);
  }
  return call_page<Audio>(*http_, path, wire::decode_audio);
}

Result<Audio> RemotePlatform::upload_audio(const AudioUpload& u) {
  std::vector<FormPart> parts;
  parts.push_back({"file", u.bytes, u.file_name.empty() ? "audio" : u.file_name, u.content_type});
  if (u.title) parts.push_back({"title", *u.title, "", ""});
  if (u.description) parts.push_back({"description", *u.description, "", ""});
  if (u.usage_type) parts.push_back({"usageType", *u.usage_type, "", ""});
  // The G1 curl example sends tags as one comma-separated field.
  if (!u.tags.empty()) {
    std::string tags;
    for (const auto& t : u.tags) tags += (tags.empty() ? "" : ",") + t;
    parts.push_back({"tags", tags, "", ""});
  }
  // No natural key: a lost answer stays REQUEST_OUTCOME_UNKNOWN (the send is never repeated).
  return decode_response<Audio>(http_->send_form("/audio-management/upload", parts, Idempotency::kUnsafe),
                                "POST /audio-management/upload", wire::decode_audio);
}

Result<Audio> RemotePlatform::get_audio(const std::string& id) {
  return call<Audio>(*http_, "GET", "/audio-management/audio" + path_id(id) + "/metadata", "", Idempotency::kSafe,
                     wire::decode_audio);
}

Result<std::string> RemotePlatform::download_audio(const std::string& id) {
  // The body is the file, not JSON: only an error answer is decoded.
  auto response = http_->send("GET", "/audio-management/audio" + path_id(id), "", Idempotency::kSafe);
  if (!response) return response.error();
  if (response->status < 200 || response->status >= 300)
    return wire::error_from_response(response->status, response->body);
  return std::move(response->body);
}

Result<Page<Dictionary>> RemotePlatform::list_dictionaries(const DictionaryQuery& q) {
  std::string path = "/dictionaries" + query_string(q.page);
  if (q.include_system) path += "&includeSystem=true";
  return call_page<Dictionary>(*http_, path, wire::decode_dictionary);
}

Result<Dictionary> RemotePlatform::create_dictionary(const api::DictionaryFields& fields) {
  // Dictionary names need not be unique: a lost answer is reported, not re-sent.
  return call<Dictionary>(*http_, "POST", "/dictionaries", wire::dictionary_body(fields).dump(), Idempotency::kUnsafe,
                          wire::decode_dictionary);
}

Result<Page<api::DictionaryEntry>> RemotePlatform::list_dictionary_entries(const std::string& dictionary_id,
                                                                           const PageQuery& q) {
  return call_page<api::DictionaryEntry>(
      *http_, "/dictionaries" + path_id(dictionary_id) + "/entries" + query_string(q), wire::decode_dictionary_entry);
}

Result<api::DictionaryEntry> RemotePlatform::add_dictionary_entry(const std::string& dictionary_id,
                                                                  const std::string& key, const AudioUpload& u) {
  std::vector<FormPart> parts;
  parts.push_back({"key", key, "", ""});
  parts.push_back({"file", u.bytes, u.file_name.empty() ? "clip" : u.file_name, u.content_type});
  const std::string path = "/dictionaries" + path_id(dictionary_id) + "/entries";
  // Each send stores a new audio file: a lost answer stays REQUEST_OUTCOME_UNKNOWN (never re-sent).
  return decode_response<api::DictionaryEntry>(http_->send_form(path, parts, Idempotency::kUnsafe),
                                               "POST /dictionaries/:id/entries", wire::decode_dictionary_entry);
}

Result<Program> RemotePlatform::create_program(const ProgramFields& fields) {
  // Program names need not be unique: no key to look for, so a lost answer is reported, not re-sent.
  return call<Program>(*http_, "POST", "/programs", wire::program_body(fields).dump(), Idempotency::kUnsafe,
                       wire::decode_program);
}

Result<Program> RemotePlatform::get_program(const std::string& id) {
  return call<Program>(*http_, "GET", "/programs" + path_id(id), "", Idempotency::kSafe, wire::decode_program);
}

Result<Page<Program>> RemotePlatform::list_programs(const PageQuery& q) {
  return call_page<Program>(*http_, "/programs" + query_string(q), wire::decode_program);
}

Result<Program> RemotePlatform::update_program(const std::string& id, const ProgramFields& fields) {
  return call<Program>(*http_, "PATCH", "/programs" + path_id(id), wire::program_body(fields).dump(),
                       Idempotency::kSafe, wire::decode_program);
}

Result<Execution> RemotePlatform::launch_program(const std::string& program_id) {
  // What existed before: an execution that appears after a lost answer is ours.
  auto before = all_ids([&](const PageQuery& q) { return list_executions(program_id, q); });
  if (!before) return before.error();
  const std::string path = "/programs" + path_id(program_id) + "/launch";
  auto launch = [&] { return call<Execution>(*http_, "POST", path, "", Idempotency::kUnsafe, wire::decode_execution); };
  // A new execution after a lost answer is ours. Not applied: the launch never reached the
  // platform, so sending it again cannot launch twice (and a second launch would be refused while the
  // first one is active anyway). A re-sent launch refused as already running may be refused because
  // of the lost one: looked for too, and otherwise someone else's execution, a real refusal.
  auto find = [&]() -> Result<std::optional<Execution>> {
    auto page = list_executions(program_id, PageQuery{1, 100, "", "", "desc"});
    if (!page) return page.error();
    for (const auto& e : page->data) {
      if (before->count(e.id)) continue;
      auto got = get_execution(e.id);
      if (!got) return got.error();
      return std::optional<Execution>(std::move(*got));
    }
    return std::optional<Execution>();
  };
  auto result = create_checked<Execution>(http_->options().max_attempts, "listing the program's executions", launch,
                                          find, [](const ApiError& e) { return e.code == kExecutionAlreadyRunning; });
  if (result && result->status.empty()) return get_execution(result->id);  // the docs' bare {executionId}
  return result;
}

Result<Page<Execution>> RemotePlatform::list_executions(const std::string& program_id, const PageQuery& q) {
  return call_page<Execution>(*http_, "/programs" + path_id(program_id) + "/executions" + query_string(q),
                              wire::decode_execution);
}

Result<Execution> RemotePlatform::get_execution(const std::string& id) {
  return call<Execution>(*http_, "GET", "/program-executions" + path_id(id), "", Idempotency::kSafe,
                         wire::decode_execution);
}

namespace {

// A change sent again after a lost answer and refused (409) as impossible, whose execution's status
// could not be read either: the first send may have made the change, so the outcome is unknown
// (REQUEST_OUTCOME_UNKNOWN, exit 5), not the refusal, which would say the change cannot be made.
ApiError refused_after_lost_answer(const std::string& request, const HttpResponse& refusal, const ApiError& why) {
  ApiError lost = wire::error_from_response(refusal.status, refusal.body);
  lost.message = request + ": the answer was lost, and the request sent again was refused (" +
                 std::to_string(refusal.status) + " " + lost.code + ": " + lost.message +
                 "), as it would be if the first one had been applied";
  return api::outcome_still_unknown(lost, "reading the execution's status", why);
}

// A status change sent again after a lost answer may be refused (409) because the first one was
// applied: then the execution already has the wanted status, which is success.
Result<Execution> transition(RemotePlatform& p, HttpClient& http, const std::string& id, const std::string& verb,
                             const std::string& body, const std::string& wanted) {
  const std::string path = "/program-executions" + path_id(id) + "/" + verb;
  auto response = http.send("PATCH", path, body, Idempotency::kSafe);
  if (response && response->status == 409 && response->retried_after_ambiguous_failure) {
    auto now = p.get_execution(id);
    if (!now) return refused_after_lost_answer("PATCH " + path, *response, now.error());
    if (now->status == wanted) return now;
  }
  return decode_response<Execution>(response, "PATCH " + path, wire::decode_execution);
}

}  // namespace

Result<Execution> RemotePlatform::pause_execution(const std::string& id) {
  return transition(*this, *http_, id, "pause", "", "paused");
}

Result<Execution> RemotePlatform::resume_execution(const std::string& id,
                                                   const std::optional<std::vector<AutoPauseRule>>& rules) {
  return transition(*this, *http_, id, "resume", rules ? wire::resume_body(*rules).dump() : "", "running");
}

Result<Done> RemotePlatform::cancel_execution(const std::string& id) {
  const std::string path = "/program-executions" + path_id(id);
  auto response = http_->send("DELETE", path, "", Idempotency::kSafe);
  if (!response) return response.error();
  if (response->status == 409 && response->retried_after_ambiguous_failure) {
    auto now = get_execution(id);
    if (!now) return refused_after_lost_answer("DELETE " + path, *response, now.error());
    if (now->status == "cancelled") return Done{};
  }
  if (response->status < 200 || response->status >= 300) {
    return wire::error_from_response(response->status, response->body);
  }
  return Done{};
}

Result<ExecutionReport> RemotePlatform::execution_report(const std::string& id) {
  return call<ExecutionReport>(*http_, "GET", "/program-execution" + path_id(id) + "/report", "", Idempotency::kSafe,
                               wire::decode_execution_report);
}

Result<ExecutionBreakdown> RemotePlatform::execution_breakdown(const std::string& id) {
  return call<ExecutionBreakdown>(*http_, "GET", "/program-execution" + path_id(id) + "/report/breakdown", "",
                                  Idempotency::kSafe, wire::decode_execution_breakdown);
}

Result<Page<CallAttempt>> RemotePlatform::execution_calls(const std::string& id, const PageQuery& q) {
  std::string path = "/program-execution" + path_id(id) + "/report/calls?page=" + std::to_string(q.page) +
                     "&limit=" + std::to_string(q.limit);
  return call_page<CallAttempt>(*http_, path, wire::decode_call_attempt);
}

Result<CallRequestResult> RemotePlatform::request_call(const CallRequestFields& fields) {
  // The contact's requests before: one that appears after a lost answer is ours. The listing is a
  // gomo extension; when the platform lacks it, a lost answer stays unknown (never re-sent).
  CallRequestQuery mine;
  mine.contact_id = fields.contact_id;
  auto before = all_ids([&](const PageQuery& q) {
    CallRequestQuery cq = mine;
    cq.page = q;
    return list_call_requests(cq);
  });
  // A listing that failed on the way (not one the platform lacks): nothing sent yet, so say so now,
  // rather than send a request whose lost answer could not be checked.
  if (!before && api::may_pass_when_repeated(before.error())) return before.error();
  const std::string body = wire::call_request_body(fields).dump();
  auto send = [&] {
    return call<CallRequestResult>(*http_, "POST", "/call-requests", body, Idempotency::kUnsafe,
                                   wire::decode_call_request_result);
  };
  auto find = [&]() -> Result<std::optional<CallRequestResult>> {
    if (!before) return before.error();  // this platform cannot list call requests to check
    CallRequestQuery latest = mine;
    latest.page.limit = 100;
    auto page = list_call_requests(latest);
    if (!page) return page.error();
    for (const auto& r : page->data) {
      if (!before->count(r.id) && r.fields.flow_id == fields.flow_id && r.fields.did_id == fields.did_id) {
        return std::optional<CallRequestResult>(CallRequestResult{r.id, r.status});
      }
    }
    return std::optional<CallRequestResult>();
  };
  return create_checked<CallRequestResult>(http_->options().max_attempts, "listing the contact's call requests", send,
                                           find);
}

Result<Page<CallRequest>> RemotePlatform::list_call_requests(const CallRequestQuery& q) {
  std::string path = "/call-requests" + query_string(q.page);
  if (!q.contact_id.empty()) path += "&contactId=" + url_encode(q.contact_id);
  return call_page<CallRequest>(*http_, path, wire::decode_call_request);
}

Result<CallReport> RemotePlatform::call_report(const std::string& job_id) {
  return call<CallReport>(*http_, "GET", "/call-report" + path_id(job_id), "", Idempotency::kSafe,
                          wire::decode_call_report);
}

}  // namespace gomo::remote

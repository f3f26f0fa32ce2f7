#include "serve/routes_programs.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "api/wire.h"
#include "api/wire_programs.h"
#include "serve/respond.h"

namespace gomo::serve {
namespace {

using nlohmann::json;
namespace wire = api::wire;

std::optional<bool> boolean_param(const std::string& v, std::map<std::string, std::vector<std::string>>& errors,
                                  const char* key) {
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  errors[key].push_back(std::string(key) + " must be a boolean value");
  return std::nullopt;
}

std::vector<std::string> comma_list(const std::string& v) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= v.size()) {
    size_t j = v.find(',', i);
    if (j == std::string::npos) j = v.size();
    std::string item = v.substr(i, j - i);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    i = j + 1;
  }
  return out;
}

// Launch and pause take no body: none, or an empty object.
std::optional<api::ApiError> no_body_error(const json& body) {
  if (!body.is_object()) return api::validation_error({{"body", {"body must be empty or {}"}}});
  std::map<std::string, std::vector<std::string>> errors;
  for (const auto& [key, value] : body.items()) errors[key].push_back("property " + key + " should not exist");
  if (!errors.empty()) return api::validation_error(std::move(errors));
  return std::nullopt;
}

// A multipart body of documented parts (wire::documented_fields(`form`)): the `file` part into an upload,
// each other documented part to `text_part`; an undocumented part or a missing file is a 400.
template <typename TextPart>
api::Result<api::AudioUpload> read_form(const Request& req, const char* form, TextPart text_part) {
  std::map<std::string, std::vector<std::string>> errors;
  if (!req.multipart) {
    return api::validation_error({{"file", {"the body must be multipart/form-data with a file part"}}});
  }
  const auto& documented = wire::documented_fields(form);
  api::AudioUpload u;
  bool have_file = false;
  for (const auto& part : req.form) {
    if (std::find(documented.begin(), documented.end(), part.name) == documented.end()) {
      errors[part.name].push_back("property " + part.name + " should not exist");
    } else if (part.name == "file") {
      have_file = true;
      u.file_name = part.file_name;
      u.content_type = part.content_type;
      u.bytes = part.value;
    } else {
      text_part(part, u);
    }
  }
  if (!have_file) errors["file"].push_back("file should not be empty");
  if (!errors.empty()) return api::validation_error(std::move(errors));
  return u;
}

// POST /audio-management/upload: the file plus title, description, usageType and tags.
api::Result<api::AudioUpload> read_upload(const Request& req) {
  return read_form(req, "audioUpload", [](const auto& part, api::AudioUpload& u) {
    if (part.name == "title") u.title = part.value;
    else if (part.name == "description") u.description = part.value;
    else if (part.name == "usageType") u.usage_type = part.value;
    else if (part.name == "tags")
      for (auto& t : comma_list(part.value)) u.tags.push_back(t);  // "a,b" or repeated parts
  });
}

}  // namespace

std::optional<Response> route_programs(const Request& req, const std::vector<std::string>& parts, const json& body,
                                       api::Platform& platform) {
  const std::string& path = req.path;
  const std::string& m = req.method;
  const size_t n = parts.size();
  const std::string& resource = n > 0 ? parts[0] : std::string();
  auto bad = [&](const api::ApiError& e) { return error_response(e, path); };

  if (resource == "dids" && n == 2 && parts[1] == "available" && m == "GET") {
    std::map<std::string, std::string> extras;
    auto q = page_query(req, {"status", "isShared"}, &extras);
    if (!q) return bad(q.error());
    api::DidQuery dq{*q, extras["status"], std::nullopt};
    std::map<std::string, std::vector<std::string>> errors;
    if (extras.count("isShared")) dq.is_shared = boolean_param(extras["isShared"], errors, "isShared");
    if (!errors.empty()) return bad(api::validation_error(std::move(errors)));
    return answer_page<api::Did>(platform.list_available_dids(dq), path, wire::encode);
  }

  if (resource == "audio-management") {
    if (n == 2 && parts[1] == "audios" && m == "GET") {
      std::map<std::string, std::string> extras;
      auto q = page_query(req, {"usageType", "tags"}, &extras);
      if (!q) return bad(q.error());
      api::AudioQuery aq{*q, extras["usageType"], comma_list(extras["tags"])};
      return answer_page<api::Audio>(platform.list_audio(aq), path, wire::encode);
    }
    if (n == 2 && parts[1] == "upload" && m == "POST") {
      auto upload = read_upload(req);
      if (!upload) return bad(upload.error());
      return answer<api::Audio>(platform.upload_audio(*upload), path, 201, wire::encode);
    }
    if (n == 3 && parts[1] == "audio" && m == "GET") {
      // The file itself, with the content type its bytes were recognised as at upload.
      auto audio = platform.get_audio(parts[2]);
      if (!audio) return error_response(audio.error(), path);
      auto bytes = platform.download_audio(parts[2]);
      if (!bytes) return error_response(bytes.error(), path);
      return Response{200, std::move(*bytes), {{"Content-Type", audio->file.mime_type}}};
    }
    if (n == 4 && parts[1] == "audio" && (parts[3] == "metadata" || parts[3] == "details") && m == "GET") {
      return answer<api::Audio>(platform.get_audio(parts[2]), path, 200, wire::encode);
    }
  }

  if (resource == "dictionaries" && n == 1 && m == "POST") {
    auto fields = wire::parse_dictionary(body);
    if (!fields) return bad(fields.error());
    return answer<api::Dictionary>(platform.create_dictionary(*fields), path, 201, wire::encode);
  }
  if (resource == "dictionaries" && n == 3 && parts[2] == "entries" && m == "GET") {
    auto q = page_query(req, {});
    if (!q) return bad(q.error());
    return answer_page<api::DictionaryEntry>(platform.list_dictionary_entries(parts[1], *q), path, wire::encode);
  }
  if (resource == "dictionaries" && n == 3 && parts[2] == "entries" && m == "POST") {
    std::string key;  // a missing key is empty, which the platform refuses with the other field errors
    auto upload = read_form(req, "dictionaryEntry", [&key](const auto& part, api::AudioUpload&) { key = part.value; });
    if (!upload) return bad(upload.error());
    return answer<api::DictionaryEntry>(platform.add_dictionary_entry(parts[1], key, *upload), path, 201, wire::encode);
  }
  if (resource == "dictionaries" && n == 1 && m == "GET") {
    std::map<std::string, std::string> extras;
    auto q = page_query(req, {"includeSystem"}, &extras);
    if (!q) return bad(q.error());
    api::DictionaryQuery dq{*q, false};
    std::map<std::string, std::vector<std::string>> errors;
    if (extras.count("includeSystem"))
      dq.include_system = boolean_param(extras["includeSystem"], errors, "includeSystem").value_or(false);
    if (!errors.empty()) return bad(api::validation_error(std::move(errors)));
    return answer_page<api::Dictionary>(platform.list_dictionaries(dq), path, wire::encode);
  }

  if (resource == "programs") {
    if (n == 1 && m == "POST") {
      auto fields = wire::parse_program(body);
      if (!fields) return bad(fields.error());
      return answer<api::Program>(platform.create_program(*fields), path, 201, wire::encode);
    }
    if (n == 1 && m == "GET") {
      auto q = page_query(req, {});
      if (!q) return bad(q.error());
      return answer_page<api::Program>(platform.list_programs(*q), path, wire::encode);
    }
    if (n == 2 && m == "GET") return answer<api::Program>(platform.get_program(parts[1]), path, 200, wire::encode);
    if (n == 2 && m == "PATCH") {
      auto fields = wire::parse_program(body);
      if (!fields) return bad(fields.error());
      return answer<api::Program>(platform.update_program(parts[1], *fields), path, 200, wire::encode);
    }
    if (n == 3 && parts[2] == "launch" && m == "POST") {
      if (auto e = no_body_error(body)) return bad(*e);
      return answer<api::Execution>(platform.launch_program(parts[1]), path, 201, wire::encode_launch);
    }
    if (n == 3 && parts[2] == "executions" && m == "GET") {
      auto q = page_query(req, {});
      if (!q) return bad(q.error());
      return answer_page<api::Execution>(platform.list_executions(parts[1], *q), path, wire::encode);
    }
  }

  if (resource == "program-executions" && n >= 2) {
    const std::string& id = parts[1];
    if (n == 2 && m == "GET") return answer<api::Execution>(platform.get_execution(id), path, 200, wire::encode);
    if (n == 2 && m == "DELETE") {
      auto r = platform.cancel_execution(id);
      if (!r) return bad(r.error());
      return Response{204, ""};
    }
    if (n == 3 && parts[2] == "pause" && m == "PATCH") {
      if (auto e = no_body_error(body)) return bad(*e);
      return answer<api::Execution>(platform.pause_execution(id), path, 200, wire::encode);
    }
    if (n == 3 && parts[2] == "resume" && m == "PATCH") {
      auto rules = wire::parse_resume(body);
      if (!rules) return bad(rules.error());
      return answer<api::Execution>(platform.resume_execution(id, *rules), path, 200, wire::encode);
    }
  }

  if (resource == "program-execution" && n >= 3 && parts[2] == "report" && m == "GET") {
    const std::string& id = parts[1];
    if (n == 3) {
      auto q = page_query(req, {});
      if (!q) return bad(q.error());
      return answer<api::ExecutionReport>(platform.execution_report(id), path, 200, wire::encode);
    }
    if (n == 4 && parts[3] == "breakdown") {
      auto q = page_query(req, {});
      if (!q) return bad(q.error());
      return answer<api::ExecutionBreakdown>(platform.execution_breakdown(id), path, 200, wire::encode);
    }
    if (n == 4 && parts[3] == "calls") {
      auto q = page_query(req, {});
      if (!q) return bad(q.error());
      return answer_page<api::CallAttempt>(platform.execution_calls(id, *q), path, wire::encode);
    }
  }

  if (resource == "call-requests" && n == 1) {
    if (m == "POST") {
      auto fields = wire::parse_call_request(body);
      if (!fields) return bad(fields.error());
      return answer<api::CallRequestResult>(platform.request_call(*fields), path, 202, wire::encode);
    }
    if (m == "GET") {
      std::map<std::string, std::string> extras;
      auto q = page_query(req, {"contactId"}, &extras);
      if (!q) return bad(q.error());
      api::CallRequestQuery cq{*q, extras["contactId"]};
      return answer_page<api::CallRequest>(platform.list_call_requests(cq), path, wire::encode);
    }
  }

  if (resource == "call-report" && n == 2 && m == "GET") {
    return answer<api::CallReport>(platform.call_report(parts[1]), path, 200, wire::encode);
  }
  return std::nullopt;
}

}  // namespace gomo::serve

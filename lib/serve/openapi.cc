#include "serve/openapi.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <vector>

#include "api/schemas.h"

namespace gomo::serve {
namespace {

using nlohmann::json;

struct Param {
  const char* name;
  const char* type;  // string | integer | boolean
  const char* description;
};

// One operation of the router. Keep in step with router.cc and routes_programs.cc: the contract
// test (tests/cli/api_contract_cli_test.cc) sends every operation listed here to gomo serve, and a
// route missing here is missing from the published contract.
struct Operation {
  const char* method;  // lower case, as OpenAPI writes it
  const char* path;    // under the server URL (…/api), {id} for a path parameter
  const char* tag;
  const char* summary;
  const char* body;     // request body component; "multipart:X" for multipart/form-data; nullptr: none
  int status;           // the success status
  const char* answer;   // answer component; nullptr: no body (204)
  bool page = false;    // the answer is {data: [answer...], meta: PageMeta}
  bool paging = false;  // takes page, limit, search, sortBy, sortOrder (every page does)
  std::vector<Param> query = {};
  bool conflict = false;  // may answer 409
};

const std::vector<Operation>& operations() {
  static const std::vector<Operation> ops = {
      {"get", "/users/me", "users", "The user the API key belongs to, with its organisation", nullptr, 200, "User"},
      {"post",
       "/contact",
       "contacts",
       "Create a contact (409 when its primaryPhone is known)",
       "ContactCreate",
       201,
       "Contact",
       false,
       false,
       {},
       true},
      {"get",
       "/contact",
       "contacts",
       "List contacts",
       nullptr,
       200,
       "Contact",
       true,
       true,
       {{"include", "string", "accepted for the platform's compatibility; gomo ignores it"}}},
      {"post", "/contact/upsert", "contacts", "Create or update up to 1000 contacts, matched on primaryPhone",
       "ContactUpsert", 201, "UpsertResult"},
      {"get", "/contact/{id}", "contacts", "Get a contact", nullptr, 200, "Contact"},
      {"patch",
       "/contact/{id}",
       "contacts",
       "Update a contact (the given fields only)",
       "ContactUpdate",
       200,
       "Contact",
       false,
       false,
       {},
       true},
      {"put",
       "/contact/{id}",
       "contacts",
       "Update a contact (as PATCH)",
       "ContactUpdate",
       200,
       "Contact",
       false,
       false,
       {},
       true},
      {"delete", "/contact/{id}", "contacts", "Delete a contact", nullptr, 204, nullptr},
      {"get", "/custom-attributes", "custom attributes", "List custom attributes", nullptr, 200, "CustomAttribute",
       true, true},
      {"post",
       "/custom-attributes",
       "custom attributes",
       "Create a custom attribute (409 when its name exists)",
       "CustomAttributeCreate",
       201,
       "CustomAttribute",
       false,
       false,
       {},
       true},
      {"post", "/audience", "audiences", "Create an audience", "AudienceCreate", 201, "Audience"},
      {"get", "/audience", "audiences", "List audiences", nullptr, 200, "Audience", true, true},
      {"get", "/audience/{id}", "audiences", "Get an audience", nullptr, 200, "Audience"},
      {"get", "/audience/{id}/contacts", "audiences", "List an audience's contacts", nullptr, 200, "Contact", true,
       true},
      {"post", "/audience/{id}/add-contacts", "audiences", "Add contacts to an audience", "ContactIds", 201,
       "Audience"},
      {"post", "/audience/{id}/remove-contacts", "audiences", "Remove contacts from an audience", "ContactIds", 201,
       "Audience"},
      {"post", "/flows/validate", "flows", "Validate a flow graph", "FlowValidateRequest", 201, "FlowValidation"},
      {"post", "/flows", "flows", "Create a flow", "FlowCreate", 201, "Flow"},
      {"get", "/flows", "flows", "List flows", nullptr, 200, "Flow", true, true},
      {"get", "/flows/{id}", "flows", "Get a flow", nullptr, 200, "Flow"},
      {"put", "/flows/{id}", "flows", "Update a flow", "FlowUpdate", 200, "Flow"},
      {"patch", "/flows/{id}", "flows", "Update a flow (as PUT)", "FlowUpdate", 200, "Flow"},
      {"delete", "/flows/{id}", "flows", "Delete a flow", nullptr, 204, nullptr},
      {"get",
       "/dids/available",
       "dids",
       "The organisation's DIDs and the shared ones",
       nullptr,
       200,
       "Did",
       true,
       true,
       {{"status", "string", "only DIDs of this status (active, ...)"},
        {"isShared", "boolean", "true or 1: shared DIDs only; false or 0: the organisation's own"}}},
      {"get",
       "/audio-management/audios",
       "audio",
       "List audio files",
       nullptr,
       200,
       "Audio",
       true,
       true,
       {{"usageType", "string", "only audio of this usage type"},
        {"tags", "string", "comma-separated tags the audio must carry"}}},
      {"post", "/audio-management/upload", "audio", "Upload an audio file (WAV, MP3 or OGG, at most 10 MB)",
       "multipart:AudioUpload", 201, "Audio"},
      {"get", "/audio-management/audio/{id}", "audio", "An audio file's bytes, as uploaded (WAV, MP3 or OGG)", nullptr,
       200, "binary:audio"},
      {"get", "/audio-management/audio/{id}/metadata", "audio", "An audio file's metadata", nullptr, 200, "Audio"},
      {"get", "/audio-management/audio/{id}/details", "audio", "An audio file's metadata (as /metadata)", nullptr, 200,
       "Audio"},
      {"get",
       "/dictionaries",
       "dictionaries",
       "List dictionaries",
       nullptr,
       200,
       "Dictionary",
       true,
       true,
       {{"includeSystem", "boolean", "true or 1: the system dictionaries too"}}},
      {"post", "/dictionaries", "dictionaries", "Create a dictionary of the organisation's recorded clips",
       "DictionaryCreate", 201, "Dictionary"},
      {"get", "/dictionaries/{id}/entries", "dictionaries",
       "List a dictionary's entries by key (gomo's path; not in the platform's reference)", nullptr, 200,
       "DictionaryEntry", true, true},
      {"post",
       "/dictionaries/{id}/entries",
       "dictionaries",
       "Record a clip: store the file as audio and make it the key's (409 for a system dictionary)",
       "multipart:DictionaryEntryUpload",
       201,
       "DictionaryEntry",
       false,
       false,
       {},
       true},
      {"post", "/programs", "programs", "Create a program", "ProgramCreate", 201, "Program"},
      {"get", "/programs", "programs", "List programs", nullptr, 200, "Program", true, true},
      {"get", "/programs/{id}", "programs", "Get a program", nullptr, 200, "Program"},
      {"patch",
       "/programs/{id}",
       "programs",
       "Update a program (409 for a status change it cannot make)",
       "ProgramUpdate",
       200,
       "Program",
       false,
       false,
       {},
       true},
      {"post",
       "/programs/{id}/launch",
       "programs",
       "Launch a program: a new execution (409 PROGRAM_ARCHIVED, EXECUTION_ALREADY_RUNNING)",
       "EmptyBody",
       201,
       "LaunchedExecution",
       false,
       false,
       {},
       true},
      {"get", "/programs/{id}/executions", "programs", "A program's executions, newest first (a gomo path)", nullptr,
       200, "Execution", true, true},
      {"get", "/program-executions/{id}", "executions", "Get an execution", nullptr, 200, "Execution"},
      {"delete",
       "/program-executions/{id}",
       "executions",
       "Cancel an execution (409 once it has ended)",
       nullptr,
       204,
       nullptr,
       false,
       false,
       {},
       true},
      {"patch",
       "/program-executions/{id}/pause",
       "executions",
       "Pause a running execution (409 INVALID_STATUS_TRANSITION otherwise)",
       "EmptyBody",
       200,
       "Execution",
       false,
       false,
       {},
       true},
      {"patch",
       "/program-executions/{id}/resume",
       "executions",
       "Resume a paused execution (409 INVALID_STATUS_TRANSITION otherwise)",
       "ResumeRequest",
       200,
       "Execution",
       false,
       false,
       {},
       true},
      {"get", "/program-execution/{id}/report", "reports", "An execution's report", nullptr, 200, "ExecutionReport",
       false, true},
      {"get", "/program-execution/{id}/report/breakdown", "reports", "An execution's counts by outcome and status",
       nullptr, 200, "ExecutionBreakdown", false, true},
      {"get", "/program-execution/{id}/report/calls", "reports", "An execution's call attempts", nullptr, 200,
       "CallAttempt", true, true},
      {"post",
       "/call-requests",
       "calls",
       "Request an ad-hoc call (queued; it runs asynchronously)",
       "CallRequestCreate",
       202,
       "CallRequestResult",
       false,
       false,
       {},
       true},
      {"get",
       "/call-requests",
       "calls",
       "List call requests (a gomo extension)",
       nullptr,
       200,
       "CallRequest",
       true,
       true,
       {{"contactId", "string", "only the requests of this contact"}}},
      {"get", "/call-report/{id}", "calls", "A call request's report (id: its jobId)", nullptr, 200, "CallReport"},
  };
  return ops;
}

json ref(const std::string& where, const std::string& name) { return {{"$ref", "#/components/" + where + "/" + name}}; }

json json_content(json schema) { return {{"application/json", {{"schema", std::move(schema)}}}}; }

// "post /audience/{id}/add-contacts" -> "postAudienceByIdAddContacts".
std::string operation_id(const Operation& op) {
  std::string id = op.method;
  bool upper = true;
  std::string path = op.path;
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '{') {
      id += "By";
      upper = true;
      continue;
    }
    if (c == '/' || c == '-' || c == '}' || c == '.') {
      upper = true;
      continue;
    }
    id += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return id;
}

json error_response(const char* description) {
  return {{"description", description}, {"content", json_content(ref("schemas", "Error"))}};
}

json components() {
  json schemas = api::wire::component_schemas();
  for (const auto& op : operations()) {
    if (op.page && op.answer) {
      schemas[std::string(op.answer) + "Page"] = {
          {"type", "object"},
          {"properties",
           {{"data", {{"type", "array"}, {"items", ref("schemas", op.answer)}}}, {"meta", ref("schemas", "PageMeta")}}},
          {"required", json::array({"data", "meta"})},
          {"additionalProperties", false}};
    }
  }
  json too_many = error_response("Too many requests: beyond gomo serve --rate-limit (any path, before routing)");
  too_many["headers"] = {
      {"Retry-After", {{"description", "seconds to wait"}, {"schema", {{"type", "integer"}}}}},
  };
  return {
      {"schemas", schemas},
      {"responses",
       {{"BadRequest", error_response("The request is not valid: VALIDATION_FAILED (fieldErrors names each field), "
                                      "INVALID_JSON, INVALID_UTF8, or the operation's own code")},
        {"Unauthorized", error_response("No API key, or one the workspace does not know")},
        {"NotFound", error_response("No such object in the key's organisation")},
        {"Conflict", error_response("The object's state does not allow it, or it exists already")},
        {"TooManyRequests", too_many},
        {"ServiceUnavailable", error_response("Injected failure: gomo serve --fail-rate")}}},
      {"securitySchemes",
       {{"apiKey", {{"type", "apiKey"}, {"in", "header"}, {"name", "x-api-key"}}},
        {"bearer", {{"type", "http"}, {"scheme", "bearer"}, {"description", "the API key as a bearer token"}}}}},
  };
}

json operation_object(const Operation& op, const json& page_parameters) {
  json o = {{"operationId", operation_id(op)}, {"summary", op.summary}, {"tags", json::array({op.tag})}};
  json parameters = json::array();
  const bool has_id = std::string(op.path).find("{id}") != std::string::npos;
  if (has_id) {
    parameters.push_back({{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
  }
  if (op.paging) {
    for (const auto& p : page_parameters) parameters.push_back(p);
  }
  for (const auto& q : op.query) {
    parameters.push_back({{"name", q.name},
                          {"in", "query"},
                          {"required", false},
                          {"description", q.description},
                          {"schema", {{"type", q.type}}}});
  }
  if (!parameters.empty()) o["parameters"] = parameters;
  if (op.body) {
    std::string body = op.body;
    if (body.rfind("multipart:", 0) == 0) {
      o["requestBody"] = {{"required", true},
                          {"content", {{"multipart/form-data", {{"schema", ref("schemas", body.substr(10))}}}}}};
    } else {
      o["requestBody"] = {{"required", body != "EmptyBody" && body != "ResumeRequest"},
                          {"content", json_content(ref("schemas", body))}};
    }
  }
  json responses = json::object();
  std::string status = std::to_string(op.status);
  if (!op.answer) {
    responses[status] = {{"description", "Done (no body)"}};
  } else if (std::string_view(op.answer) == "binary:audio") {
    // The file as uploaded, with the type its bytes were recognised as.
    json file = {{"schema", {{"type", "string"}, {"contentMediaType", "application/octet-stream"}}}};
    responses[status] = {{"description", "The file's bytes"},
                         {"content", {{"audio/wav", file}, {"audio/mpeg", file}, {"audio/ogg", file}}}};
  } else {
    std::string name = std::string(op.answer) + (op.page ? "Page" : "");
    const char* phrase = op.status == 201 ? "Created" : op.status == 202 ? "Accepted" : "OK";
    responses[status] = {{"description", phrase}, {"content", json_content(ref("schemas", name))}};
  }
  // Every operation may answer 400: a path or query that is not UTF-8, an undocumented query parameter.
  responses["400"] = ref("responses", "BadRequest");
  responses["401"] = ref("responses", "Unauthorized");
  if (has_id) responses["404"] = ref("responses", "NotFound");
  if (op.conflict) responses["409"] = ref("responses", "Conflict");
  responses["429"] = ref("responses", "TooManyRequests");
  responses["503"] = ref("responses", "ServiceUnavailable");
  o["responses"] = responses;
  return o;
}

constexpr const char* kDescription =
    "Everything `gomo serve` answers: the Gomobile API's paths, bodies and errors over a local SQLite "
    "workspace. Auth: `x-api-key: KEY` or `Authorization: Bearer KEY` (`gomo serve --init` or `--new-key` "
    "prints a key); every path needs it except GET /openapi.json (this document). Every answer that is not a "
    "success carries the error envelope (components/schemas/Error). On any path: HEAD answers as GET without "
    "the body; other methods are 405 METHOD_NOT_ALLOWED with Allow; a body over 32 MiB is 413, a request line "
    "over 8192 bytes 414; unknown paths are 404. Request bodies with members they do not document are refused "
    "(400 VALIDATION_FAILED). The body schemas are generated from gomo's field tables "
    "(`gomo serve --print-openapi`).";

json document() {
  json page_parameters = api::wire::page_query_parameters();
  json paths = json::object();
  for (const auto& op : operations()) paths[op.path][op.method] = operation_object(op, page_parameters);
  paths["/openapi.json"]["get"] = {{"operationId", "getOpenapiJson"},
                                   {"summary", "This document (no API key needed)"},
                                   {"tags", json::array({"meta"})},
                                   {"security", json::array()},
                                   {"responses",
                                    {{"200", {{"description", "OK"}, {"content", json_content({{"type", "object"}})}}},
                                     {"429", ref("responses", "TooManyRequests")},
                                     {"503", ref("responses", "ServiceUnavailable")}}}};
  return {
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "gomo serve: the Gomobile API, locally"}, {"version", "1.0.0"}, {"description", kDescription}}},
      {"servers",
       json::array({{{"url", "http://127.0.0.1:8080/api"}, {"description", "gomo serve --listen 127.0.0.1:8080"}}})},
      {"security", json::array({{{"apiKey", json::array()}}, {{"bearer", json::array()}}})},
      {"paths", paths},
      {"components", components()},
  };
}

}  // namespace

const std::string& openapi_document() {
  static const std::string text = document().dump(2) + "\n";
  return text;
}

}  // namespace gomo::serve

#include "api/schemas.h"

#include <nlohmann/json.hpp>

#include "api/resource_tables.h"

// Every resource's schema comes from its table (object_schema); what is written here are the
// envelopes that wire.cc writes by hand too (upsert, flow validation, errors).
namespace gomo::api::wire {
namespace {

using fields::object_schema;
using fields::SchemaMode;
using fields::table_of;
using nlohmann::json;

json ref(const char* name) { return {{"$ref", std::string("#/components/schemas/") + name}}; }

json closed_object(json properties, json required) {
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}

json problem_list() {
  return {{"type", "array"}, {"items", object_schema(table_of<FlowProblem>(), SchemaMode::kResponse)}};
}

// wire::error_envelope.
json error_schema() {
  json messages = {{"type", "array"}, {"items", {{"type", "string"}}}};
  json details = {{"type", "array"}, {"items", closed_object({{"code", {{"type", "string"}}}}, json::array({"code"}))}};
  return closed_object(
      {{"code", {{"type", "string"}, {"description", "VALIDATION_FAILED, NOT_FOUND, UNAUTHORIZED, CONFLICT, ..."}}},
       {"message", {{"type", "string"}}},
       {"fieldErrors",
        {{"type", "object"},
         {"additionalProperties", messages},
         {"description", "field path (data.0.primaryPhone) -> messages"}}},
       {"fieldDetails", {{"type", "object"}, {"additionalProperties", details}}},
       {"statusCode", {{"type", "integer"}}},
       {"error", {{"type", "string"}, {"description", "the reason phrase in capitals: BAD_REQUEST, NOT_FOUND, ..."}}},
       {"timestamp", {{"type", "string"}, {"format", "date-time"}}},
       {"path", {{"type", "string"}}}},
      json::array({"code", "message", "fieldErrors", "fieldDetails", "statusCode", "error", "timestamp", "path"}));
}

}  // namespace

json component_schemas() {
  constexpr auto kResponse = SchemaMode::kResponse;
  constexpr auto kCreate = SchemaMode::kCreate;
  constexpr auto kUpdate = SchemaMode::kUpdate;
  json s = json::object();
  // Answers.
  s["User"] = object_schema(table_of<User>(), kResponse);
  s["Contact"] = object_schema(table_of<Contact>(), kResponse);
  s["CustomAttribute"] = object_schema(table_of<CustomAttribute>(), kResponse);
  s["Audience"] = object_schema(table_of<Audience>(), kResponse);
  s["Flow"] = object_schema(table_of<FlowRecord>(), kResponse);
  s["FlowValidation"] =
      closed_object({{"valid", {{"type", "boolean"}}}, {"errors", problem_list()}, {"warnings", problem_list()}},
                    json::array({"valid", "errors", "warnings"}));
  s["UpsertResult"] = closed_object({{"message", {{"type", "string"}}},
                                     {"created", {{"type", "integer"}}},
                                     {"updated", {{"type", "integer"}}},
                                     {"unchanged", {{"type", "integer"}, {"description", "a gomo extension"}}},
                                     {"data", {{"type", "array"}, {"items", ref("Contact")}}}},
                                    json::array({"message", "created", "updated", "unchanged", "data"}));
  s["PageMeta"] = object_schema(table_of<PageMeta>(), kResponse);
  s["Program"] = object_schema(table_of<Program>(), kResponse);
  s["Execution"] = object_schema(table_of<Execution>(), kResponse);
  json launched = s["Execution"];  // wire::encode_launch: the execution plus its id as executionId
  launched["properties"]["executionId"] = {{"type", "string"}};
  launched["required"].push_back("executionId");
  s["LaunchedExecution"] = launched;
  s["ExecutionReport"] = object_schema(table_of<ExecutionReport>(), kResponse);
  s["ExecutionBreakdown"] = object_schema(table_of<ExecutionBreakdown>(), kResponse);
  s["CallAttempt"] = object_schema(table_of<CallAttempt>(), kResponse);
  s["CallRequestResult"] = object_schema(table_of<CallRequestResult>(), kResponse);
  s["CallRequest"] = object_schema(table_of<CallRequest>(), kResponse);
  s["CallReport"] = object_schema(table_of<CallReport>(), kResponse);
  s["Did"] = object_schema(table_of<Did>(), kResponse);
  s["Audio"] = object_schema(table_of<Audio>(), kResponse);
  s["Dictionary"] = object_schema(table_of<Dictionary>(), kResponse);
  s["DictionaryEntry"] = object_schema(table_of<DictionaryEntry>(), kResponse);
  s["Error"] = error_schema();
  // Request bodies.
  s["ContactCreate"] = object_schema(table_of<ContactFields>(), kCreate);
  s["ContactUpdate"] = object_schema(table_of<ContactFields>(), kUpdate);
  s["ContactUpsert"] =
      closed_object({{"data", {{"type", "array"}, {"maxItems", kMaxUpsertBatch}, {"items", ref("ContactCreate")}}}},
                    json::array({"data"}));
  s["CustomAttributeCreate"] = object_schema(table_of<NewCustomAttribute>(), kCreate);
  s["AudienceCreate"] = object_schema(table_of<AudienceFields>(), kCreate);
  s["ContactIds"] =
      closed_object({{"contacts", {{"type", "array"}, {"items", {{"type", "string"}}}}}}, json::array({"contacts"}));
  s["FlowCreate"] = object_schema(table_of<FlowFields>(), kCreate);
  s["FlowUpdate"] = object_schema(table_of<FlowFields>(), kUpdate);
  s["FlowValidateRequest"] = closed_object({{"graph", {{"type", "object"}}}}, json::array({"graph"}));
  s["ProgramCreate"] = object_schema(table_of<ProgramFields>(), kCreate);
  s["ProgramUpdate"] = object_schema(table_of<ProgramFields>(), kUpdate);
  s["ResumeRequest"] = {{"type", "object"},
                        {"properties",
                         {{"autoPauseRules",
                           {{"type", json::array({"array", "null"})},
                            {"items", object_schema(table_of<AutoPauseRule>(), kCreate)},
                            {"description", "replaces the execution's rules when given"}}}}},
                        {"additionalProperties", false}};
  s["CallRequestCreate"] = object_schema(table_of<CallRequestFields>(), kCreate);
  s["EmptyBody"] = {{"type", "object"}, {"additionalProperties", false}, {"description", "no body, or {}"}};
  s["AudioUpload"] = object_schema(table_of<AudioUpload>(), kCreate);
  s["DictionaryCreate"] = object_schema(table_of<DictionaryFields>(), kCreate);
  s["DictionaryEntryUpload"] =
      closed_object({{"file", {{"type", "string"}, {"format", "binary"}}},
                     {"key", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxDictionaryKeyChars}}}},
                    json::array({"file", "key"}));
  return s;
}

json page_query_parameters() {
  json object = object_schema(table_of<PageQuery>(), SchemaMode::kUpdate);
  json out = json::array();
  for (auto& [name, schema] : object["properties"].items()) {
    json value = schema;
    if (auto t = value.find("type"); t != value.end() && t->is_array()) *t = (*t)[0];  // a query has no null
    if (auto e = value.find("enum"); e != value.end()) {
      json values = json::array();
      for (const auto& v : *e)
        if (!v.is_null()) values.push_back(v);
      *e = values;
    }
    out.push_back({{"name", name}, {"in", "query"}, {"required", false}, {"schema", value}});
  }
  return out;
}

}  // namespace gomo::api::wire

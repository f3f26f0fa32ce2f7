#pragma once
// The JSON Schemas of the API's bodies, written from the same field tables (field_table.h) that
// encode answers and read requests, so the published contract (`gomo serve`'s OpenAPI document,
// lib/serve/openapi.h) cannot drift from what the code does.
#include <nlohmann/json_fwd.hpp>

namespace gomo::api::wire {

// components/schemas of the OpenAPI document: name -> JSON Schema (OpenAPI 3.1, JSON Schema
// 2020-12 keywords: type (arrays for nullable), properties, required, additionalProperties, enum,
// const, items, oneOf, anyOf, minLength/maxLength, minimum/maximum, format). Answers: User, Contact,
// CustomAttribute, Audience, Flow, FlowValidation, UpsertResult, PageMeta, Program, Execution,
// LaunchedExecution, ExecutionReport, ExecutionBreakdown, CallAttempt, CallRequestResult,
// CallRequest, CallReport, Did, Audio, Dictionary, Error (the envelope of every error). Request
// bodies: ContactCreate, ContactUpdate, ContactUpsert, CustomAttributeCreate, AudienceCreate,
// ContactIds, FlowCreate, FlowUpdate, FlowValidateRequest, ProgramCreate, ProgramUpdate,
// ResumeRequest, CallRequestCreate, EmptyBody, and AudioUpload (multipart/form-data parts).
// Nested parts (pause windows, retry strategies, ...) are written inline. Thread-safe.
nlohmann::json component_schemas();

// The paging query parameters every listing takes (page, limit, search, sortBy, sortOrder), as
// OpenAPI parameter objects ({name, in: query, required: false, schema}) from the PageQuery table.
nlohmann::json page_query_parameters();

}  // namespace gomo::api::wire

#pragma once
// The OpenAPI 3.1 document of everything `gomo serve` answers: every path and method of the router
// (router.cc, routes_programs.cc), their parameters, request and answer bodies, the error envelope
// and auth. The body schemas come from the field tables the code reads and writes with
// (api/schemas.h). Committed as schemas/openapi.json (a test compares them; regenerate with
// `gomo serve --print-openapi > schemas/openapi.json`) and served at GET /api/openapi.json
// without a key.
#include <string>

namespace gomo::serve {

// The document as JSON text (two-space indent, a final newline), built once. Thread-safe.
const std::string& openapi_document();

}  // namespace gomo::serve

#pragma once
// A JSON-Schema (draft-07 subset) checker over gomo's positioned tree. schemas/flow.schema.json is
// embedded in the binary and is the one description of a flow's shape: editors, ajv/valijson and
// `gomo flow validate` all read the same file, so they cannot disagree.
//
// Keywords: $ref (local), type, enum, const, properties, required, additionalProperties,
// propertyNames, items, min/maxItems, min/maxLength, minimum, maximum, min/maxProperties, allOf,
// anyOf, oneOf, not, if/then/else. gomo's own annotations (ignored by other validators):
//   x-gomo-rule  rule id for enum / additionalProperties / maxProperties failures of that schema
//   x-gomo-noun  how to name the value or its fields in messages ("node type", "output for a play node")
#include <string>
#include <vector>

#include "document/document.h"

namespace gomo::checks {

struct SchemaViolation {
  std::string rule;  // "schema" unless the schema names another rule
  std::string message;
  const document::Value* at = nullptr;  // the offending value (or key)
  std::string fix;                      // suggested replacement text, when there is one
};

class SchemaChecker {
 public:
  // REQUIRES: `schema` outlives the checker.
  explicit SchemaChecker(const document::Value& schema);
  void check(const document::Value& instance, std::vector<SchemaViolation>& out) const;

 private:
  void check(const document::Value& v, const document::Value& schema, std::vector<SchemaViolation>& out) const;
  const document::Value* resolve(const document::Value& schema) const;
  const document::Value& root_;
};

// The flow schema compiled into the binary (schemas/flow.schema.json), parsed once.
const document::Value& flow_schema();
const std::string& flow_schema_text();

}  // namespace gomo::checks

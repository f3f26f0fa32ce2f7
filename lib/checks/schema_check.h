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
#include <memory>
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

// Construction indexes the keywords of every schema object under `schema` once (cost linear in the
// schema's size), so checking does no keyword lookups by name. Thread-safe after construction.
class SchemaChecker {
 public:
  // REQUIRES: `schema` outlives the checker.
  explicit SchemaChecker(const document::Value& schema);
  ~SchemaChecker();
  SchemaChecker(const SchemaChecker&) = delete;
  SchemaChecker& operator=(const SchemaChecker&) = delete;

  // Appends every violation of `instance` (instance must outlive the violations' `at`).
  void check(const document::Value& instance, std::vector<SchemaViolation>& out) const;
  // True when `instance` is valid; stops at the first violation and builds no messages.
  bool matches(const document::Value& instance) const;

 private:
  struct Keywords;
  struct Index;
  // With `out` null: returns false at the first violation. Else appends violations, returns none found.
  bool eval(const document::Value& v, const document::Value& schema, std::vector<SchemaViolation>* out) const;
  const document::Value* resolve(const document::Value& schema) const;
  void index_dispatch(Keywords& keywords) const;
  const document::Value& root_;
  std::unique_ptr<Index> index_;
};

// The flow schema compiled into the binary (schemas/flow.schema.json), parsed once.
const document::Value& flow_schema();
const std::string& flow_schema_text();

}  // namespace gomo::checks

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
#include <string_view>
#include <vector>

#include "checks/schema_node.h"
#include "document/document.h"

namespace gomo::checks::schema {
struct Compiled;
}

namespace gomo::checks {

struct SchemaViolation {
  std::string rule;  // "schema" unless the schema names another rule
  std::string message;
  const document::Value* at = nullptr;  // the offending value (or key)
  std::string fix;                      // suggested replacement text, when there is one
};

// Checks instances against a schema compiled into tables (schema_node.h, schema_compile.h): no keyword
// is looked up by name while checking. Thread-safe.
class SchemaChecker {
 public:
  // Compiles `schema` now. REQUIRES: `schema` outlives the checker.
  explicit SchemaChecker(const document::Value& schema);
  // A schema compiled into the binary (flow_schema_checker()).
  explicit SchemaChecker(const schema::Tables& tables);
  ~SchemaChecker();
  SchemaChecker(const SchemaChecker&) = delete;
  SchemaChecker& operator=(const SchemaChecker&) = delete;

  // Appends every violation of `instance` (instance must outlive the violations' `at`).
  void check(const document::Value& instance, std::vector<SchemaViolation>& out) const;
  // True when `instance` is valid; stops at the first violation and builds no messages.
  bool matches(const document::Value& instance) const;

 private:
  // With `out` null: returns false at the first violation. Else appends violations, returns none found.
  bool eval(const document::Value& v, schema::Index schema, std::vector<SchemaViolation>* out) const;
  std::unique_ptr<schema::Compiled> compiled_;  // when compiled at run time
  const schema::Tables* t_;
};

// schemas/flow.schema.json, compiled into the binary at build time (gomo_schema_gen): checking a
// flow parses nothing.
const SchemaChecker& flow_schema_checker();
// The compiled flow schema's tables (its definitions/NAME are in `definitions`).
const schema::Tables& flow_schema_tables();
// The same schema as a document (its text is embedded too), parsed on first use: `flow fmt` orders
// keys by it.
const document::Value& flow_schema();
const std::string& flow_schema_text();

}  // namespace gomo::checks

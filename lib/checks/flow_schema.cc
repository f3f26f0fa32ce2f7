#include <cstdio>
#include <cstdlib>
#include <memory>

#include "checks/schema_check.h"

namespace gomo::checks {

const char* flow_schema_source();  // generated from schemas/flow.schema.json

namespace generated {  // gomo_schema_gen's output (CMakeLists.txt)
extern const schema::Node kFlowSchemaNodes[];
extern const schema::Definition kFlowSchemaDefinitions[];
extern const unsigned kFlowSchemaDefinitionCount;
}  // namespace generated

const SchemaChecker& flow_schema_checker() {
  static const SchemaChecker* const checker = new SchemaChecker(generated::kFlowSchemaNodes[0]);  // never freed
  return *checker;
}

const schema::Node* flow_schema_definition(std::string_view name) {
  for (unsigned i = 0; i < generated::kFlowSchemaDefinitionCount; ++i)
    if (name == generated::kFlowSchemaDefinitions[i].name) return generated::kFlowSchemaDefinitions[i].node;
  return nullptr;
}

const std::string& flow_schema_text() {
  static const std::string text = flow_schema_source();
  return text;
}

const document::Value& flow_schema() {
  // Parsed once (thread-safe static initialisation) and never freed: freeing it at exit cost a fifth
  // of a one-file `gomo flow validate`.
  static const document::Document* const doc = [] {
    auto d = document::read_json("schemas/flow.schema.json", flow_schema_text());
    if (!d->parsed) {
      std::fprintf(stderr, "gomo: internal error: the embedded flow schema does not parse\n");
      std::abort();
    }
    return d.release();
  }();
  return doc->root;
}

}  // namespace gomo::checks

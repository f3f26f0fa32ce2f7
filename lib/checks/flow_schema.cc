#include <cstdio>
#include <cstdlib>
#include <memory>

#include "checks/schema_check.h"

namespace gomo::checks {

const char* flow_schema_source();  // generated from schemas/flow.schema.json

namespace generated {  // gomo_schema_gen's output (CMakeLists.txt)
extern const schema::Tables kFlowSchema;
}  // namespace generated

const schema::Tables& flow_schema_tables() { return generated::kFlowSchema; }

const SchemaChecker& flow_schema_checker() {
  static const SchemaChecker* const checker = new SchemaChecker(generated::kFlowSchema);  // never freed
  return *checker;
}

const std::string& flow_schema_text() {
  static const std::string text = flow_schema_source();
  return text;
}

const document::Value& flow_schema() {
  // Parsed once (thread-safe static initialisation), for `flow fmt` and the tests; never freed, as
  // nothing is used after exit.
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

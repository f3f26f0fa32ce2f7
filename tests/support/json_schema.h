#pragma once
// An independent JSON-Schema validator for tests (valijson, kept out of this header), and gomo's
// positioned tree as plain JSON, so tests can check gomo's output and inputs against published schemas.
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace gomo::document {
struct Value;
}

namespace gomo::test {

class JsonSchemaValidator {
 public:
  enum class Draft { k4, k7 };
  // Throws when the schema cannot be parsed (e.g. a dangling $ref).
  JsonSchemaValidator(const nlohmann::json& schema, Draft draft = Draft::k7);
  ~JsonSchemaValidator();
  // Empty when `instance` is valid; else one line per error ("[graph][nodes][1]: reason").
  std::vector<std::string> errors(const nlohmann::json& instance) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// gomo's tree as plain JSON. Mapping keys become strings (YAML `1:` is the key "1", as in gomo).
// Integral floats (30000.0) become integers: draft-06+ counts them as integers, but valijson's strong
// typing does not, and the question in tests is the schema's meaning, not number spelling.
nlohmann::json to_json(const document::Value& v);

}  // namespace gomo::test

#include "tests/support/json_schema.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

#include "document/document.h"

namespace gomo::test {

using nlohmann::json;

struct JsonSchemaValidator::Impl {
  valijson::Schema schema;
};

JsonSchemaValidator::JsonSchemaValidator(const json& schema, Draft draft) : impl_(std::make_unique<Impl>()) {
  valijson::SchemaParser parser(draft == Draft::k4 ? valijson::SchemaParser::kDraft4 : valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(schema);
  parser.populateSchema(adapter, impl_->schema);
}

JsonSchemaValidator::~JsonSchemaValidator() = default;

std::vector<std::string> JsonSchemaValidator::errors(const json& instance) const {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(instance);
  std::vector<std::string> out;
  if (validator.validate(impl_->schema, adapter, &results)) return out;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string where;
    for (const auto& c : e.context) where += c == "<root>" ? "" : c;
    out.push_back(where + ": " + e.description);
  }
  return out;
}

json to_json(const document::Value& v) {
  using document::Kind;
  switch (v.kind) {
    case Kind::kNull: return nullptr;
    case Kind::kBool: return v.boolean;
    case Kind::kInt: return v.integer;
    case Kind::kFloat:
      if (std::isfinite(v.number) && v.number == std::floor(v.number) && std::fabs(v.number) < 9e15)
        return static_cast<int64_t>(v.number);
      return v.number;
    case Kind::kString: return v.text;
    case Kind::kSequence: {
      json out = json::array();
      for (const auto& item : v.items) out.push_back(to_json(item));
      return out;
    }
    case Kind::kMapping: {
      json out = json::object();
      for (const auto& m : v.members) out[m.key.is_string() ? m.key.text : m.key.scalar_text()] = to_json(m.value);
      return out;
    }
  }
  return nullptr;
}

}  // namespace gomo::test

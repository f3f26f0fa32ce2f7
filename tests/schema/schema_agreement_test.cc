// schemas/flow.schema.json is read by two programs: gomo's own interpreter (lib/checks/schema_check.cc)
// and any editor or CI validator. This test runs every sample and fixture flow through an independent
// draft-07 validator (valijson) and checks both say the same thing about shape: the file is
// schema-invalid exactly when gomo reports a diagnostic of a rule with `shape == true`.
// Syntax errors and duplicate keys are left out: JSON readers disagree there (most keep the last key).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "checks/registry.h"
#include "checks/rule.h"
#include "checks/schema_check.h"
#include "document/document.h"
#include "model/flow.h"
#include "tests/support/json_schema.h"
#include "tests/support/test_support.h"

using namespace gomo;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json read_json_file(const std::string& path) { return json::parse(test::read_file(path)); }

using Valijson = test::JsonSchemaValidator;
using test::to_json;

// The flow schema as an independent validator sees it: straight from the source tree.
const Valijson& flow_validator() {
  static const json schema_json = read_json_file(test::source_path("schemas/flow.schema.json"));
  static const Valijson v(schema_json);
  return v;
}

std::set<std::string> shape_rule_ids() {
  std::set<std::string> ids;
  for (const checks::Rule* r : checks::all_rules())
    if (r->shape && std::string_view(r->id) != "syntax" && std::string_view(r->id) != "duplicate-key")
      ids.insert(r->id);
  return ids;
}

struct Verdicts {
  bool comparable = false;            // parsed, no duplicate keys
  std::vector<std::string> gomo;      // shape diagnostics, "line:col [rule] message"
  std::set<std::string> gomo_at;      // the same as "rule<TAB>pointer" ("(root)" for the document)
  std::vector<std::string> valijson;  // valijson's errors
};

// Runs every rule exactly as `gomo flow validate` does, without in-file suppressions (a fixture may
// silence a rule; the shape verdict must not depend on that).
Verdicts judge(const std::string& path) {
  Verdicts out;
  auto doc = document::read_document(path, test::read_file(path));
  if (!doc->parsed) return out;
  for (const auto& p : doc->problems)
    if (p.rule == "duplicate-key") return out;
  out.comparable = true;
  const model::Flow flow = model::build_flow(*doc);
  const checks::CheckOptions options;
  checks::CheckContext ctx{flow, options, checks::build_graph_index(flow)};
  checks::Reporter reporter(*doc);
  for (const checks::Rule* rule : checks::all_rules())
    if (rule->check) rule->check(ctx, reporter);
  static const std::set<std::string> shape = shape_rule_ids();
  for (const auto& d : reporter.diagnostics()) {
    if (!shape.count(d.rule)) continue;
    out.gomo.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.col) + " [" + d.rule + "] " +
                       d.message);
    out.gomo_at.insert(d.rule + "\t" + (d.location.pointer.empty() ? "(root)" : d.location.pointer));
  }
  out.valijson = flow_validator().errors(to_json(doc->root));
  return out;
}

std::vector<std::string> flow_files_under(const std::string& relative) {
  std::vector<std::string> out;
  const fs::path dir = test::source_path(relative);
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string lines(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& l : v) s += "\n    " + l;
  return v.empty() ? " (none)" : s;
}

// Checks agreement on every flow file under `relative`; returns how many were compared.
size_t check_agreement_under(const std::string& relative) {
  size_t compared = 0;
  for (const auto& path : flow_files_under(relative)) {
    // tests/golden/catalogs holds audio-id and attribute lists for --audio-catalog, not flows.
    if (fs::path(path).parent_path().filename() == "catalogs") continue;
    Verdicts v = judge(path);
    if (!v.comparable) continue;
    ++compared;
    INFO(path, "\n  gomo shape diagnostics:", lines(v.gomo), "\n  valijson errors:", lines(v.valijson));
    CHECK(v.gomo.empty() == v.valijson.empty());
  }
  return compared;
}

}  // namespace

TEST_CASE("schema agreement: the flow schema is a valid draft-07 schema") {
  const json metaschema = read_json_file(test::source_path("tests/schema/json-schema-draft-07.json"));
  const Valijson meta(metaschema);
  const json schema = read_json_file(test::source_path("schemas/flow.schema.json"));
  INFO(lines(meta.errors(schema)));
  CHECK(meta.errors(schema).empty());
  CHECK(schema.value("$schema", "") == "http://json-schema.org/draft-07/schema#");

  // The check can fail: a misspelt type name is caught.
  json broken = schema;
  broken["definitions"]["target"]["type"] = "strnig";
  CHECK_FALSE(meta.errors(broken).empty());
  // ...and valijson resolves every $ref (it throws on a dangling one).
  json dangling = schema;
  dangling["definitions"]["flow"]["properties"]["graph"]["$ref"] = "#/definitions/nowhere";
  CHECK_THROWS(Valijson{dangling});
  CHECK_NOTHROW(Valijson{schema});
}

namespace {

// Keywords gomo's interpreter implements (schema_check.h), plus annotations that validate nothing.
// Any other draft-07 keyword (pattern, format, uniqueItems, patternProperties...) would be enforced by
// editors and ajv but ignored by gomo: a silent disagreement.
const std::set<std::string> kGomoKeywords = {
    "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "propertyNames", "items",
    "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "minProperties", "maxProperties", "allOf",
    "anyOf", "oneOf", "not", "if", "then", "else",
    // annotations
    "$schema", "$id", "$comment", "title", "description", "default", "examples", "definitions"};

void collect_unknown_keywords(const json& schema, const std::string& where, std::vector<std::string>& out) {
  if (!schema.is_object()) return;
  for (const auto& [key, value] : schema.items()) {
    if (key.rfind("x-gomo-", 0) == 0) continue;
    if (!kGomoKeywords.count(key)) out.push_back(where + "/" + key);
    if (key == "properties" || key == "definitions") {
      for (const auto& [name, sub] : value.items()) collect_unknown_keywords(sub, where + "/" + key + "/" + name, out);
    } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
      for (size_t i = 0; i < value.size(); ++i)
        collect_unknown_keywords(value[i], where + "/" + key + "/" + std::to_string(i), out);
    } else if (key == "items" || key == "additionalProperties" || key == "propertyNames" || key == "not" ||
               key == "if" || key == "then" || key == "else") {
      if (value.is_array()) out.push_back(where + "/" + key + " (tuple form is not implemented by gomo)");
      collect_unknown_keywords(value, where + "/" + key, out);
    }
  }
}

}  // namespace

TEST_CASE("schema agreement: the flow schema uses only keywords gomo implements") {
  const json schema = read_json_file(test::source_path("schemas/flow.schema.json"));
  std::vector<std::string> unknown;
  collect_unknown_keywords(schema, "", unknown);
  INFO("keywords gomo would ignore:", lines(unknown));
  CHECK(unknown.empty());

  json with_pattern = schema;
  with_pattern["definitions"]["target"]["pattern"] = "^[a-z]";
  unknown.clear();
  collect_unknown_keywords(with_pattern, "", unknown);
  CHECK(unknown == std::vector<std::string>{"/definitions/target/pattern"});
}

TEST_CASE("schema agreement: the embedded schema is schemas/flow.schema.json") {
  CHECK(json::parse(checks::flow_schema_text()) == read_json_file(test::source_path("schemas/flow.schema.json")));
}

namespace {

// tests/fixtures/schema/expected.tsv: "file<TAB>rule<TAB>pointer" per invalid fixture, so that a fixture
// broken in some other way than intended (a typo in its surroundings) does not pass unnoticed.
std::map<std::string, std::string> expected_findings() {
  std::map<std::string, std::string> out;
  std::istringstream in(test::read_file(test::source_path("tests/fixtures/schema/expected.tsv")));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab != std::string::npos) out[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return out;
}

}  // namespace

TEST_CASE("schema agreement: fixtures say what their names say, and valijson agrees with gomo") {
  // tests/fixtures/schema/valid-*.{yaml,json} must be shape-valid, invalid-* shape-invalid, for both.
  const auto files = flow_files_under("tests/fixtures/schema");
  REQUIRE(files.size() >= 25);
  const auto expected = expected_findings();
  size_t valid = 0, invalid = 0;
  for (const auto& path : files) {
    const std::string name = fs::path(path).filename().string();
    const bool expect_valid = name.rfind("valid-", 0) == 0;
    REQUIRE_MESSAGE((expect_valid || name.rfind("invalid-", 0) == 0), name, ": name a fixture valid-* or invalid-*");
    (expect_valid ? valid : invalid)++;
    Verdicts v = judge(path);
    INFO(name, "\n  gomo shape diagnostics:", lines(v.gomo), "\n  valijson errors:", lines(v.valijson));
    REQUIRE(v.comparable);
    CHECK(v.gomo.empty() == expect_valid);
    CHECK(v.valijson.empty() == expect_valid);
    if (!expect_valid) {
      auto it = expected.find(name);
      REQUIRE_MESSAGE(it != expected.end(), name, ": add its rule and pointer to tests/fixtures/schema/expected.tsv");
      CHECK_MESSAGE(v.gomo_at.count(it->second), "expected finding: ", it->second);
    }
  }
  for (const auto& [name, finding] : expected)
    CHECK_MESSAGE(fs::exists(test::source_path("tests/fixtures/schema/" + name)), name,
                  " in expected.tsv does not exist");
  CHECK(valid >= 5);
  CHECK(invalid >= 20);
}

TEST_CASE("schema agreement: samples and golden flows") {
  CHECK(check_agreement_under("samples/flows") >= 5);
  CHECK(check_agreement_under("samples/shapes") >= 1);  // nodes as a map, not fmt's canonical form
  check_agreement_under("tests/golden");
}

TEST_CASE("schema agreement: the test itself notices a disagreement") {
  // A schema that forgot `additionalProperties: false` on dial outputs accepts onEnd; gomo does not.
  json lax = read_json_file(test::source_path("schemas/flow.schema.json"));
  lax["definitions"]["playOutputs"].erase("additionalProperties");
  const Valijson lax_validator(lax);
  const std::string dir = test::scratch_dir();
  const std::string path = test::write_file(dir, "f.yaml", R"(name: f
graph:
  startNodeId: p
  nodes:
    - {id: p, type: play, label: P, config: {audioItems: [{type: audioFile, audioId: a}]}, outputs: {onEnd: h}}
    - {id: h, type: hangup, label: H}
)");
  auto doc = document::read_document(path, test::read_file(path));
  REQUIRE(doc->parsed);
  CHECK(lax_validator.errors(to_json(doc->root)).empty());
  const Verdicts v = judge(path);
  CHECK_FALSE(v.gomo.empty());
  CHECK_FALSE(v.valijson.empty());
}

// The schemas of the simulation files (flow tests, softphone scripts) are for editors; gomo reads those
// files with its own loaders. Keep the schemas valid and in step with what the samples use.
TEST_CASE("schema agreement: flow test and softphone schemas accept the samples and reject mistakes") {
  const json metaschema = read_json_file(test::source_path("tests/schema/json-schema-draft-07.json"));
  Valijson meta(metaschema);
  const json flowtest_schema = read_json_file(test::source_path("schemas/flowtest.schema.json"));
  const json softphone_schema = read_json_file(test::source_path("schemas/softphone.schema.json"));
  CHECK(meta.errors(flowtest_schema).empty());
  CHECK(meta.errors(softphone_schema).empty());
  Valijson flowtest(flowtest_schema), softphone(softphone_schema);
  size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(test::source_path("samples/tests"))) {
    auto doc = document::read_document(entry.path().string(), test::read_file(entry.path().string()));
    REQUIRE(doc->parsed);
    CAPTURE(entry.path().string());
    INFO(lines(flowtest.errors(to_json(doc->root))));
    CHECK(flowtest.errors(to_json(doc->root)).empty());
    ++checked;
  }
  CHECK(checked > 0);
  auto typo = document::read_yaml("t.yaml", "flow: f.yaml\ncases:\n  - {name: x, press: '1', expext: {endsAt: a}}\n");
  CHECK_FALSE(flowtest.errors(to_json(typo->root)).empty());
  auto script = document::read_yaml(
      "s.yaml",
      "answer: human\nanswerAfter: 1500\nsteps:\n  - press: '12#'\n  - {silence: true}\n  - {speak: 3000}\n  - {hangUp: true}\n");
  CHECK(softphone.errors(to_json(script->root)).empty());
  auto bad = document::read_yaml("s.yaml", "answer: humn\nsteps:\n  - press: '1a'\n");
  CHECK(softphone.errors(to_json(bad->root)).size() >= 1);
}

// The contact mapping schema is for editors too; gomo reads mapping files with contacts::load_mapping_file.
TEST_CASE("schema agreement: the contact mapping schema accepts the sample and rejects mistakes") {
  const json metaschema = read_json_file(test::source_path("tests/schema/json-schema-draft-07.json"));
  const json schema = read_json_file(test::source_path("schemas/contact-mapping.schema.json"));
  CHECK(Valijson(metaschema).errors(schema).empty());
  Valijson mapping(schema);
  auto sample = document::read_document(test::source_path("tests/fixtures/contacts/mapping.yaml"),
                                        test::read_file(test::source_path("tests/fixtures/contacts/mapping.yaml")));
  REQUIRE(sample->parsed);
  CHECK(mapping.errors(to_json(sample->root)).empty());
  CHECK(mapping.errors(json::parse(R"({"map": {"phone": "Tel"}, "attributes": "auto"})")).empty());
  CHECK_FALSE(mapping.errors(json::parse(R"({"colums": {}})")).empty());
  CHECK_FALSE(mapping.errors(json::parse(R"({"map": {"phone": ["a"]}})")).empty());
  CHECK_FALSE(mapping.errors(json::parse(R"({"attributes": "some"})")).empty());
}

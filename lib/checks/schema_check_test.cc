#include "checks/schema_check.h"

#include <doctest/doctest.h>

using namespace gomo;

static std::vector<checks::SchemaViolation> run(const char* schema, const char* instance) {
  static std::vector<std::unique_ptr<document::Document>> keep;
  keep.push_back(document::read_json("s.json", schema));
  REQUIRE(keep.back()->parsed);
  auto inst = document::read_json("i.json", instance);
  REQUIRE(inst->parsed);
  checks::SchemaChecker checker(keep.back()->root);
  std::vector<checks::SchemaViolation> out;
  checker.check(inst->root, out);
  for (auto& v : out) v.at = nullptr;  // the instance dies here
  return out;
}

TEST_CASE("schema checker: type, required, additionalProperties with a suggestion") {
  const char* s = R"({"type":"object","x-gomo-noun":"node","required":["id"],
    "properties":{"id":{"type":"string"},"label":{"type":"string"}},"additionalProperties":false})";
  CHECK(run(s, R"({"id":"a"})").empty());
  auto v = run(s, R"({"id":1,"lable":"x"})");
  REQUIRE(v.size() == 2);
  CHECK(v[0].message == "wrong type for `id`: expected string, found integer 1");
  CHECK(v[1].message == "unknown field `lable` in a node: expected one of id, label; did you mean label?");
  CHECK(v[1].fix == "label");
  auto m = run(s, R"({})");
  REQUIRE(m.size() == 1);
  CHECK(m[0].message == "missing required field `id` in node");
}

TEST_CASE("schema checker: enum with x-gomo-rule, if/then, $ref") {
  const char* s =
      R"({"definitions":{"t":{"type":"string","enum":["play","dial"],"x-gomo-rule":"unknown-node-type","x-gomo-noun":"node type"}},
    "type":"object","properties":{"type":{"$ref":"#/definitions/t"}},
    "if":{"properties":{"type":{"const":"play"}}},"then":{"required":["config"]}})";
  auto v = run(s, R"({"type":"plya"})");
  REQUIRE(v.size() == 1);
  CHECK(v[0].rule == "unknown-node-type");
  CHECK(v[0].message == "unknown node type \"plya\": expected one of play, dial; did you mean \"play\"?");
  auto w = run(s, R"({"type":"play"})");
  REQUIRE(w.size() == 1);
  CHECK(w[0].message.find("missing required field `config`") == 0);
}

TEST_CASE("schema checker: numbers, lengths, items, anyOf") {
  const char* s =
      R"({"type":"object","properties":{"n":{"type":"integer","minimum":1},"s":{"type":"string","minLength":1},
    "a":{"type":"array","items":{"type":"string"}},"u":{"anyOf":[{"type":"string"},{"type":"integer"}]}}})";
  CHECK(run(s, R"({"n":3.0})").empty());  // 3.0 is an integer in JSON Schema
  CHECK(run(s, R"({"n":0})").at(0).message == "`n` must be at least 1, found 0");
  CHECK(run(s, R"({"s":""})").at(0).message == "`s` must not be empty");
  CHECK(run(s, R"({"a":["x",2]})").at(0).message == "wrong type for `a[1]`: expected string, found integer 2");
  CHECK(run(s, R"({"u":true})").size() == 1);
  CHECK(run(s, R"({"u":5})").empty());
}

TEST_CASE("the embedded flow schema parses") {
  const auto& schema = checks::flow_schema();
  CHECK(schema.is_mapping());
  CHECK(schema.find("definitions")->find("node"));
}

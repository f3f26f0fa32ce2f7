#include "checks/schema_compile.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "checks/schema_check.h"
#include "tests/support/test_support.h"

using namespace gomo;
namespace fs = std::filesystem;

namespace {

std::string violations(const checks::SchemaChecker& checker, const document::Value& instance) {
  std::vector<checks::SchemaViolation> out;
  checker.check(instance, out);
  std::string s;
  for (const auto& v : out)
    s += v.rule + " | " + v.message + " | " + document::pointer_of(*v.at) + " | " + v.fix + "\n";
  return s;
}

}  // namespace

TEST_CASE("schema compile: the flow schema compiled into the binary checks as the one compiled at run time") {
  // gomo_schema_gen wrote flow.schema.json out as constants at build time; compiling the embedded text
  // now must give the same verdict, message for message, on every sample and fixture.
  const checks::SchemaChecker run_time(checks::flow_schema());
  std::vector<std::string> files;
  for (const char* dir : {"samples", "tests/fixtures"})
    for (const auto& e : fs::recursive_directory_iterator(test::source_path(dir))) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".json")) files.push_back(e.path().string());
    }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 20);
  size_t with_violations = 0;
  for (const auto& path : files) {
    auto doc = document::read_document(path, test::read_file(path));
    if (!doc->parsed) continue;
    const std::string expected = violations(run_time, doc->root);
    CHECK_MESSAGE(violations(checks::flow_schema_checker(), doc->root) == expected, path);
    with_violations += !expected.empty();
  }
  CHECK(with_violations > 5);  // the comparison saw failures, not only clean files
}

TEST_CASE("schema compile: definitions by name, and the lists rules read from them") {
  const checks::schema::Tables& t = checks::flow_schema_tables();
  const checks::schema::Node* vs = t.definition("valueSource");
  REQUIRE(vs);
  CHECK(vs->has_all_of);
  CHECK(vs->dispatch.size > 0);  // a tagged union on `source`
  CHECK(t.str(vs->dispatch_property) == "source");
  CHECK(t.definition("no-such-definition") == nullptr);
}

TEST_CASE("schema compile: the C++ it writes is tables of numbers, with the strings escaped") {
  auto doc = document::read_json("s.json",
                                 R"({"definitions":{"t":{"type":["string","null"],"enum":["a\"b","\u00e9",null,1.5]}},
    "type":"object","required":["id"],"properties":{"id":{"$ref":"#/definitions/t"},"n":{"type":"integer","minimum":-2}},
    "additionalProperties":false,"x-gomo-noun":"node","x-gomo-rule":"r","x-gomo-aliases":{"onEnd":"onComplete"},
    "allOf":[{"if":{"properties":{"k":{"const":"x"}},"required":["k"]},"then":{"maxProperties":3}}]})");
  REQUIRE(doc->parsed);
  auto compiled = checks::schema::compile(doc->root);
  CHECK(compiled->definitions.size() == 1);
  CHECK(compiled->bounds.size() == 2);  // minimum, maxProperties
  std::string source, error;
  REQUIRE(checks::schema::emit_cpp(*compiled, "kTest", source, error));
  CHECK(error.empty());
  for (const char* piece : {"const Tables kTest = {kNodes, kStrings, kStrs, kConstants, kBounds", "a\\\"b",
                            "\\303\\251", "onEnd", "onComplete", "{true, -2, {", "static const Node kNodes[] = {"})
    CHECK_MESSAGE(source.find(piece) != std::string::npos, piece);
  // No pointers in the tables: nothing for the loader to relocate, so they stay read-only and shared.
  const std::string tables = source.substr(0, source.find("const Tables kTest"));
  CHECK(tables.find('&') == std::string::npos);
  CHECK(tables.find("nullptr") == std::string::npos);
}

TEST_CASE("schema compile: an object as an enum value checks at run time but cannot be written out") {
  auto doc = document::read_json("s.json", R"({"enum":[{"a":1},"b"]})");
  REQUIRE(doc->parsed);
  const checks::SchemaChecker checker(doc->root);
  auto ok = document::read_json("i.json", R"({"a":1})");
  auto bad = document::read_json("i.json", R"({"a":2})");
  CHECK(checker.matches(ok->root));
  CHECK_FALSE(checker.matches(bad->root));
  auto compiled = checks::schema::compile(doc->root);
  std::string source, error;
  CHECK_FALSE(checks::schema::emit_cpp(*compiled, "kTest", source, error));
  CHECK(error.find("enum or const") != std::string::npos);
}

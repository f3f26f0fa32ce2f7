#include "flow/canonical.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "document/writer.h"
#include "flow/format.h"
#include "tests/support/test_support.h"

using namespace gomo;

namespace {

std::string canonical_yaml(const std::string& text, const std::string& name = "f.yaml",
                           flow::CanonicalOptions options = {}) {
  auto doc = document::read_document(name, text);
  REQUIRE(doc->parsed);
  auto c = flow::canonicalize(*doc, options);
  REQUIRE(c.has_value());
  auto out = document::write_yaml(c->root);
  REQUIRE(out.has_value());
  return out.value();
}

// Every flow file under samples/ and tests/ (YAML and JSON).
std::vector<std::string> all_flow_files() {
  std::vector<std::string> out;
  for (const char* dir : {"samples", "tests"}) {
    std::filesystem::path root = test::source_path(dir);
    if (!std::filesystem::exists(root)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
      std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("canonical: node keys, config fields and outputs in documented order, unknown keys last") {
  std::string text = R"(startNodeId: m
nodes:
  - outputs:
      onTimeout: bye
      x-later: 1
      branches: {"1": bye}
    zzz: kept
    config:
      retry: {maxRetries: 2}
      variable: choice
      mode: single_digit
      singleDigitConfig: {allowedDigits: ["1"]}
    type: dtmf
    label: Menu
    id: m
  - {type: hangup, id: bye}
)";
  CHECK(canonical_yaml(text) == R"(startNodeId: m
nodes:
  - id: m
    type: dtmf
    label: Menu
    config:
      mode: single_digit
      variable: choice
      singleDigitConfig:
        allowedDigits:
          - "1"
      retry:
        maxRetries: 2
    outputs:
      branches:
        "1": bye
      onTimeout: bye
      x-later: 1
    zzz: kept
  - id: bye
    type: hangup
)");
}

TEST_CASE("canonical: flow body order and play items with type first") {
  std::string text =
      R"({"graph": {"nodes": [{"config": {"audioItems": [{"language": "ar", "value": {"value": 5, "source": "literal"}, "type": "number", "mode": "full"}]}, "type": "play", "id": "p"}], "startNodeId": "p"}, "description": "d", "name": "Greeting"})";
  CHECK(canonical_yaml(text, "f.json") == R"(name: Greeting
description: d
graph:
  startNodeId: p
  nodes:
    - id: p
      type: play
      config:
        audioItems:
          - type: number
            value:
              source: literal
              value: 5
            mode: full
            language: ar
)");
}

TEST_CASE("canonical: nodes as a map become an array with ids from the keys") {
  std::string out = canonical_yaml(
      "startNodeId: a\nnodes:\n  a: {type: play, outputs: {onComplete: b}}\n  b: {id: b, type: hangup}\n");
  CHECK(
      out ==
      "startNodeId: a\nnodes:\n  - id: a\n    type: play\n    outputs:\n      onComplete: b\n  - id: b\n    type: hangup\n");
}

TEST_CASE("canonical: a map whose key and id disagree stays a map, with the reason") {
  auto doc = document::read_document("f.yaml", "startNodeId: a\nnodes:\n  a: {id: other, type: hangup}\n");
  auto c = flow::canonicalize(*doc);
  REQUIRE(c.has_value());
  CHECK(c->kept_map_reason.find("different id") != std::string::npos);
  CHECK(c->root.find("nodes")->is_mapping());
}

TEST_CASE("canonical: array to map drops only ids equal to the key; duplicate ids refuse") {
  flow::CanonicalOptions to_map;
  to_map.nodes = flow::NodesForm::kMap;
  CHECK(canonical_yaml("startNodeId: a\nnodes:\n  - {type: hangup, id: a, label: A}\n", "f.yaml", to_map) ==
        "startNodeId: a\nnodes:\n  a:\n    type: hangup\n    label: A\n");
  auto dup =
      document::read_document("f.yaml", "startNodeId: a\nnodes:\n  - {id: a, type: hangup}\n  - {id: a, type: play}\n");
  auto c = flow::canonicalize(*dup, to_map);
  REQUIRE_FALSE(c.has_value());
  CHECK(c.error().message().find("`a` is used twice") != std::string::npos);
  auto noid = document::read_document("f.yaml", "startNodeId: a\nnodes:\n  - {type: hangup}\n");
  CHECK_FALSE(flow::canonicalize(*noid, to_map).has_value());
}

TEST_CASE("canonical: a bare graph stays bare unless given a name") {
  std::string bare = "nodes: []\n$schema: s.json\nstartNodeId: a\n";
  CHECK(canonical_yaml(bare) == "$schema: s.json\nstartNodeId: a\nnodes: []\n");
  flow::CanonicalOptions named;
  named.name = "Greeting";
  CHECK(canonical_yaml(bare, "f.yaml", named) ==
        "$schema: s.json\nname: Greeting\ngraph:\n  startNodeId: a\n  nodes: []\n");
}

TEST_CASE("canonical: same_data compares values, not key order") {
  auto a = document::read_document("a.yaml", "x: 1\ny: [a, {b: true}]\n");
  auto b = document::read_document("b.json", R"({"y": ["a", {"b": true}], "x": 1})");
  auto c = document::read_document("c.yaml", "x: 1.0\ny: [a, {b: true}]\n");
  auto d = document::read_document("d.yaml", "x: \"1\"\ny: [a, {b: true}]\n");
  CHECK(flow::same_data(a->root, b->root));
  std::string where;
  CHECK_FALSE(flow::same_data(a->root, c->root, &where));
  CHECK(where == "/x");
  CHECK_FALSE(flow::same_data(a->root, d->root));
}

// The writer's tests are in document/writer_test.cc; these two need the canonical form (flow/).
TEST_CASE("writer: strings that look like numbers, booleans or null read back as the same data") {
  std::string in =
      "a: \"007\"\nb: \"1.5\"\nc: \"true\"\nd: \"null\"\ne: \"yes\"\nf: \"1e3\"\ng: \"0x1F\"\nh: \"\"\ni: \"~\"\nj: \"1_000\"\n"
      "k: 7\nl: 1.50\nm: true\nn: null\no: 0x1F\np: plain text\nq: \"#1\"\nr: \"a: b\"\ns: \"Off\"\n";
  auto a = document::read_document("a.yaml", in);
  REQUIRE(a->parsed);
  auto out = document::write_yaml(a->root);
  REQUIRE(out.has_value());
  auto b = document::read_document("b.yaml", out.value());
  CHECK(flow::same_data(a->root, b->root));
}

TEST_CASE("writer: comments follow their keys when keys move") {
  std::string in = R"(# yaml-language-server: $schema=flow.schema.json
nodes:
  # the menu
  - type: dtmf  # asks for a key
    id: menu
    outputs:
      # one key only
      branches: {"1": bye}  # sales
startNodeId: menu  # first
# the end
)";
  auto doc = document::read_document("f.yaml", in);
  auto c = flow::canonicalize(*doc);
  REQUIRE(c.has_value());
  auto out = document::write_yaml(c->root, doc.get());
  REQUIRE(out.has_value());
  CHECK(out.value() == R"(# yaml-language-server: $schema=flow.schema.json
startNodeId: menu  # first
nodes:
  # the menu
  - id: menu
    type: dtmf  # asks for a key
    outputs:
      # one key only
      branches:
        "1": bye  # sales
# the end
)");
}

TEST_CASE("canonical: every sample and fixture round-trips without losing data, and fmt is idempotent") {
  auto files = all_flow_files();
  REQUIRE(files.size() >= 2);
  size_t checked = 0;
  for (const auto& path : files) {
    CAPTURE(path);
    auto doc = document::read_document(path, test::read_file(path));
    if (!doc->parsed || !doc->root.is_mapping()) continue;
    for (auto to : {document::Format::kYaml, document::Format::kJson}) {
      flow::FormatOptions options;
      options.to = to;
      auto out = flow::format_document(*doc, options);
      REQUIRE_MESSAGE(out.has_value(), out.error().message());
      auto reread = document::read_document(to == document::Format::kYaml ? "o.yaml" : "o.json", out->text);
      REQUIRE(reread->parsed);
      std::string where;
      CHECK_MESSAGE(flow::same_flow_data(doc->root, reread->root, &where), where);
      if (to == document::Format::kYaml) CHECK(out->comments_dropped == 0);
      // Formatting the output again changes nothing.
      options.to = reread->format;
      auto again = flow::format_document(*reread, options);
      REQUIRE(again.has_value());
      CHECK(again->text == out->text);
    }
    // Through the map form and back gives the same canonical text (when the ids allow a map).
    flow::CanonicalOptions to_map;
    to_map.nodes = flow::NodesForm::kMap;
    if (auto as_map = flow::canonicalize(*doc, to_map)) {
      auto map_doc = document::read_document("m.yaml", document::write_yaml(as_map->root).value());
      auto back = flow::canonicalize(*map_doc);
      auto direct = flow::canonicalize(*doc);
      REQUIRE(back.has_value());
      REQUIRE(direct.has_value());
      CHECK(document::write_yaml(back->root).value() == document::write_yaml(direct->root).value());
    }
    ++checked;
  }
  CHECK(checked >= 2);
}

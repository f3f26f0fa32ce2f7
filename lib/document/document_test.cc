#include "document/document.h"

#include <doctest/doctest.h>

#include <string>

using namespace gomo::document;

TEST_CASE("duplicate keys: found in source order with their first definition, small and big mappings") {
  for (int keys : {3, 16, 17, 5000}) {
    CAPTURE(keys);
    std::string json = "{";
    for (int i = 0; i < keys; ++i) json += "\"k" + std::to_string(i) + "\": 1,\n";
    json += "\"k1\": 2,\n\"k0\": 3,\n\"k1\": 4}";
    auto doc = read_json("f.json", json);
    REQUIRE(doc->parsed);
    REQUIRE(doc->problems.size() == 3);
    const uint32_t last = static_cast<uint32_t>(keys);
    CHECK(doc->problems[0].begin.line == last + 1);
    CHECK(doc->problems[0].related == "first defined at 2:1");
    CHECK(doc->problems[1].begin.line == last + 2);
    CHECK(doc->problems[1].related == "first defined at 1:2");
    CHECK(doc->problems[2].begin.line == last + 3);
    CHECK(doc->problems[2].related == "first defined at 2:1");
    CHECK(doc->problems[2].pointer == "/k1");
  }
}

TEST_CASE("duplicate keys: 200,000 of them are found without comparing every pair") {
  // Pairwise, this is 2e10 string comparisons (minutes); sorted, a fraction of a second.
  std::string yaml;
  for (int i = 0; i < 200'000; ++i) yaml += "k: v\n";
  auto doc = read_yaml("f.yaml", yaml);
  REQUIRE(doc->parsed);
  REQUIRE(doc->problems.size() == 199'999);
  CHECK(doc->problems.back().begin.line == 200'000);
  CHECK(doc->problems.back().related == "first defined at 1:1");
  CHECK(doc->problems.back().pointer == "/k");
}

TEST_CASE("line_text: LF, CR LF and lone CR end lines; NEL, LS and PS only in YAML") {
  Document doc;
  doc.format = Format::kJson;
  doc.text =
      "a\r\nb\rc\n\xC2\x85"
      "d\n";
  CHECK(doc.line_count() == 5);
  CHECK(doc.line_text(1) == "a");
  CHECK(doc.line_text(2) == "b");
  CHECK(doc.line_text(3) == "c");
  CHECK(doc.line_text(4) ==
        "\xC2\x85"
        "d");
  CHECK(doc.line_text(5) == "");
  CHECK(doc.line_text(6) == "");
  Document yaml;
  yaml.text =
      "a\xC2\x85"
      "b\xE2\x80\xA9"
      "c\r\r\nd";
  CHECK(yaml.line_count() == 5);
  CHECK(yaml.line_text(2) == "b");
  CHECK(yaml.line_text(3) == "c");
  CHECK(yaml.line_text(4) == "");
  CHECK(yaml.line_text(5) == "d");
}

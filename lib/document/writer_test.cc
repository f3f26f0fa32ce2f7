#include "document/writer.h"

#include <doctest/doctest.h>

using namespace gomo;

namespace {

std::string yaml_of(const std::string& text, bool comments = false) {
  auto doc = document::read_document("f.yaml", text);
  REQUIRE(doc->parsed);
  auto out = document::write_yaml(doc->root, comments ? doc.get() : nullptr);
  REQUIRE(out.has_value());
  return out.value();
}

std::string json_of(const std::string& text) {
  auto doc = document::read_document("f.yaml", text);
  REQUIRE(doc->parsed);
  auto out = document::write_json(doc->root);
  REQUIRE(out.has_value());
  return out.value();
}

}  // namespace

TEST_CASE("writer: strings that look like numbers, booleans or null are quoted; scalars keep their type") {
  std::string in =
      "a: \"007\"\nb: \"1.5\"\nc: \"true\"\nd: \"null\"\ne: \"yes\"\nf: \"1e3\"\ng: \"0x1F\"\nh: \"\"\ni: \"~\"\nj: \"1_000\"\n"
      "k: 7\nl: 1.50\nm: true\nn: null\no: 0x1F\np: plain text\nq: \"#1\"\nr: \"a: b\"\ns: \"Off\"\n";
  std::string out = yaml_of(in);
  CHECK(
      out ==
      "a: \"007\"\nb: \"1.5\"\nc: \"true\"\nd: \"null\"\ne: \"yes\"\nf: \"1e3\"\ng: \"0x1F\"\nh: \"\"\ni: \"~\"\nj: \"1_000\"\n"
      "k: 7\nl: 1.50\nm: true\n\"n\": null\no: 31\np: plain text\nq: \"#1\"\nr: \"a: b\"\ns: \"Off\"\n");
  CHECK(document::yaml_needs_quotes("123"));
  CHECK(document::yaml_needs_quotes("-.5"));
  CHECK(document::yaml_needs_quotes("12:30"));
  CHECK_FALSE(document::yaml_needs_quotes("dial-1"));
  CHECK_FALSE(document::yaml_needs_quotes("1st"));
  CHECK_FALSE(document::yaml_needs_quotes("مرحبا"));
}

TEST_CASE("writer: block style, flow style only for empty collections, newline at the end") {
  CHECK(yaml_of("a: {b: [1, {c: d}], e: [], f: {}}\n") == "a:\n  b:\n    - 1\n    - c: d\n  e: []\n  f: {}\n");
}

TEST_CASE("writer: JSON with 2-space indent, escapes, UTF-8 kept, numbers as written") {
  CHECK(json_of("a: \"q\\\"\\\\\\n\\t\\u0001\"\nb: [1, 2.50, -3e2, true, null]\nc: {}\nd: []\ne: مرحبا\n") ==
        "{\n  \"a\": \"q\\\"\\\\\\n\\t\\u0001\",\n  \"b\": [\n    1,\n    2.50,\n    -3e2,\n    true,\n    null\n  ],\n"
        "  \"c\": {},\n  \"d\": [],\n  \"e\": \"مرحبا\"\n}\n");
  CHECK(json_of("a: +1.5\nb: 1.\n") == "{\n  \"a\": 1.5,\n  \"b\": 1.0\n}\n");
  auto inf = document::read_document("f.yaml", "a: .inf\n");
  CHECK_FALSE(document::write_json(inf->root).has_value());
}

TEST_CASE("writer: comments are found outside scalars only") {
  auto doc =
      document::read_document("f.yaml",
                              "# head\na: \"x # not\"  # trailing\nb: |  # on the header\n  # content, not a comment\n"
                              "c: 'it''s # no'\n#tight\n");
  auto comments = document::find_comments(*doc);
  REQUIRE(comments.size() == 4);
  CHECK(comments[0].text == " head");
  CHECK_FALSE(comments[0].trailing);
  CHECK(comments[1].text == " trailing");
  CHECK(comments[1].trailing);
  CHECK(comments[1].at.line == 2);
  CHECK(comments[2].text == " on the header");
  CHECK(comments[3].text == "tight");
}

TEST_CASE("writer: blank lines between values are kept (at most one), not those inside scalars or [...]") {
  std::string in = "a: 1\n\n\nb:\n  c: |\n    x\n\n    y\n  e: 2\n\n  d: [1,\n\n    2]\n";
  CHECK(yaml_of(in, true) == "a: 1\n\nb:\n  c: \"x\\n\\ny\\n\"\n  e: 2\n\n  d:\n    - 1\n    - 2\n");
}

TEST_CASE("writer: deep nesting cannot make the text bigger than a file gomo reads") {
  // 500 levels around 70,000 numbers: 140 KB of JSON, ~70 MB written out (a kilobyte of indent a line).
  std::string text = std::string(500, '[');
  for (int i = 0; i < 70'000; ++i) text += i ? ",0" : "0";
  text += std::string(500, ']');
  auto doc = document::read_document("f.json", text);
  REQUIRE(doc->parsed);
  for (bool yaml : {false, true}) {
    CAPTURE(yaml);
    auto out = yaml ? document::write_yaml(doc->root) : document::write_json(doc->root);
    REQUIRE_FALSE(out.has_value());
    CHECK(out.error().message().find("larger than 64 MiB") != std::string::npos);
  }
}

TEST_CASE("writer: comments and blank lines of a file with CR-only line breaks stay on their lines") {
  auto doc = document::read_document("f.yaml", "# head\ra: 1  # one\r\rb: 2\r");
  REQUIRE(doc->parsed);
  auto out = document::write_yaml(doc->root, doc.get());
  REQUIRE(out.has_value());
  CHECK(out.value() == "# head\na: 1  # one\n\nb: 2\n");
}

TEST_CASE("writer: JSON strings with DEL, C1 controls, NEL, LS, PS or a BOM read back from YAML") {
  auto doc = document::read_document(
      "f.json",
      R"({"a": "x\u007fy", "b": "x\u0085y", "c": "x\u2028y", "d": "x\u2029y", "e": "x\u0080y", "f": "\ufeffx", "g": "مرحبا\u007f"})");
  REQUIRE(doc->parsed);
  auto out = document::write_yaml(doc->root);
  REQUIRE(out.has_value());
  auto back = document::read_document("out.yaml", out.value());
  REQUIRE(back->parsed);
  for (const char* key : {"a", "b", "c", "d", "e", "f", "g"}) {
    CAPTURE(key);
    CHECK(back->root.find(key)->text == doc->root.find(key)->text);
  }
}

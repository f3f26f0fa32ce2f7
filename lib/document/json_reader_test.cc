#include <doctest/doctest.h>

#include "document/document.h"

using namespace gomo::document;

TEST_CASE("json reader: values, positions and pointers") {
  auto doc = read_json("f.json", "{\n  \"a\": [1, 2.5, \"x\"],\n  \"b\": {\"c\": null, \"d\": true}\n}\n");
  REQUIRE(doc->parsed);
  const Value* a = doc->root.find("a");
  REQUIRE(a);
  CHECK(a->is_sequence());
  CHECK(a->items[0].kind == Kind::kInt);
  CHECK(a->items[0].integer == 1);
  CHECK(a->items[1].kind == Kind::kFloat);
  CHECK(a->items[2].text == "x");
  CHECK(a->items[2].begin.line == 2);
  CHECK(a->items[2].begin.col == 17);
  CHECK(pointer_of(a->items[2]) == "/a/2");
  const Value* d = doc->root.find("b")->find("d");
  CHECK(d->kind == Kind::kBool);
  CHECK(pointer_of(*d) == "/b/d");
}

TEST_CASE("json reader: columns count characters, not bytes") {
  auto doc = read_json("f.json", "{\"label\": \"مرحبا\", \"x\": 1}");
  REQUIRE(doc->parsed);
  CHECK(doc->root.find("x")->begin.col == 25);
}

TEST_CASE("json reader: strict syntax with positions") {
  struct Case {
    const char* text;
    const char* fragment;
    uint32_t line, col;
  };
  for (auto c : {Case{"{\"a\": 1,}", "trailing comma", 1, 9}, Case{"{\"a\": 01}", "leading zeros", 1, 8},
                 Case{"{'a': 1}", "double quotes", 1, 2}, Case{"{\"a\": 1\n\"b\": 2}", "expected ',' or '}'", 2, 1},
                 Case{"", "empty document", 1, 1}, Case{"{\"a\": tru}", "invalid literal", 1, 7},
                 Case{"{\"a\": \"x\n\"}", "newline inside a string", 1, 9}}) {
    CAPTURE(c.text);
    auto doc = read_json("f.json", c.text);
    CHECK_FALSE(doc->parsed);
    REQUIRE(doc->problems.size() == 1);
    CHECK(doc->problems[0].rule == "syntax");
    CHECK(doc->problems[0].message.find(c.fragment) != std::string::npos);
    CHECK(doc->problems[0].begin.line == c.line);
    CHECK(doc->problems[0].begin.col == c.col);
  }
}

TEST_CASE("json reader: duplicate keys are reported with the first position") {
  auto doc = read_json("f.json", "{\"graph\": {\"a\": 1,\n \"a\": 2}}");
  REQUIRE(doc->parsed);
  REQUIRE(doc->problems.size() == 1);
  CHECK(doc->problems[0].rule == "duplicate-key");
  CHECK(doc->problems[0].begin.line == 2);
  CHECK(doc->problems[0].related == "first defined at 1:12");
  CHECK(doc->problems[0].message.find("JSON readers keep only one") != std::string::npos);
  CHECK(doc->problems[0].pointer == "/graph/a");
}

TEST_CASE("json reader: escapes and unicode") {
  auto doc = read_json("f.json", R"({"s": "a\n\u00e9\ud83d\ude00\"/"})");
  REQUIRE(doc->parsed);
  CHECK(doc->root.find("s")->text == "a\n\xc3\xa9\xf0\x9f\x98\x80\"/");
}

TEST_CASE("json reader: invalid UTF-8 is a syntax error at its position") {
  struct Case {
    std::string text;
    uint32_t line, col;
  };
  for (const auto& c : {Case{"{\"a\": \"ok\",\n \"b\": \"x\xff y\"}", 2, 9},  // a byte UTF-8 never uses
                        Case{"{\"a\": \"\xc3\xa9\xc3\"}", 1, 9},              // cut short
                        Case{"{\"a\": \"\xc0\xaf\"}", 1, 8},                  // overlong '/'
                        Case{"{\"a\": \"\xed\xa0\x80\"}", 1, 8},              // a surrogate
                        Case{"{\"k\xe9y\": 1}", 1, 4},                        // in a key (Latin-1 é)
                        Case{"{\"a\": 1,\n  \xff \"b\": 2}", 2, 3}}) {        // outside strings
    CAPTURE(c.text);
    auto doc = read_json("f.json", c.text);
    CHECK_FALSE(doc->parsed);
    REQUIRE(doc->problems.size() == 1);
    CHECK(doc->problems[0].rule == "syntax");
    CHECK(doc->problems[0].message.find("invalid UTF-8 (byte 0x") != std::string::npos);
    CHECK(doc->problems[0].begin.line == c.line);
    CHECK(doc->problems[0].begin.col == c.col);
  }
  // Valid UTF-8 of every length still reads, with columns in characters.
  auto ok = read_json("f.json", "{\"a\": \"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\", \"b\": 1}");
  REQUIRE(ok->parsed);
  CHECK(ok->root.find("a")->text == "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
  CHECK(ok->root.find("b")->begin.col == 19);
}

TEST_CASE("json reader: raw control characters and lone surrogates in strings are errors") {
  auto tab = read_json("f.json", "{\"a\":\n  \"x\ty\"}");
  CHECK_FALSE(tab->parsed);
  CHECK(tab->problems[0].message.find("control character") != std::string::npos);
  CHECK(tab->problems[0].begin.line == 2);
  CHECK(tab->problems[0].begin.col == 5);
  for (const char* text : {R"({"a": "\ud800"})", R"({"a": "\udc00x"})", R"({"a": "\ud800\u0041"})"}) {
    CAPTURE(text);
    auto doc = read_json("f.json", text);
    CHECK_FALSE(doc->parsed);
    CHECK(doc->problems[0].message.find("surrogate") != std::string::npos);
  }
}

TEST_CASE("json reader: a lone CR ends a line, as line_text counts lines") {
  auto doc = read_json("f.json", "{\"a\": 1,\r  \"b\": 2,\r\n  \"c\": x}");
  CHECK_FALSE(doc->parsed);
  REQUIRE(doc->problems.size() == 1);
  CHECK(doc->problems[0].begin.line == 3);
  CHECK(doc->problems[0].begin.col == 8);
  CHECK(doc->line_text(2) == "  \"b\": 2,");
  CHECK(doc->line_text(3) == "  \"c\": x}");
}

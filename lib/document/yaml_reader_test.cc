#include <doctest/doctest.h>

#include "document/document.h"

using namespace gomo::document;

TEST_CASE("yaml reader: core schema scalars (YAML 1.2: yes/no/on are strings)") {
  auto doc = read_yaml("f.yaml", "a: yes\nb: true\nc: 12\nd: 1.5\ne: ~\nf: '12'\ng: 0x1F\nh: on\ni: .inf\n");
  REQUIRE(doc->parsed);
  CHECK(doc->root.find("a")->kind == Kind::kString);
  CHECK(doc->root.find("b")->kind == Kind::kBool);
  CHECK(doc->root.find("c")->integer == 12);
  CHECK(doc->root.find("d")->kind == Kind::kFloat);
  CHECK(doc->root.find("e")->is_null());
  CHECK(doc->root.find("f")->kind == Kind::kString);
  CHECK(doc->root.find("g")->integer == 31);
  CHECK(doc->root.find("h")->kind == Kind::kString);
  CHECK(doc->root.find("i")->kind == Kind::kFloat);
}

TEST_CASE("yaml reader: positions are 1-based and count characters") {
  auto doc = read_yaml("f.yaml", "graph:\n  nodes:\n    - id: a\n      label: \"مرحبا\"\n      type: play\n");
  REQUIRE(doc->parsed);
  const Value& node = doc->root.find("graph")->find("nodes")->items[0];
  const Value* type = node.find("type");
  CHECK(type->begin.line == 5);
  CHECK(type->begin.col == 13);
  CHECK(node.find_member("label")->value.end.col == 21);
  CHECK(pointer_of(*type) == "/graph/nodes/0/type");
}

TEST_CASE("yaml reader: syntax errors carry a position and a hint") {
  auto doc = read_yaml("f.yaml", "graph:\n  nodes:\n\t- id: a\n");
  CHECK_FALSE(doc->parsed);
  REQUIRE_FALSE(doc->problems.empty());
  CHECK(doc->problems[0].rule == "syntax");
  CHECK(doc->problems[0].begin.line == 3);
  CHECK(doc->problems[0].message.find("tabs") != std::string::npos);

  auto doc2 = read_yaml("f.yaml", "a: b: c\n");
  CHECK_FALSE(doc2->parsed);
  CHECK(doc2->problems[0].begin.line == 1);
}

TEST_CASE("yaml reader: duplicate keys, anchors, multiple documents, comments") {
  auto doc = read_yaml("f.yaml", "x: &v {a: 1}\ny: *v\nx: 2\n");
  REQUIRE(doc->parsed);
  REQUIRE(doc->problems.size() == 1);
  CHECK(doc->problems[0].rule == "duplicate-key");
  CHECK(doc->problems[0].related == "first defined at 1:1");
  CHECK(doc->root.find("y")->find("a")->integer == 1);

  auto multi = read_yaml("f.yaml", "a: 1\n---\nb: 2\n");
  CHECK_FALSE(multi->parsed);
  CHECK(multi->problems[0].message.find("more than one YAML document") != std::string::npos);

  auto commented = read_yaml("f.yaml", "a: 1 # gomo-ignore: rule-a, rule-b\nb: '# not a comment'\n");
  REQUIRE(commented->ignore_comments.size() == 1);
  CHECK(commented->ignore_comments[0].line == 1);
  CHECK(commented->ignore_comments[0].rules == std::vector<std::string>{"rule-a", "rule-b"});
  CHECK(commented->has_comments);
}

TEST_CASE("yaml reader: dtmf branch keys stay text") {
  auto doc = read_yaml("f.yaml", "branches:\n  1: a\n  '#': b\n");
  REQUIRE(doc->parsed);
  const Value* b = doc->root.find("branches");
  CHECK(b->find("1"));
  CHECK(b->find("#"));
}

TEST_CASE("detect_format by extension, then content") {
  CHECK(detect_format("a.json", "x: 1") == Format::kJson);
  CHECK(detect_format("a.yml", "{}") == Format::kYaml);
  CHECK(detect_format("<stdin>", "  {\"a\":1}") == Format::kJson);
  CHECK(detect_format("<stdin>", "a: 1") == Format::kYaml);
}

TEST_CASE("yaml reader: invalid UTF-8 and control characters are reported at their line and column") {
  struct Case {
    std::string text;
    const char* fragment;
    uint32_t line, col;
  };
  for (const auto& c : {Case{"a: 1\nb: caf\xe9 au lait\n", "invalid UTF-8 (byte 0xE9)", 2, 7},
                        Case{"a: 1\nb:\n  - x\n  - \"\xc3\xa9\xc3\"\n", "invalid UTF-8 (byte 0xC3)", 4, 7},
                        Case{"a: \xff\n", "invalid UTF-8 (byte 0xFF)", 1, 4},
                        Case{"a: 1\nb: \"bell \x07\"\n", "control characters are not allowed (0x07)", 2, 10},
                        Case{"a: 1\rb: \x01\n", "control characters are not allowed", 2, 4},
                        Case{"\xEF\xBB\xBF"
                             "a: 1\nb: x\x7F\n",
                             "control characters are not allowed", 2, 5}}) {
    CAPTURE(c.text);
    auto doc = read_yaml("f.yaml", c.text);
    CHECK_FALSE(doc->parsed);
    REQUIRE(doc->problems.size() == 1);
    CHECK(doc->problems[0].rule == "syntax");
    CHECK(doc->problems[0].message.find(c.fragment) != std::string::npos);
    CHECK(doc->problems[0].begin.line == c.line);
    CHECK(doc->problems[0].begin.col == c.col);
  }
}

TEST_CASE("yaml reader: CR-only line breaks: marks, line_text and comments agree") {
  auto doc = read_yaml("f.yaml", "# head\ra: 1 # gomo-ignore: x\rb:\r  - c # tail\r");
  REQUIRE(doc->parsed);
  CHECK(doc->root.find("b")->items[0].begin.line == 4);
  CHECK(doc->root.find("b")->items[0].begin.col == 5);
  CHECK(doc->line_count() == 5);
  CHECK(doc->line_text(2) == "a: 1 # gomo-ignore: x");
  CHECK(doc->line_text(4) == "  - c # tail");
  CHECK(doc->line_text(5) == "");
  REQUIRE(doc->ignore_comments.size() == 1);
  CHECK(doc->ignore_comments[0].line == 2);
  CHECK(doc->ignore_comments[0].rules == std::vector<std::string>{"x"});
  // Mixed breaks, and the YAML 1.1 ones libyaml also counts (NEL, LS).
  auto mixed = read_yaml("f.yaml",
                         "a: 1\r\nb: 2\rc: 3\xC2\x85"
                         "d: 4\xE2\x80\xA8"
                         "e: [x, y]\n");
  REQUIRE(mixed->parsed);
  CHECK(mixed->root.find("e")->begin.line == 5);
  CHECK(mixed->line_text(1) == "a: 1");
  CHECK(mixed->line_text(3) == "c: 3");
  CHECK(mixed->line_text(5) == "e: [x, y]");
}

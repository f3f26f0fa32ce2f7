// The readers' limits (limits.h) on hostile input: each one exceeded is one positioned syntax problem
// naming the limit, in both YAML readers and the JSON reader. The inputs stay small enough that a
// reader without the limits would read them in a few hundred megabytes at most (and fail these checks);
// the real billion-laughs and merge-key bombs run through the binary, with its memory capped, in
// tests/cli/hostile_input_cli_test.cc.
#include "document/limits.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "document/document.h"
#include "document/yaml_fast_reader.h"

using namespace gomo::document;

namespace {

// The one problem of a document the readers refused.
const Problem& refusal(const Document& doc) {
  REQUIRE_FALSE(doc.parsed);
  REQUIRE(doc.problems.size() == 1);
  CHECK(doc.problems[0].rule == "syntax");
  return doc.problems[0];
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("limits: aliases count the values they copy") {
  // 501 aliases of a 1,000-value anchor: half a million values from 4 KB of YAML.
  std::string text = "a: &a [" + repeat("0,", 998) + "0]\nb:\n" + repeat("  - *a\n", 501);
  auto doc = read_yaml("f.yaml", text);
  const Problem& p = refusal(*doc);
  CHECK(p.message.find("alias *a: the document would hold more than 500,000 values") != std::string::npos);
  CHECK(p.begin.line > 3);  // at the alias that crossed the limit, not 1:1
  CHECK(p.begin.col == 5);

  // 490 of them are fine: the same tree as written out.
  auto fine = read_yaml("f.yaml", "a: &a [" + repeat("0,", 998) + "0]\nb:\n" + repeat("  - *a\n", 490));
  REQUIRE(fine->parsed);
  CHECK(fine->root.find("b")->items.size() == 490);
  CHECK(fine->root.find("b")->items[489].items.size() == 999);
}

TEST_CASE("limits: merge keys are aliases too") {
  // A merge-key bomb in miniature: every level merges the one below nine times.
  std::string text = "m0: &m0 {" + repeat("k: 1, ", 0) + "a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}\n";
  for (int level = 1; level <= 8; ++level) {
    std::string prev = "*m" + std::to_string(level - 1);
    text += "m" + std::to_string(level) + ": &m" + std::to_string(level) + "\n";
    for (int k = 0; k < 9; ++k) text += "  x" + std::to_string(k) + ": {<<: " + prev + "}\n";
  }
  auto doc = read_yaml("f.yaml", text);
  const Problem& p = refusal(*doc);
  CHECK(p.message.find("500,000 values") != std::string::npos);
  CHECK(p.message.find("alias *m") == 0);
  CHECK(p.begin.line > 1);
}

TEST_CASE("limits: a document of more than half a million values, without aliases") {
  const std::string items = repeat("0,", 500'000) + "0";
  auto json = read_json("f.json", "[" + items + "]");
  CHECK(refusal(*json).message.find("more than 500,000 values") != std::string::npos);
  CHECK(refusal(*json).begin.line == 1);
  CHECK(refusal(*json).begin.col == 1'000'000);  // the value past the limit: "0," each
  // YAML: the fast path declines it, libyaml's reader refuses it.
  auto yaml = read_yaml("f.yaml", "a: [" + items + "]\n");
  CHECK(refusal(*yaml).message.find("more than 500,000 values") != std::string::npos);
  Document fast;
  fast.text = "a: [" + items + "]\n";
  CHECK_FALSE(read_yaml_fast(fast));
}

TEST_CASE("limits: anchors keep a copy, and it counts") {
  // 300,000 values anchored: the copy the reader keeps makes 600,000.
  auto doc = read_yaml("f.yaml", "a: &a [" + repeat("0,", 299'999) + "0]\n");
  CHECK(refusal(*doc).message.find("anchor &a: the document would hold more than 500,000 values") == 0);
}

TEST_CASE("limits: aliases count the text they copy") {
  // A 0.9 MiB string copied 80 times: 72 MiB of text from 1 MiB of YAML.
  std::string text = "s: &s \"" + std::string(900'000, 'x') + "\"\nc:\n" + repeat("  - *s\n", 80);
  auto doc = read_yaml("f.yaml", text);
  const Problem& p = refusal(*doc);
  CHECK(p.message.find("alias *s: the document would hold more than 64 MiB of text") == 0);
  CHECK(p.begin.line > 3);
}

TEST_CASE("limits: nesting, also through aliases") {
  auto deep_json = read_json("f.json", repeat("[", 600) + repeat("]", 600));
  CHECK(refusal(*deep_json).message.find("nesting deeper than 512 levels") == 0);
  CHECK(refusal(*deep_json).begin.col == 514);
  auto deep_yaml = read_yaml("f.yaml", "a: " + repeat("[", 600) + repeat("]", 600) + "\n");
  CHECK(refusal(*deep_yaml).message.find("nesting deeper than 512 levels") == 0);
  CHECK(refusal(*deep_yaml).begin.col == 516);
  // 300 levels aliased 300 levels down: 600 levels from a short file.
  auto aliased = read_yaml("f.yaml", "a: &a " + repeat("[", 300) + repeat("]", 300) + "\nb: " + repeat("[", 300) +
                                         "*a" + repeat("]", 300) + "\n");
  const Problem& p = refusal(*aliased);
  CHECK(p.message.find("alias *a: nesting deeper than 512 levels") == 0);
  CHECK(p.begin.line == 2);
  CHECK(p.begin.col == 304);
  // 500 levels is fine.
  CHECK(read_json("f.json", repeat("[", 500) + repeat("]", 500))->parsed);
  CHECK(read_yaml("f.yaml", "a: " + repeat("[", 500) + repeat("]", 500) + "\n")->parsed);
}

TEST_CASE("limits: one value of more than 1 MiB") {
  const std::string big(kMaxScalarBytes + 1, 'x');
  auto json = read_json("f.json", "{\"a\": 1,\n \"b\": \"" + big + "\"}");
  CHECK(refusal(*json).message.find("a value longer than 1 MiB") == 0);
  CHECK(refusal(*json).begin.line == 2);
  CHECK(refusal(*json).begin.col == 7);
  auto plain = read_yaml("f.yaml", "a: 1\nb: " + big + "\n");
  CHECK(refusal(*plain).message.find("a value longer than 1 MiB") == 0);
  CHECK(refusal(*plain).begin.line == 2);
  CHECK(refusal(*plain).begin.col == 4);
  auto block = read_yaml("f.yaml", "a: 1\nb: |\n  " + big + "\n");
  CHECK(refusal(*block).message.find("a value longer than 1 MiB") == 0);
  CHECK(refusal(*block).begin.line == 2);
  // Exactly 1 MiB is fine.
  CHECK(read_yaml("f.yaml", "b: " + std::string(kMaxScalarBytes, 'x') + "\n")->parsed);
}

TEST_CASE("limits: the fast YAML path refuses a long one-line value where libyaml's reader would") {
  const std::string big(kMaxScalarBytes + 1, 'x');
  const std::vector<std::string> texts = {
      "a: 1\nb: " + big + "\n",    "a: 1\nb: \"" + big + "\"\n", "a: 1\nb: '" + big + "'\n",
      "a:\n  - \"" + big + "\"\n", "a: [1, \"" + big + "\"]\n",  "a: 1\nb: \"x\\ty" + big + "\" # c\n",
      "n: \"é" + big + "\"\n",
  };
  for (const auto& text : texts) {
    CAPTURE(text.substr(0, 20));
    Document fast;
    fast.text = text;
    Mark at;
    CHECK_FALSE(read_yaml_fast(fast, &at));
    CHECK(at.line != 0);
    Document slow;
    slow.text = text;
    read_yaml_libyaml(slow);
    auto doc = read_yaml("f.yaml", text);
    CHECK(refusal(slow).message == refusal(*doc).message);
    CHECK(refusal(slow).begin.line == refusal(*doc).begin.line);
    CHECK(refusal(slow).begin.col == refusal(*doc).begin.col);
  }
  // A key that long is left to libyaml, which says what is wrong with it.
  Document key;
  key.text = big + ": 1\n";
  Mark at;
  CHECK_FALSE(read_yaml_fast(key, &at));
  CHECK(at.line == 0);
}

TEST_CASE("limits: input larger than 64 MiB is not read, and its text is not kept") {
  std::string huge(kMaxInputBytes + 1, ' ');
  huge[0] = '[';
  auto json = read_json("f.json", huge);
  CHECK(refusal(*json).message.find("the input is larger than 64 MiB") == 0);
  CHECK(refusal(*json).begin.line == 1);
  CHECK(json->text.empty());
  huge[0] = '#';
  auto yaml = read_yaml("f.yaml", std::move(huge));
  CHECK(refusal(*yaml).message.find("the input is larger than 64 MiB") == 0);
  CHECK(yaml->text.empty());
}

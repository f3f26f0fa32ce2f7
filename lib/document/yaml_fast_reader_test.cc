// The fast YAML path against libyaml's reader: same tree, marks and problems on every YAML file in the
// repository and on a few hundred generated flow-like documents, and it must actually take those.
#include "document/yaml_fast_reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/test_support.h"
#include "tests/support/tree_diff.h"

using namespace gomo::document;

namespace {

using gomo::test::diff_problems;
using gomo::test::diff_values;

// Reads `text` with the fast path alone and with libyaml alone (each finished as read_yaml finishes
// it), compares them, and returns whether the fast path took the text.
bool compare_readers(const std::string& name, const std::string& text) {
  Document fast;
  fast.text = text;
  bool taken = read_yaml_fast(fast);
  Document slow;
  slow.text = text;
  read_yaml_libyaml(slow);
  if (!taken) {
    // Declining leaves the document as it was, for libyaml to fill.
    CHECK_MESSAGE((!fast.parsed && fast.problems.empty() && fast.root.is_null() && fast.root.members.empty()), name);
    return false;
  }
  CHECK_MESSAGE(slow.parsed, name);
  for (Document* d : {&fast, &slow}) {
    d->link();
    fill_problem_pointers(*d);
  }
  CHECK_MESSAGE(diff_values(fast.root, slow.root, "") == "", name);
  CHECK_MESSAGE(diff_problems(fast.problems, slow.problems) == "", name);
  return true;
}

// A small deterministic generator (splitmix64): the same documents on every machine and library.
struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
};

// Scalars as written in a file. Flow-safe ones may also go inside [ ] and { }.
const std::vector<std::string> kFlowSafe = {"hangup-error",
                                            "n042",
                                            "Bench flow 0012",
                                            "audio-0144",
                                            "Accueil 810",
                                            "مرحبا بك",
                                            "Date d'échéance",
                                            "Message d'attente 3",
                                            "رصيد الحساب 77",
                                            "a#b",
                                            "x - y",
                                            "50%",
                                            "C'est ça",
                                            "12",
                                            "-7",
                                            "+3",
                                            "0",
                                            "007",
                                            "1.5",
                                            "-0.25",
                                            "1e3",
                                            "2.5E-2",
                                            "0x1F",
                                            "0o17",
                                            ".inf",
                                            "-.Inf",
                                            ".nan",
                                            "123456789012345678901234567890",
                                            "true",
                                            "True",
                                            "FALSE",
                                            "false",
                                            "null",
                                            "Null",
                                            "NULL",
                                            "~",
                                            "yes",
                                            "no",
                                            "on",
                                            "off",
                                            "\"Appeler \\\"le\\\" client\"",
                                            "\"tab\\tnew\\nline\"",
                                            "\"\\u0627\\u0644\"",
                                            "\"\\x41\\/\\\\\"",
                                            "\"#\"",
                                            "\"1\"",
                                            "\"\"",
                                            "\"Fin d'appel (completed)\"",
                                            "\"  spaced  \"",
                                            "\"\\U0001F600 😀\"",
                                            "\"a, b: [c]\"",
                                            "\"\\e\\0\\N\\_\\L\\P\\ \\a\\b\\v\\f\\r\"",
                                            "'it''s'",
                                            "''",
                                            "'#'",
                                            "'a # b'",
                                            "'مرحبا'",
                                            "'x: y, z'",
                                            "-1x",
                                            "é",
                                            "_x",
                                            "$var",
                                            "a.b.c",
                                            "(paren)"};
const std::vector<std::string> kBlockOnly = {"a:b",       "http://example.com/x?y=1", "a, b", "x [y] z", "list{1}",
                                             "trailing ,"};
const std::vector<std::string> kKeys = {"id",   "type",  "label", "config", "outputs", "onError", "branches",
                                        "1",    "\"1\"", "'#'",   "\"*\"",  "اسم",     "clé",     "key with spaces",
                                        "true", "null",  "42",    "value",  "source",  "name",    "\"quoted key\"",
                                        "x"};
const std::vector<std::string> kComments = {"# note", "# gomo-ignore: unknown-audio", "#", "# مرحبا: 'x'",
                                            "# - not: an entry"};

struct Gen {
  explicit Gen(uint64_t seed) : rng{seed} {}
  Rng rng;
  int step = 2;
  std::vector<std::string> lines;

  std::string scalar(bool flow) {
    if (!flow && rng.chance(15)) return rng.pick(kBlockOnly);
    return rng.pick(kFlowSafe);
  }
  std::string tail() {
    std::string t;
    if (rng.chance(8)) t += "   ";
    if (rng.chance(10)) t += " " + rng.pick(kComments);
    return t;
  }
  std::string flow_value(int depth) {
    int r = static_cast<int>(rng.below(10));
    if (depth > 2 || r < 4) return scalar(true);
    std::string sep = rng.chance(80) ? ", " : " ,  ";
    size_t n = rng.below(4);
    std::string out;
    if (r < 7) {
      out = "[";
      for (size_t i = 0; i < n; ++i) out += (i ? sep : "") + flow_value(depth + 1);
      return out + "]";
    }
    out = rng.chance(20) ? "{ " : "{";
    for (size_t i = 0; i < n; ++i) out += (i ? sep : "") + rng.pick(kKeys) + ": " + flow_value(depth + 1);
    return out + "}";
  }
  void noise(int indent) {
    if (rng.chance(6)) lines.push_back("");
    if (rng.chance(6)) {
      lines.push_back(std::string(rng.below(static_cast<size_t>(indent) + 4), ' ') + rng.pick(kComments));
    }
    if (rng.chance(2)) lines.push_back("   ");
  }
  // A block mapping at `indent`; `first` is the text before the first key ("- " of an entry) or "".
  void mapping(int indent, int depth, const std::string& first) {
    size_t n = 1 + rng.below(depth == 0 ? 8 : 6);
    for (size_t i = 0; i < n; ++i) {
      std::string pad = i == 0 && !first.empty() ? first : std::string(static_cast<size_t>(indent), ' ');
      std::string key = rng.pick(kKeys) + (rng.chance(3) ? "  " : "");
      if (i > 0) noise(indent);
      int r = static_cast<int>(rng.below(100));
      if (depth < 5 && r < 25) {
        lines.push_back(pad + key + ":" + tail());
        noise(indent);
        mapping(indent + step, depth + 1, "");
      } else if (depth < 5 && r < 45) {
        lines.push_back(pad + key + ":" + tail());
        noise(indent);
        sequence(rng.chance(25) ? indent : indent + step, depth + 1);  // sometimes indentless
      } else if (r < 55) {
        lines.push_back(pad + key + ": " + flow_value(0) + tail());
      } else if (r < 62) {
        lines.push_back(pad + key + ":" + tail());  // empty: null
      } else {
        lines.push_back(pad + key + ": " + scalar(false) + tail());
      }
    }
  }
  void sequence(int indent, int depth) {
    size_t n = 1 + rng.below(5);
    std::string pad(static_cast<size_t>(indent), ' ');
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) noise(indent);
      int r = static_cast<int>(rng.below(100));
      std::string dash = rng.chance(10) ? "-   " : "- ";
      if (depth < 5 && r < 40) {
        mapping(indent + static_cast<int>(dash.size()), depth + 1, pad + dash);
      } else if (depth < 5 && r < 48) {
        lines.push_back(pad + "-" + tail());
        sequence(indent + step, depth + 1);
      } else if (depth < 5 && r < 52) {
        lines.push_back(pad + "-");
        mapping(indent + step, depth + 1, "");
      } else if (r < 62) {
        lines.push_back(pad + dash + flow_value(0) + tail());
      } else if (r < 68) {
        lines.push_back(pad + "-" + tail());  // empty entry: null
      } else {
        lines.push_back(pad + dash + scalar(false) + tail());
      }
    }
  }
  std::string document() {
    lines.clear();
    step = rng.chance(70) ? 2 : 4;
    if (rng.chance(50)) lines.push_back("# Generated by yaml_fast_reader_test");
    if (rng.chance(20)) lines.push_back(rng.chance(50) ? "---" : "--- # start");
    if (rng.chance(10)) sequence(0, 0);
    else mapping(0, 0, "");
    if (rng.chance(10)) lines.push_back("# trailing comment");
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    if (rng.chance(15)) out.pop_back();  // no final newline
    return out;
  }
};

}  // namespace

TEST_CASE("yaml fast path: same tree as libyaml on generated flow-like documents, and takes them all") {
  Gen gen(20240601);
  int taken = 0;
  constexpr int kDocuments = 400;
  for (int i = 0; i < kDocuments; ++i) {
    std::string text = gen.document();
    bool ok = compare_readers("generated document " + std::to_string(i) + ":\n" + text, text);
    CHECK_MESSAGE(ok, "declined generated document " << i << ":\n" << text);
    taken += ok;
  }
  CHECK(taken == kDocuments);
}

TEST_CASE("yaml fast path: same tree as libyaml on every YAML file in samples/ and tests/") {
  int files = 0, taken = 0;
  for (const char* dir : {"samples", "tests"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(gomo::test::source_path(dir))) {
      std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
      ++files;
      taken += compare_readers(entry.path().string(), gomo::test::read_file(entry.path().string()));
    }
  }
  MESSAGE("fast path took " << taken << " of " << files << " YAML files");
  CHECK(files > 50);
  CHECK(taken * 10 >= files * 8);  // most flows are in the subset
}

TEST_CASE("yaml fast path: takes the common constructs") {
  const std::vector<std::string> texts = {
      "a: 1\n",
      "a: 1",
      "---\na: 1\n",
      "# c\n\na: 1 # c\nb: x   \n",
      "graph:\n  nodes:\n    - id: a\n      label: \"مرحبا\"\n      type: play\n",
      "a:\n- x\n- y: 1\n  z: 2\nb: 3\n",
      "a: [x, \"y\", 1]\nb: {c: d, e: [f]}\nc: []\nd: {}\n",
      "a: \"\\u0627\\n\\\"q\\\"\"\nb: 'it''s'\n",
      "a:\nb:\n  -\n  - c\n",
      "x: 1\nx: 2\n",
      "- a\n- b\n",
      "  a: 1\n  b: 2\n",
  };
  for (const auto& text : texts) CHECK_MESSAGE(compare_readers(text, text), text);
}

TEST_CASE("yaml fast path: declines what it does not support, and libyaml still reads it") {
  const std::vector<std::string> texts = {
      "",
      "---\n",
      "# only a comment\n",
      "hello\n",
      "a: &x 1\nb: *x\n",
      "a: !tag 1\n",
      "a: !!str 1\n",
      "a: |\n  x\n",
      "a: >-\n  x\n",
      "a: hello\n  world\n",
      "a:\n  value\n",
      "a: \"x\n  y\"\n",
      "a: 'x\n  y'\n",
      "? a\n: b\n",
      "a: 1\n---\nb: 2\n",
      "%YAML 1.2\n---\na: 1\n",
      "a: 1\n...\n",
      "\ta: 1\n",
      "a:\t1\n",
      "a: 1\r\n",
      "\xEF\xBB\xBF"
      "a: 1\n",
      "a: b: c\n",
      "- - a\n",
      "a: [a,\n  b]\n",
      "a: [a, ]\n",
      "a: {a:1}\n",
      "a: {a}\n",
      "a: [a: 1]\n",
      "a: [x]y\n",
      "a: \"\\q\"\n",
      "a: \"\\'\"\n",
      "a: \"\\ud800\"\n",
      "a: 1\n b: 2\n",
      "  a: 1\nb: 2\n",
      "a: @x\n",
      "a: `x\n",
      "a: \"x\"# c\n",
      "a:\n  - x\n  b: 1\n",
      "a: - b\n",
      "{a: 1}\n",
      "a: \xC2\x85\n",
      "a: \xFF\n",
      "a: \x01\n",
  };
  for (const auto& text : texts) {
    Document doc;
    doc.text = text;
    CHECK_MESSAGE(!read_yaml_fast(doc), text);
    CHECK(doc.root.is_null());
    CHECK(doc.problems.empty());
    auto full = read_yaml("f.yaml", text);  // falls back without trouble
    CHECK((full->parsed || !full->problems.empty()));
  }
}

// Found by tests/fuzz (yaml_differential): a last line of spaces or a comment without a line break,
// shallower than an open collection. libyaml closes the deeper collections where it stopped on that
// line (3:2 here), not at the stream end (4:1).
TEST_CASE("yaml fast path: a last line of spaces without a line break ends the deeper collections there") {
  const std::vector<std::string> texts = {
      "a:\n  b: 1\n ",
      "a:\n  b:\n ",
      "a:\n  - b:\n ",
      "a:\n  b: 1\n     ",
      "a:\n    b:\n      c: 1\n  # c",
      "a:\n    - b: 1\n  #",
      "a:\n  b: 1\n \n",
      "name: Unknown start node\ngraph:\n  startNodeId: dial-one\n  nodes:\n    - id: dial-1\n      type: dial\n"
      "      label: Call\n      outputs:\n     ",
  };
  for (const auto& text : texts) CHECK_MESSAGE(compare_readers(text, text), text);
  Document doc;
  doc.text = "a:\n  b: 1\n ";
  REQUIRE(read_yaml_fast(doc));
  CHECK(doc.root.members[0].value.end.line == 3);
  CHECK(doc.root.members[0].value.end.col == 2);
  CHECK(doc.root.end.line == 4);
}

#include "base/strings.h"

#include <doctest/doctest.h>

using namespace gomo;

TEST_CASE("edit_distance counts single edits") {
  CHECK(edit_distance("onEnd", "onEnd") == 0);
  CHECK(edit_distance("lable", "label") == 1);  // a swap counts once
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("abcdef", "zzzzzz", 2) == 3);  // capped
}

TEST_CASE("closest_match suggests plausible typos only") {
  std::vector<std::string> outputs = {"onComplete", "onError", "default"};
  CHECK(closest_match("onComplet", outputs) == "onComplete");
  CHECK(closest_match("onerror", outputs) == "onError");
  CHECK(closest_match("banana", outputs) == "");
  CHECK(closest_match("lable", {"id", "type", "label", "config", "outputs"}) == "label");
}

TEST_CASE(
    "closest_match: a word far longer than every candidate has no suggestion; the closest within its limit wins") {
  const std::vector<std::string> keys = {"name", "flow", "audience", "retryStrategy"};
  CHECK(closest_match(std::string(1 << 20, 'a'), keys) == "");
  CHECK(closest_match(std::string(1 << 20, 'a') + "name", keys) == "");
  CHECK(closest_match("retryStrategi", keys) == "retryStrategy");
  CHECK(closest_match("nam", keys) == "name");
}

TEST_CASE("join_words and utf8_length") {
  CHECK(join_words({"a", "b", "c"}) == "a, b or c");
  CHECK(join_words({"a"}) == "a");
  CHECK(utf8_length("مرحبا") == 5);
  CHECK(utf8_length("abc") == 3);
}

TEST_CASE("append_json_string escapes what JSON requires and copies the rest") {
  std::string out = "x";
  gomo::append_json_string(out, "a\"b\\c\b\f\n\r\t\x01\x1f\x7f é");
  CHECK(out == "x\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\x7f é\"");
  out.clear();
  gomo::append_json_string(out, std::string("\0z", 2));
  CHECK(out == "\"\\u0000z\"");
  out.clear();
  gomo::append_json_string(out, "");
  CHECK(out == "\"\"");
}

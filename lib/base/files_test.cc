#include "base/files.h"

#include <doctest/doctest.h>

#include <fstream>

#include "tests/support/test_support.h"

namespace gomo {

TEST_CASE("read_file: the whole file, byte for byte") {
  const std::string path = test::scratch_dir() + "/read_file_test.bin";
  std::string bytes("a\0b\r\n", 5);
  bytes += std::string(200000, 'x');
  std::ofstream(path, std::ios::binary) << bytes;
  auto text = read_file(path);
  REQUIRE(text.has_value());
  CHECK(text.value() == bytes);
}

TEST_CASE("read_file: at most limit + 1 bytes, so a reader can refuse a large file") {
  const std::string path = test::scratch_dir() + "/read_file_limit.txt";
  std::ofstream(path, std::ios::binary) << std::string(1000, 'y');
  auto text = read_file(path, 10);
  REQUIRE(text.has_value());
  CHECK(text.value().size() == 11);
}

TEST_CASE("read_file: a missing file is not_found; a directory reads as empty") {
  auto missing = read_file(test::scratch_dir() + "/no-such-file.yaml");
  REQUIRE(!missing.has_value());
  CHECK(missing.error().code() == StatusCode::kNotFound);
  CHECK(missing.error().message() == "No such file or directory");
  auto dir = read_file(test::scratch_dir());
  REQUIRE(dir.has_value());
  CHECK(dir.value().empty());
}

}  // namespace gomo

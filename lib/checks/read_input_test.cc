#include "checks/read_input.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "tests/support/test_support.h"

namespace gomo::checks {
namespace {

TEST_CASE("read input: a flow parses without its rules being run") {
  const std::string dir = test::scratch_dir();
  auto read = read_input({test::write_file(dir, "f.yaml", "name: x\ngraph: {}\n"), "", false});
  REQUIRE(read.has_value());
  CHECK(read->doc->parsed);
  CHECK(read->problems.diagnostics.empty());

  auto from_stdin = read_input({"-", "{\"name\": \"y\"}", true});
  REQUIRE(from_stdin.has_value());
  CHECK(from_stdin->doc->parsed);
}

TEST_CASE("read input: a syntax error comes back as positioned problems with their line") {
  const std::string dir = test::scratch_dir();
  const std::string path = test::write_file(dir, "bad.yaml", "name: x\ngraph: [\n");
  auto read = read_input({path, "", false});
  REQUIRE(read.has_value());
  CHECK_FALSE(read->doc->parsed);
  CHECK(read->problems.path == path);
  CHECK(read->problems.unreadable);
  REQUIRE_FALSE(read->problems.diagnostics.empty());
  CHECK(read->problems.diagnostics[0].location.line >= 2);
}

TEST_CASE("read input: an unreadable file is an error naming it; one input from a path") {
  const std::string dir = test::scratch_dir();
  auto missing = read_input({dir + "/missing.yaml", "", false});
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().message().rfind("cannot read " + dir + "/missing.yaml: ", 0) == 0);

  const std::string flows = dir + "/flows";
  std::filesystem::create_directories(flows);
  test::write_file(flows, "a.yaml", "name: a\n");
  auto one = expand_one_input(flows);
  REQUIRE(one.has_value());
  CHECK(one->path == flows + "/a.yaml");
  test::write_file(flows, "b.yaml", "name: b\n");
  auto two = expand_one_input(flows);
  REQUIRE_FALSE(two.has_value());
  CHECK(two.error().message() == "expected one flow file, " + flows + " holds 2");
}

}  // namespace
}  // namespace gomo::checks

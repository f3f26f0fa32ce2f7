// The bundled samples are what users copy: the flows in samples/flows are in `gomo flow fmt`'s canonical
// form (samples/shapes holds the other input shapes gomo accepts, which fmt rewrites on purpose).
#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("cli: the sample flows are canonical (gomo flow fmt --check samples/flows)") {
  auto r = test::run_gomo({"flow", "fmt", "--check", "samples/flows"}, "", {}, test::source_path(""));
  INFO(r.out, r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("all 6 files are formatted") != std::string::npos);

  // The map-shaped sample is not canonical, and is kept that way.
  auto shapes = test::run_gomo({"flow", "fmt", "--check", "samples/shapes"}, "", {}, test::source_path(""));
  CHECK(shapes.exit_code == 1);
}

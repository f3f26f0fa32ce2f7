// The doctest runner. Each run works in its own scratch directory (GOMO_TEST_TMP) so tests can write
// files freely (as ccache's unittest/main.cpp).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstring>

#include "tests/support/measured_run.h"
#include "tests/support/test_support.h"

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], gomo::test::kMeasureChildFlag) == 0)
    return gomo::test::measure_child_main(argc, argv);
  gomo::test::init_scratch_root();
  doctest::Context context(argc, argv);
  int rc = context.run();
  gomo::test::remove_scratch_root();
  return rc;
}

// The doctest runner. Each run works in its own scratch directory (GOMO_TEST_TMP) so tests can write
// files freely (as ccache's unittest/main.cpp).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "tests/support/test_support.h"

int main(int argc, char** argv) {
  gomo::test::init_scratch_root();
  doctest::Context context(argc, argv);
  int rc = context.run();
  gomo::test::remove_scratch_root();
  return rc;
}

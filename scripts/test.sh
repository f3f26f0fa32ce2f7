#!/usr/bin/env bash
# README command 2: the whole test suite. Installs what the tests need, builds gomo twice (release,
# and ASan+UBSan), and runs ctest on both (doctest unit tests plus end-to-end tests of the binary); then
# builds the fuzz targets with clang and runs each a few seconds (GOMO_SKIP_FUZZ=1 skips that stage).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-test-tools
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
start=$(date +%s)
# The code's layout is .clang-format's (clang-format 14, Debian bookworm): a differing file fails here, first.
scripts/check-format.sh
scripts/build.sh build -DGOMO_TESTS=ON
ctest --test-dir build --output-on-failure -j "$(nproc)"
if [[ "${GOMO_SKIP_SANITIZE:-0}" != 1 ]]; then
  scripts/build.sh build-asan -DGOMO_SANITIZE=ON -DGOMO_TESTS=ON
  # The sanitizer build links the network module's sources in (lib/ext/CMakeLists.txt): no dlopen()ed
  # library, so LeakSanitizer scans every thread's TLS with its defaults.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
fi
# The fuzz targets (tests/fuzz), built with clang in build-fuzz and run a few seconds each (ctest label
# fuzz); scripts/fuzz.sh SECONDS runs them longer.
if [[ "${GOMO_SKIP_FUZZ:-0}" != 1 ]]; then
  fuzz_start=$(date +%s)
  rc=0
  scripts/fuzz.sh --build-only || rc=$?
  if ((rc == 77)); then
    echo "fuzz stage skipped: clang with libFuzzer is not installed (scripts/setup.sh --with-test-tools installs it)" >&2
  elif ((rc != 0)); then
    exit "$rc"
  else
    ctest --test-dir build-fuzz -L fuzz --output-on-failure -j "$(nproc)"
    echo "fuzz stage finished in $(( $(date +%s) - fuzz_start ))s"
  fi
fi
echo "test suite finished in $(( $(date +%s) - start ))s"

#!/usr/bin/env bash
# Fuzzing (tests/fuzz, issue 16): configures and builds build-fuzz with clang (-DGOMO_FUZZ=ON: every
# library with libFuzzer's coverage feedback and ASan+UBSan; only what the targets link is built), then
# runs each libFuzzer target for SECONDS (default 60) on its corpus, build-fuzz/corpus/<target>/ (kept
# between runs, seeded from build-fuzz/fuzz-seeds/<target>/, which the build copies from samples/ and
# tests/), and prints each target's executions and coverage (libFuzzer's final `cov:`).
#
# Usage: scripts/fuzz.sh [--build-only] [SECONDS] [TARGET...]
#   TARGET: yaml_fast yaml_libyaml yaml_differential json csv flowtest softphone_script program_file
#   serve_router (default: all). Exit 0 when every target ran clean; 1 when one crashed (the input is
#   in build-fuzz/crashes/<target>/; reproduce with build-fuzz/tests/fuzz/fuzz_<target> FILE); 77
#   when clang with libFuzzer is not installed (scripts/setup.sh --with-test-tools installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build-fuzz
all=(yaml_fast yaml_libyaml yaml_differential json csv flowtest softphone_script program_file serve_router)
build_only=0
if [[ "${1:-}" == "--build-only" ]]; then build_only=1; shift; fi
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")

# clang, and its libFuzzer runtime (Debian: clang and libclang-rt-14-dev, which clang only recommends).
probe='extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }'
if ! command -v clang++ >/dev/null ||
  ! echo "$probe" | clang++ -fsanitize=fuzzer -x c++ - -o /dev/null 2>/dev/null; then
  echo "gomo fuzz: clang with libFuzzer not found: install the Debian packages clang and libclang-rt-14-dev" \
       "(scripts/setup.sh --with-test-tools does)" >&2
  exit 77
fi

export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DGOMO_FUZZ=ON -DGOMO_TESTS=OFF >/dev/null
cmake --build "$dir" -j "$(nproc)" --target gomo_fuzz
((build_only)) && exit 0

# Each target's dictionary (as in tests/fuzz/CMakeLists.txt; -max_len below is its GOMO_FUZZ_MAX_LEN).
dict_of() {
  case $1 in
    yaml_*) echo yaml.dict ;;
    flowtest | softphone_script) echo flowtest.dict ;;
    program_file) echo program.dict ;;
    serve_router) echo serve.dict ;;
    *) echo "$1.dict" ;;
  esac
}

printf '%-18s %12s %10s %8s %8s %8s  %s\n' target executions 'exec/s' cov ft corpus result
failed=0
for t in "${targets[@]}"; do
  corpus=$dir/corpus/$t
  crashes=$dir/crashes/$t
  mkdir -p "$corpus" "$crashes"
  log=$dir/fuzz-$t.log
  rc=0
  "$dir/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    -dict="tests/fuzz/$(dict_of "$t")" \
    -artifact_prefix="$crashes/" "$corpus" "$dir/fuzz-seeds/$t" >"$log" 2>&1 || rc=$?
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  execs=$(grep -oP 'stat::number_of_executed_units: \K[0-9]+' "$log" || echo '?')
  speed=$(grep -oP 'stat::average_exec_per_sec: +\K[0-9]+' "$log" || echo '?')
  cov=$(grep -oP 'cov: \K[0-9]+' <<<"$done_line" || echo '?')
  ft=$(grep -oP 'ft: \K[0-9]+' <<<"$done_line" || echo '?')
  files=$(find "$corpus" -type f | wc -l)
  result=ok
  if ((rc != 0)); then
    result="CRASH (exit $rc): see $log and $crashes/"
    failed=1
  fi
  printf '%-18s %12s %10s %8s %8s %8s  %s\n' "$t" "$execs" "$speed" "$cov" "$ft" "$files" "$result"
done
exit $failed

#!/usr/bin/env bash
# Phone normalisation speed: numbers/s and peak RSS of contacts::normalize_phone with the fast reader
# (auto, on two threads, and the batch call) and with libphonenumber alone, on N (1,000,000) generated numbers written the
# way a CRM export writes them (mostly Moroccan mobiles, national and international, separators, some
# Arabic-Indic digits, French and other countries, a few bad ones), default region MA, one thread.
# Usage: bench/phone.sh [gomo_phone_bench]   (built with the tests: scripts/build.sh build -DGOMO_TESTS=ON)
# Knobs: N (numbers), LIB_N (numbers for the libphonenumber run, default N: it takes ~13 s for 1M).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/tests/gomo_phone_bench}
N=${N:-1000000}
LIB_N=${LIB_N:-$N}
[[ -x $bin ]] || { echo "bench/phone.sh: $bin not found; build with scripts/build.sh build -DGOMO_TESTS=ON" >&2; exit 2; }
mkdir -p bench/out
file=bench/out/phones-$N.txt
[[ -s $file ]] || "$bin" gen "$N" "$file"
echo "input: $file ($(wc -l <"$file") numbers, $(du -h "$file" | cut -f1))"
"$bin" run "$file" auto
"$bin" run "$file" auto-2threads
"$bin" run "$file" batch
"$bin" run "$file" fast-only
if [[ $LIB_N != "$N" ]]; then
  head -n "$LIB_N" "$file" >bench/out/phones-lib-$LIB_N.txt
  file=bench/out/phones-lib-$LIB_N.txt
fi
"$bin" run "$file" libphonenumber

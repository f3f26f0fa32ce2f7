#!/usr/bin/env bash
# The fast phone reader against libphonenumber on N generated numbers (default 5,000,000) of every shape
# and region (tests/support/phone_samples.cc): stage, reason, country code, E.164 and the number type
# (GetNumberType) must agree wherever the fast reader decides. The unit suite runs 200,000 of them; this
# is the long run.
# Usage: scripts/phone-diff.sh [N] [SEED]   (needs build/tests/gomo_phone_bench: scripts/build.sh build -DGOMO_TESTS=ON)
# Exit 0: no difference; 1: differences (the first 50 are printed); 2: not built.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${GOMO_PHONE_BENCH:-build/tests/gomo_phone_bench}
[[ -x $bin ]] || { echo "phone-diff: $bin not found; build with scripts/build.sh build -DGOMO_TESTS=ON" >&2; exit 2; }
exec "$bin" diff "${1:-5000000}" "${2:-$RANDOM}"

#!/usr/bin/env bash
# Engine benchmark: simulated calls per second of `gomo flow simulate` (one process, virtual time,
# random callees) on each sample flow, with peak RSS. Usage: bench/engine.sh [GOMO] [CALLS]
# Target (issue 3): >= 1,000,000 simulated calls per second per core on a ~10-node flow. "calls/s per
# core" divides calls by the process's user CPU time, so a busy machine does not skew it.
set -euo pipefail
cd "$(dirname "$0")/.."
gomo=${1:-build/gomo}
calls=${2:-1000000}
[[ -x $gomo ]] || { echo "build gomo first (scripts/build.sh), or pass its path" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
printf '%-40s %6s %10s %12s %14s %10s\n' flow visited calls wall-s calls/s/core peak-RSS
for flow in samples/flows/*.yaml samples/flows/*.json samples/shapes/*.yaml; do
  "$gomo" flow validate -q "$flow" >/dev/null 2>&1 || continue   # only flows without errors
  nodes=$(  # nodes any of 20,000 random calls visits
  "$gomo" flow simulate "$flow" -n 20000 -o json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["nodeVisits"]))' 2>/dev/null || echo "?")
  out=$( { /usr/bin/time -f "%U %e %M" "$gomo" flow simulate "$flow" -n "$calls" -q >/dev/null; } 2>&1 | tail -1)
  read -r user wall rss <<<"$out"
  rate=$(python3 -c "print(f'{$calls/max($user,1e-3):,.0f}')")
  printf '%-40s %6s %10s %12s %14s %8s MB\n' "$(basename "$flow")" "$nodes" "$calls" "$wall" "$rate" "$((rss / 1024))"
done

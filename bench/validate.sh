#!/usr/bin/env bash
# Times `gomo flow validate` on generated flows, and ajv-cli on the same files when it can be had.
#
# Usage: bench/validate.sh [GOMO_BINARY]        (default build/gomo; this script builds nothing)
# Environment (defaults in brackets):
#   N [1000]            flows to generate (20..300 nodes each, half YAML, half JSON, fixed seed)
#   MIN_NODES [20] MAX_NODES [300] SEED [2024]
#   RUNS [3]            runs per measurement; the best wall time and the highest peak RSS are kept
#   PER_FILE_RUNS [10]  hyperfine runs of gomo's one-process-per-file case (0.3 s each); ajv-cli's gets
#                       RUNS. Both report hyperfine's median: on a shared VM a burst of host load
#                       moves a mean of three by 20%
#   PER_FILE [100]      files in the one-process-per-file (pre-commit style) case for gomo
#   AJV_PER_FILE [20]   the same for ajv-cli (about half a second per process)
#   AJV [1]             0 skips ajv-cli; else bench/node_modules is filled with `npm ci` when missing
# Needs python3 and GNU time (/usr/bin/time, Debian package `time`); uses hyperfine when present.
set -euo pipefail
cd "$(dirname "$0")/.."

gomo=${1:-build/gomo}
N=${N:-1000}
MIN_NODES=${MIN_NODES:-20}
MAX_NODES=${MAX_NODES:-300}
SEED=${SEED:-2024}
RUNS=${RUNS:-3}
PER_FILE_RUNS=${PER_FILE_RUNS:-10}
PER_FILE=${PER_FILE:-100}
AJV_PER_FILE=${AJV_PER_FILE:-20}
AJV=${AJV:-1}
out=bench/out

die() { echo "bench/validate.sh: $*" >&2; exit 2; }
[[ -x $gomo ]] || die "no gomo binary at $gomo (build it: scripts/build.sh, or pass its path)"
[[ -x /usr/bin/time ]] || die "GNU time is missing (apt-get install time)"
command -v python3 >/dev/null || die "python3 is missing"

# Generate once per parameter set: the generator is deterministic.
params="count=$N min=$MIN_NODES max=$MAX_NODES seed=$SEED"
if [[ ! -f $out/params || $(cat "$out/params") != "$params" ]]; then
  python3 bench/gen_flows.py "$out" --count "$N" --min-nodes "$MIN_NODES" --max-nodes "$MAX_NODES" --seed "$SEED" >&2
  echo "$params" >"$out/params"
fi
flows=$out/flows
find "$flows" -type f | sort >"$out/all.list"
files=$(wc -l <"$out/all.list")
bytes=$(xargs -a "$out/all.list" cat | wc -c)
head -n "$PER_FILE" "$out/all.list" >"$out/per_file.list"
per_file_bytes=$(xargs -a "$out/per_file.list" cat | wc -c)
head -n "$AJV_PER_FILE" "$out/all.list" >"$out/ajv_per_file.list"
ajv_per_file_bytes=$(xargs -a "$out/ajv_per_file.list" cat | wc -c)

# measure NAME CMD...: runs CMD $RUNS times; sets best_s (wall seconds), cpu_s (user+sys seconds of
# that run) and rss_kb (peak RSS). CPU time is what to compare on a busy machine.
measure() {
  local name=$1
  shift
  best_s="" cpu_s="" rss_kb=0
  for ((run = 0; run < RUNS; run++)); do
    local t0 t1 s rc=0 kb cpu
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt" || rc=$?
    t1=$(date +%s.%N)
    # Exit 1 means "findings": the generated flows have none, so say so if it happens.
    if ((rc != 0)); then
      echo "warning: $name exited $rc; first lines of its stderr:" >&2
      head -n 5 "$out/stderr.txt" >&2
    fi
    s=$(echo "$t1 - $t0" | bc -l)
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$out/time.txt")
    ((kb > rss_kb)) && rss_kb=$kb
    if [[ -z $best_s ]] || (($(echo "$s < $best_s" | bc -l))); then best_s=$s cpu_s=$cpu; fi
  done
}

# hyperfine_median RUNS CMD: hyperfine's median over RUNS runs, when installed (better statistics for
# the many-process case).
hyperfine_median() {
  command -v hyperfine >/dev/null || return 1
  hyperfine --runs "$1" --warmup 1 --style none --export-json "$out/hyperfine.json" "$2" >/dev/null 2>&1 || return 1
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$out/hyperfine.json"
}

rows=()
# row LABEL FILES BYTES SECONDS CPU_SECONDS RSS_KB
row() {
  rows+=("$(printf '%s|%s|%s|%s|%s|%s' "$1" "$2" "$3" "$4" "$5" "$6")")
}

echo "gomo: $gomo ($("$gomo" --version 2>/dev/null | head -n1))" >&2
echo "input: $files files, $(echo "scale=1; $bytes / 1000000" | bc) MB ($out/flows), $(nproc) cores, best of $RUNS" >&2

measure "gomo (one process)" "$gomo" flow validate -q "$flows"
row "gomo, one process" "$files" "$bytes" "$best_s" "$cpu_s" "$rss_kb"
gomo_one=$best_s gomo_one_cpu=$cpu_s

measure "gomo -j 1" "$gomo" flow validate -q -j 1 "$flows"
row "gomo -j 1, one process" "$files" "$bytes" "$best_s" "$cpu_s" "$rss_kb"

per_file_cmd="xargs -a $out/per_file.list -n 1 $gomo flow validate -q"
measure "gomo per file" $per_file_cmd
per_file_rss=$rss_kb per_file_cpu=$cpu_s
if median=$(hyperfine_median "$PER_FILE_RUNS" "$per_file_cmd >/dev/null"); then best_s=$median; fi
row "gomo, one process per file" "$PER_FILE" "$per_file_bytes" "$best_s" "$per_file_cpu" "$per_file_rss"
gomo_per_file=$(echo "$best_s / $PER_FILE" | bc -l) gomo_per_file_cpu=$(echo "$per_file_cpu / $PER_FILE" | bc -l)

ajv=bench/node_modules/.bin/ajv
if [[ $AJV != 0 && ! -x $ajv ]] && command -v npm >/dev/null; then
  echo "installing ajv-cli into bench/node_modules (npm ci)..." >&2
  (cd bench && npm ci --no-audit --no-fund --loglevel=error >&2) || echo "npm ci failed: ajv-cli is skipped" >&2
fi
ajv_one="" ajv_per_file=""
if [[ $AJV != 0 && -x $ajv ]]; then
  # --strict=false: ajv's strict mode rejects the schema's x-gomo-* annotations. ajv-cli reads YAML itself.
  ajv_args=(validate --spec=draft7 --strict=false -s schemas/flow.schema.json)
  measure "ajv-cli (one process)" "$ajv" "${ajv_args[@]}" -d "$flows/*"
  row "ajv-cli, one process" "$files" "$bytes" "$best_s" "$cpu_s" "$rss_kb"
  ajv_one=$best_s ajv_one_cpu=$cpu_s
  ajv_cmd="xargs -a $out/ajv_per_file.list -I{} $ajv ${ajv_args[*]} -d {}"
  measure "ajv-cli per file" $ajv_cmd
  ajv_rss=$rss_kb ajv_cpu=$cpu_s
  if median=$(hyperfine_median "$RUNS" "$ajv_cmd >/dev/null 2>&1"); then best_s=$median; fi
  row "ajv-cli, one process per file" "$AJV_PER_FILE" "$ajv_per_file_bytes" "$best_s" "$ajv_cpu" "$ajv_rss"
  ajv_per_file=$(echo "$best_s / $AJV_PER_FILE" | bc -l) ajv_per_file_cpu=$(echo "$ajv_cpu / $AJV_PER_FILE" | bc -l)
else
  echo "ajv-cli not available: gomo alone (set AJV=1 and have npm to compare)" >&2
fi

echo
echo "| case | files | MB | wall s | files/s | MB/s | CPU s | peak RSS (MiB) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for r in "${rows[@]}"; do
  IFS='|' read -r label n b s cpu kb <<<"$r"
  awk -v l="$label" -v n="$n" -v b="$b" -v s="$s" -v c="$cpu" -v kb="$kb" 'BEGIN {
    printf "| %s | %d | %.1f | %.3f | %.0f | %.1f | %.2f | %.1f |\n", l, n, b / 1e6, s, n / s, b / 1e6 / s, c, kb / 1024 }'
done
if [[ -n $ajv_one ]]; then
  echo
  awk -v g="$gomo_one" -v a="$ajv_one" -v gc="$gomo_one_cpu" -v ac="$ajv_one_cpu" 'BEGIN {
    printf "one process:      gomo %.1fx faster than ajv-cli in wall time, %.1fx less CPU (target 5x)\n", a / g, ac / gc }'
  awk -v g="$gomo_per_file" -v a="$ajv_per_file" -v gc="$gomo_per_file_cpu" -v ac="$ajv_per_file_cpu" 'BEGIN {
    printf "process per file: gomo %.0fx faster than ajv-cli in wall time, %.0fx less CPU (target 100x)\n", a / g, ac / gc }'
fi

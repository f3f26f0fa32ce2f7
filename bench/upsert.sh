#!/usr/bin/env bash
# Rows/s and peak RSS of `gomo contacts upsert`: --dry-run, a full upsert into the local workspace, and a
# full upsert into `gomo serve` over loopback per --concurrency value (the client's peak RSS, then the
# server's, and both sides' CPU seconds); beside a Node peer (csv-parse + google-libphonenumber) on the
# same file when those packages are installable.
#
# Usage: bench/upsert.sh [GOMO_BINARY]        (default build/gomo; this script builds nothing)
# Environment: ROWS [1000000] rows of the generated file; SERVE_ROWS [ROWS] rows sent to gomo serve;
#   PEER [1] 0 skips the Node peer; CONCURRENCY ["1 4"] the --concurrency values of the runs into gomo
#   serve. Needs python3 and GNU time (/usr/bin/time) for peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
gomo=$(realpath "${1:-build/gomo}")
ROWS=${ROWS:-1000000}
SERVE_ROWS=${SERVE_ROWS:-$ROWS}
PEER=${PEER:-1}
CONCURRENCY=${CONCURRENCY:-1 4}
die() { echo "bench/upsert.sh: $*" >&2; exit 2; }
[[ -x $gomo ]] || die "no gomo binary at $gomo (build it: scripts/build.sh, or pass its path)"
[[ -x /usr/bin/time ]] || die "GNU time is missing (apt-get install time)"

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state GOMO_PROFILE= GOMO_BASE_URL= GOMO_API_KEY=

bench/gen_contacts.py "$ROWS" "$work/contacts.csv"
echo "file: $ROWS rows, $(du -h "$work/contacts.csv" | cut -f1)"

# run NAME ROWS CMD...: prints rows/s and peak RSS of one run.
run() {
  local name=$1 rows=$2
  shift 2
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "${TIME_FORMAT:-%M}" -o "$work/rss" "$@" >/dev/null 2>"$work/err" || true
  end=$(date +%s.%N)
  awk -v n="$name" -v r="$rows" -v s="$start" -v e="$end" -v k="$(tail -1 "$work/rss" | cut -d' ' -f1)" \
    'BEGIN { t = e - s; printf "%-28s %8.2f s  %10.0f rows/s  peak RSS %6.1f MiB\n", n, t, r / t, k / 1024 }'
  grep -v "^ *[a-z_]*: [0-9]*$" "$work/err" | tail -2 | sed 's/^/    /'
}

run "gomo --dry-run" "$ROWS" "$gomo" contacts upsert "$work/contacts.csv" --dry-run --max-rejects 100% \
  --workspace "$work/dry.db"
run "gomo -> local workspace" "$ROWS" "$gomo" contacts upsert "$work/contacts.csv" --max-rejects 100% \
  --batch-size 1000 --workspace "$work/local.db"

head -n $((SERVE_ROWS + 1)) "$work/contacts.csv" >"$work/serve.csv"
# serve_run N: a full upsert with --concurrency N into a fresh `gomo serve` (its own workspace, so every
# run creates the same contacts); then the server's peak RSS and the CPU seconds of both sides (on a
# shared machine the wall time says less than the CPU time: rows per CPU second x cores is the ceiling).
serve_run() {
  local n=$1 ws="$work/serve-$1.db"
  local key
  key=$("$gomo" serve --init --workspace "$ws" 2>/dev/null)
  "$gomo" serve --listen 127.0.0.1:0 --workspace "$ws" 2>"$work/serve.err" &
  server_pid=$!
  for _ in $(seq 100); do grep -q "listening on" "$work/serve.err" 2>/dev/null && break; sleep 0.05; done
  local port
  port=$(grep -o "127.0.0.1:[0-9]*" "$work/serve.err" | head -1 | cut -d: -f2)
  TIME_FORMAT="%M %U %S" GOMO_API_KEY=$key GOMO_BASE_URL=http://127.0.0.1:$port/api \
    run "gomo -> gomo serve (-c $n)" "$SERVE_ROWS" "$gomo" contacts upsert "$work/serve.csv" --max-rejects 100% \
    --batch-size 1000 --rate-limit 0 --concurrency "$n"
  # The server's own peak RSS and CPU (the line above is the client's), read before the server stops.
  local client_cpu server_cpu
  client_cpu=$(tail -1 "$work/rss" | awk '{ print $2 + $3 }')
  server_cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$server_pid/stat")
  awk -v r="$SERVE_ROWS" -v c="$client_cpu" -v s="$server_cpu" -v k="$(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status")" \
    'BEGIN { printf "    server peak RSS %.1f MiB; CPU client %.2f s + server %.2f s: %.0f rows per CPU second\n", k / 1024, c, s, r / (c + s) }'
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
for n in $CONCURRENCY; do serve_run "$n"; done

if [[ $PEER == 1 ]] && command -v node >/dev/null && command -v npm >/dev/null; then
  if (cd "$work" && npm install --silent --no-audit --no-fund csv-parse google-libphonenumber >/dev/null 2>&1); then
    NODE_PATH=$work/node_modules run "node peer (parse+normalise)" "$ROWS" node bench/upsert_peer.js "$work/contacts.csv"
    cat "$work/err" | tail -1
  else
    echo "node peer: csv-parse / google-libphonenumber not installable here; skipped"
  fi
fi

#!/usr/bin/env bash
# Requests/s of `gomo serve` under loopback load (wrk), its peak RSS, and the remote client's
# throughput (`gomo contacts list --all` following pages, unlimited and at the default 10 req/s).
# Beside it, Stoplight Prism's mock server (bench/package.json; `npm install` in bench/) on the same
# document (schemas/openapi.json) and read paths, its requests/s and peak RSS; skipped with a note
# when Prism is not installed.
# The mixed run is issue 16's load test, longer than the suite's (tests/cli/serve_load_cli_test.cc):
# MIXED_CONNECTIONS clients mixing reads and writes; it fails (exit 1) on any non-2xx answer, socket
# error or contact count that does not add up.
#
# Usage: bench/api.sh [GOMO_BINARY]             (default build/gomo; this script builds nothing)
# Environment (defaults in brackets):
#   DURATION [5]      seconds per wrk run
#   THREADS [2]       wrk threads
#   CONNECTIONS [16]  concurrent keep-alive connections
#   CONTACTS [2000]   contacts seeded into the workspace before the runs
#   MIXED_CONNECTIONS [50]  clients of the mixed run
# Needs wrk (Debian package `wrk`; scripts/setup.sh --with-test-tools) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

gomo=${1:-build/gomo}
DURATION=${DURATION:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
CONTACTS=${CONTACTS:-2000}
MIXED_CONNECTIONS=${MIXED_CONNECTIONS:-50}

die() { echo "bench/api.sh: $*" >&2; exit 2; }
[[ -x $gomo ]] || die "no gomo binary at $gomo (build it: scripts/build.sh, or pass its path)"
command -v wrk >/dev/null || die "wrk is missing (apt-get install wrk)"
command -v curl >/dev/null || die "curl is missing"

work=$(mktemp -d)
server_pid=""
prism_pid=""
cold_pid=""
cleanup() {
  if [[ -n $cold_pid ]]; then kill "$cold_pid" 2>/dev/null || true; wait "$cold_pid" 2>/dev/null || true; fi
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [[ -n $prism_pid ]]; then kill "$prism_pid" 2>/dev/null || true; wait "$prism_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Starts `gomo serve` on a free port of the workspace with extra flags; sets started_pid and started_port.
start_serve() {  # log file, [serve flags...]
  local log=$1
  shift
  "$gomo" serve --listen 127.0.0.1:0 --workspace "$work/ws.db" "$@" 2>"$log" &
  started_pid=$!
  for _ in $(seq 100); do
    grep -q "listening on" "$log" 2>/dev/null && break
    sleep 0.05
  done
  started_port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/api.*|\1|p' "$log")
  [[ -n $started_port ]] || die "gomo serve $* did not start: $(cat "$log")"
}

key=$("$gomo" serve --init --workspace "$work/ws.db" 2>/dev/null)
start_serve "$work/serve.err"
server_pid=$started_pid
port=$started_port
base="http://127.0.0.1:$port/api"

# Seed contacts in upsert batches of 500 (python3 builds the bodies).
python3 - "$CONTACTS" "$work" <<'PY'
import json, sys
n, work = int(sys.argv[1]), sys.argv[2]
for start in range(0, n, 500):
    batch = [{"primaryPhone": "+2126%08d" % i, "firstName": "Name%d" % i, "city": "Casablanca"}
             for i in range(start, min(n, start + 500))]
    open("%s/batch%d.json" % (work, start // 500), "w").write(json.dumps({"data": batch}))
PY
for f in "$work"/batch*.json; do
  curl -sf -o /dev/null -H "x-api-key: $key" -H "Content-Type: application/json" --data-binary "@$f" \
    "$base/contact/upsert" || die "seeding failed"
done

cat >"$work/upsert.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"data":[{"primaryPhone":"+2127%08d","firstName":"Bench"}]}', counter % 5000)
  return wrk.format(nil, nil, nil, body)
end
LUA

# The mixed load: 40% GET /users/me, 30% GET /contact?limit=20, 20% POST /contact (a new phone each
# time), 10% POST /contact/upsert (5 phones of the seeded ones: updates only). Counts the creates
# answered 201 so that the contacts stored afterwards can be checked against them.
cat >"$work/mixed.lua" <<'LUA'
local threads = {}
local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  table.insert(threads, thread)
end
function init(args)
  prefix, seeded, n, creates = args[1], tonumber(args[2]), 0, 0
  wrk.headers["Content-Type"] = "application/json"  -- beside -H x-api-key (a headers argument would replace both)
end
request = function()
  n = n + 1
  local k = n % 10
  if k < 4 then return wrk.format("GET", prefix .. "/users/me") end
  if k < 7 then return wrk.format("GET", prefix .. "/contact?limit=20") end
  if k < 9 then
    local body = string.format('{"primaryPhone":"+2126%d%07d","firstName":"Mixed"}', thread_id, n)
    return wrk.format("POST", prefix .. "/contact", nil, body)
  end
  local rows = {}
  for i = 0, 4 do rows[#rows + 1] = string.format('{"primaryPhone":"+2126%08d","city":"Fes"}', (n * 5 + i) % seeded) end
  return wrk.format("POST", prefix .. "/contact/upsert", nil, '{"data":[' .. table.concat(rows, ",") .. ']}')
end
response = function(status, headers, body)
  -- Both answer 201; only the upsert's answer has a "created" count.
  if status == 201 and not body:find('"created":', 1, true) then creates = creates + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("creates") end
  io.write(string.format("creates answered 201: %d\n", total))
end
LUA

contact_total() {
  curl -sf -H "x-api-key: $key" "$base/contact?limit=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['meta']['total'])"
}

run() {  # name, path, [lua script], [connections], [script arguments...]; against $run_base
  local name=$1 path=$2 script=${3:-} connections=${4:-$CONNECTIONS}
  local url_base=${run_base:-$base}
  local args=(-t"$THREADS" -c"$connections" -d"${DURATION}s" -H "x-api-key: $key" --latency)
  [[ -n $script ]] && args+=(-s "$script")
  local out
  if (($# > 4)); then out=$(wrk "${args[@]}" "$url_base$path" -- "${@:5}"); else out=$(wrk "${args[@]}" "$url_base$path"); fi
  last_out=$out
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  socket_errors=$(sed -n 's/.*Socket errors: //p' <<<"$out")
  last_errors=${errors:-0}
  last_rps=$rps
  printf '%-32s %10s req/s   p50 %-8s p99 %-8s non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
}

echo "gomo serve on $base, $CONTACTS contacts, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $(nproc) cores"
run "GET /users/me" "/users/me"
gomo_me_rps=$last_rps
run "GET /contact?limit=20" "/contact?limit=20"
gomo_list_rps=$last_rps
run "GET /contact?search=Name99" "/contact?search=Name99&limit=20"
run "POST /contact/upsert (1 contact)" "/contact/upsert" "$work/upsert.lua"
rss_before=$(awk '/VmRSS/ {print $2 " " $3}' "/proc/$server_pid/status")
before=$(contact_total)
run "mixed, $MIXED_CONNECTIONS clients" "" "$work/mixed.lua" "$MIXED_CONNECTIONS" "${base#http://127.0.0.1:"$port"}" "$CONTACTS"
creates=$(sed -n 's/^creates answered 201: //p' <<<"$last_out")
after=$(contact_total)
rss_after=$(awk '/VmRSS/ {print $2 " " $3}' "/proc/$server_pid/status")
echo "  mixed run: $creates creates answered 201 (+ $((after - before - creates)) in flight at the end), contacts $before -> $after; RSS of gomo serve $rss_before -> $rss_after"
[[ -z ${socket_errors:-} ]] || echo "  socket errors: $socket_errors"
# wrk stops at the deadline without reading the answers in flight: up to one create per connection
# may be stored without being counted, never fewer stored than counted.
unanswered=$((after - before - creates))
if [[ -n ${socket_errors:-} || $last_errors -ne 0 || $unanswered -lt 0 || $unanswered -gt $MIXED_CONNECTIONS ]]; then
  echo "bench/api.sh: the mixed run failed: non-2xx $last_errors, socket errors ${socket_errors:-none}, $((after - before)) contacts stored for $creates creates" >&2
  mixed_failed=1
fi
rss=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$server_pid/status")
echo "peak RSS of gomo serve: $rss"

# The same reads with every answer read from the workspace (--no-answer-cache): what a read costs when
# the data changed since the last one (gomo serve answers repeated reads of /users/me and contacts from
# memory until the next commit).
start_serve "$work/serve2.err" --no-answer-cache
cold_pid=$started_pid
run_base="http://127.0.0.1:$started_port/api"
run "GET /users/me, no answer cache" "/users/me"
gomo_me_cold_rps=$last_rps
run "GET /contact?limit=20, no cache" "/contact?limit=20"
gomo_list_cold_rps=$last_rps
run_base=""
kill "$cold_pid" 2>/dev/null || true
wait "$cold_pid" 2>/dev/null || true
cold_pid=""

# Stoplight Prism's mock server on the same document: static examples generated from the schemas, its
# own auth check (401 without a key), request validation. Logging off (--verboseLevel silent), as gomo
# serve logs nothing without -v. Same wrk runs of the two read paths.
prism=bench/node_modules/.bin/prism
if [[ -x $prism ]] && command -v node >/dev/null; then
  prism_port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
  "$prism" mock schemas/openapi.json --host 127.0.0.1 --port "$prism_port" --verboseLevel silent >"$work/prism.log" 2>&1 &
  prism_pid=$!
  for _ in $(seq 300); do  # Prism takes a few seconds to read the document
    curl -sf -o /dev/null -H "x-api-key: $key" "http://127.0.0.1:$prism_port/users/me" && break
    sleep 0.1
  done
  if curl -sf -o /dev/null -H "x-api-key: $key" "http://127.0.0.1:$prism_port/users/me"; then
    run_base="http://127.0.0.1:$prism_port"
    # Node compiles its hot paths while it runs: a short unmeasured run first, as gomo's seeding warms it.
    wrk -t1 -c4 -d2s -H "x-api-key: $key" "$run_base/users/me" >/dev/null
    wrk -t1 -c4 -d2s -H "x-api-key: $key" "$run_base/contact?limit=20" >/dev/null
    run "Prism mock: GET /users/me" "/users/me"
    prism_me_rps=$last_rps
    run "Prism mock: GET /contact?limit=20" "/contact?limit=20"
    prism_list_rps=$last_rps
    run_base=""
    prism_rss=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$prism_pid/status")
    echo "peak RSS of Prism $("$prism" --version): $prism_rss"
    python3 -c "print('gomo serve / Prism: GET /users/me %.1fx, GET /contact?limit=20 %.1fx' % \
($gomo_me_rps / $prism_me_rps, $gomo_list_rps / $prism_list_rps))"
    python3 -c "print('  without the answer cache: GET /users/me %.1fx, GET /contact?limit=20 %.1fx' % \
($gomo_me_cold_rps / $prism_me_rps, $gomo_list_cold_rps / $prism_list_rps))"
  else
    echo "Prism: did not start on port $prism_port, skipped: $(tail -3 "$work/prism.log")"
  fi
  kill "$prism_pid" 2>/dev/null || true
  wait "$prism_pid" 2>/dev/null || true
  prism_pid=""
else
  echo "Prism: skipped (not installed; to compare: cd bench && npm install)"
fi

# The client: `gomo contacts list --all` follows the pages (100 contacts per request).
client() {  # rate limit
  local start end
  start=$(date +%s.%N)
  GOMO_API_KEY=$key "$gomo" contacts list --all -o json --base-url "$base" --rate-limit "$1" >"$work/all.json"
  end=$(date +%s.%N)
  python3 -c "import json,sys; n=len(json.load(open('$work/all.json'))); t=$end-$start; r=(n+99)//100; \
print('gomo contacts list --all (rate limit %-4s): %d contacts, %d requests in %.2f s = %.0f req/s, %.0f contacts/s' \
% ('$1', n, r, t, r / t, n / t))"
}
client 0
client 10
[[ -z ${mixed_failed:-} ]] || exit 1

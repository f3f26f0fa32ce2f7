#!/usr/bin/env bash
# The forecast of a big campaign (issue 15, "Benchmark"): `gomo program simulate` over a 1,000,000-contact
# audience with fixed_delay retries (30 min, 2 retries) and weekday pause windows (20:00-09:00, weekends)
# on the virtual clock; wall time, contacts/s and peak RSS, then the same program over 100,000 contacts
# to show that memory is flat in the number of contacts. Target: under 10 s for 1M on this machine.
# LAUNCH=1 then launches that program on a fresh local workspace with `program launch --wait`.
#
# Usage: bench/campaign.sh [GOMO_BINARY]      (default build/gomo; this script builds nothing)
# Environment: ROWS [1000000] contacts of the big run; SMALL_ROWS [100000] of the small one; LINES [100]
#   DIDs of the program (parallel calls); LAUNCH [0] 1 also runs the local launch with --wait (below) over
#   the first LAUNCH_CONTACTS [100000] rows.
#   Needs python3 and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
gomo=$(realpath "${1:-build/gomo}")
ROWS=${ROWS:-1000000}
SMALL_ROWS=${SMALL_ROWS:-100000}
LINES=${LINES:-100}
LAUNCH=${LAUNCH:-0}
LAUNCH_CONTACTS=${LAUNCH_CONTACTS:-100000}
die() { echo "bench/campaign.sh: $*" >&2; exit 2; }
[[ -x $gomo ]] || die "no gomo binary at $gomo (build it: scripts/build.sh, or pass its path)"
[[ -x /usr/bin/time ]] || die "GNU time is missing (apt-get install time)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state GOMO_PROFILE= GOMO_BASE_URL= GOMO_API_KEY=

bench/gen_contacts.py "$ROWS" "$work/contacts.csv"
head -n $((SMALL_ROWS + 1)) "$work/contacts.csv" >"$work/small.csv"
echo "audience: $ROWS rows, $(du -h "$work/contacts.csv" | cut -f1); $SMALL_ROWS rows, $(du -h "$work/small.csv" | cut -f1)"

# The program: LINES DIDs, fixed_delay 30 min x 2 retries, calls Monday-Friday 09:00-20:00 (Casablanca).
{
  echo "name: Benchmark reminders"
  echo "flow: flow.json"
  echo "audience: Benchmark"
  echo "dids:"
  for ((i = 0; i < LINES; i++)); do printf '  - "+2125%08d"\n' "$i"; done
  echo "retry: {type: fixed_delay, delayMinutes: 30, maxRetries: 2}"
  echo "pauseWindows:"
  for day in monday tuesday wednesday thursday; do echo "  $day: [{startAt: \"20:00\", endAt: \"09:00\"}]"; done
  echo "  friday: [{startAt: \"20:00\", endAt: \"00:00\"}]"
  echo "  saturday: [{startAt: \"00:00\", endAt: \"12:00\"}, {startAt: \"12:00\", endAt: \"00:00\"}]"
  echo "  sunday: [{startAt: \"00:00\", endAt: \"09:00\"}]"
  echo "startAt: \"2026-03-02T09:00:00+01:00\""
  echo "timezone: Africa/Casablanca"
} >"$work/bench.program.yaml"
cp samples/flows/payment-reminder.json "$work/flow.json"

# simulate NAME ROWS CSV: wall time, contacts/s, CPU and peak RSS of one `program simulate`, then its
# summary's lines that say what was simulated.
simulate() {
  local name=$1 rows=$2 csv=$3
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "$work/time" "$gomo" program simulate "$work/bench.program.yaml" --audience "$csv" \
    --mix samples/mixes/reminder-callees.mix.yaml >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; die "$name failed"; }
  end=$(date +%s.%N)
  read -r rss user sys <"$work/time"
  awk -v n="$name" -v r="$rows" -v s="$start" -v e="$end" -v k="$rss" -v u="$user" -v y="$sys" \
    'BEGIN { t = e - s; printf "%-26s %6.2f s  %9.0f contacts/s  CPU %5.2f s  peak RSS %6.1f MiB\n", n, t, r / t, u + y, k / 1024 }'
  grep -E "^(ends|completed|attempts)|simulated in" "$work/out" | sed 's/^/    /'
}

simulate "simulate $ROWS" "$ROWS" "$work/contacts.csv"
simulate "simulate $SMALL_ROWS" "$SMALL_ROWS" "$work/small.csv"

# ---- LAUNCH=1: the same program launched on the local workspace with --wait -----------------------
# A fresh workspace: the first LAUNCH_CONTACTS rows upserted into the audience "Benchmark" (the generator's
# ~5% bad rows are rejected, so the audience is a little smaller), the flow pushed under its name, the
# program applied (its `flow` names the pushed flow), then one `program launch --wait` with the default
# outcome mix under GNU time. The dialer writes every attempt to SQLite, so this is far slower than the
# forecast: ~1,500 attempts/s, hence the smaller default size.
if [[ $LAUNCH == 1 ]]; then
  ws=$work/launch.db
  head -n $((LAUNCH_CONTACTS + 1)) "$work/contacts.csv" >"$work/launch.csv"
  "$gomo" contacts upsert "$work/launch.csv" --audience Benchmark --create-audience --max-rejects 100% \
    --workspace "$ws" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; die "contacts upsert failed"; }
  "$gomo" flow push "$work/flow.json" --workspace "$ws" >/dev/null 2>"$work/err" ||
    { cat "$work/err" >&2; die "flow push failed"; }
  # The program's LINES DIDs: a workspace starts with three of its own and the shared one, and no command
  # adds more (an account's numbers come from the platform), so they are written into its dids table.
  python3 - "$ws" "$LINES" <<'PY'
import sqlite3, sys, uuid
db = sqlite3.connect(sys.argv[1])
org = db.execute("SELECT id FROM organizations").fetchone()[0]
now = "2026-01-01T00:00:00.000Z"
db.executemany("INSERT INTO dids VALUES (?, ?, ?, 'MA', 'Benchmark line', 0, 'active', ?, ?)",
               [(str(uuid.uuid4()), org, "+2125%08d" % i, now, now) for i in range(int(sys.argv[2]))])
db.commit()
PY
  sed 's/^flow: flow.json$/flow: Payment Reminder/' "$work/bench.program.yaml" >"$work/launch.program.yaml"
  "$gomo" program apply -f "$work/launch.program.yaml" --workspace "$ws" >/dev/null 2>"$work/err" ||
    { cat "$work/err" >&2; die "program apply failed"; }
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time" "$gomo" program launch "Benchmark reminders" --wait --seed 1 -q \
    --timeout 0 --workspace "$ws" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; die "launch --wait failed"; }
  end=$(date +%s.%N)
  execution=$(tail -1 "$work/out")
  "$gomo" execution report "$execution" --workspace "$ws" >"$work/report" 2>&1 || { cat "$work/report" >&2; die "report failed"; }
  attempts=$(awk '/^calls/ { print $2 }' "$work/report")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$work/time")
  awk -v n="launch --wait $LAUNCH_CONTACTS" -v a="$attempts" -v s="$start" -v e="$end" -v k="$rss" -v c="$cpu" \
    'BEGIN { t = e - s; printf "%-26s %6.2f s  %9.0f attempts/s  CPU %5.2f s  peak RSS %6.1f MiB\n", n, t, a / t, c, k / 1024 }'
  grep -E "^(status|contacts|calls|started|ended)" "$work/report" | sed 's/^/    /'
fi

#!/usr/bin/env bash
# SIP backend benchmark: CALLS calls of `gomo flow run --softphone` (one gomo process per call, as a
# person runs it) against SIPp's built-in `uas` on 127.0.0.1, one after another: calls/s and the peak
# RSS of a gomo process. Beside it, SIPp's own `uac` placing the same number of calls, one at a time,
# against the same kind of uas: the cost of SIP alone on this machine. The flow dials and hangs up (no
# prompt), so the numbers are SIP set-up and tear-down plus gomo's start-up.
# Usage: bench/sip.sh [GOMO] [CALLS]. Needs sipp (sip-tester) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
gomo=${1:-build/gomo}
calls=${2:-200}
[[ -x $gomo ]] || { echo "build gomo first (scripts/build.sh), or pass its path" >&2; exit 2; }
command -v sipp >/dev/null || { echo "needs sipp: apt-get install sip-tester" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
cat >"$work/flow.yaml" <<'YAML'
name: SIP bench
graph:
  startNodeId: dial
  nodes:
    - {id: dial, type: dial, label: Dial, config: {timeout: 5000, enableAMD: false}, outputs: {onAnswer: end, onNoAnswer: end, onBusy: end, onRejected: end, onError: end}}
    - {id: end, type: hangup, label: End, config: {reason: completed, hangupType: normal}}
YAML
now() { date +%s.%N; }
uas() {  # PORT MEDIA_PORT CONTROL_PORT: a uas for $calls calls, in the background
  sipp -sn uas -i 127.0.0.1 -p "$1" -mi 127.0.0.1 -mp "$2" -cp "$3" -m "$calls" -timeout 600 -nostdin \
    >"$work/uas-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do ss -lun | grep -q "127.0.0.1:$1 " && return; sleep 0.05; done
}

uas 25060 26060 28060
start=$(now)
peak=0
for _ in $(seq 1 "$calls"); do
  rss=$( { /usr/bin/time -f "%M" "$gomo" flow run "$work/flow.yaml" -q --softphone sip:bench@127.0.0.1:25060 >/dev/null; } 2>&1 | tail -1)
  ((rss > peak)) && peak=$rss
done
gomo_s=$(python3 -c "print($(now) - $start)")

uas 25070 26070 28070
start=$(now)
sipp -sn uac 127.0.0.1:25070 -i 127.0.0.1 -p 25071 -mp 26080 -cp 28071 -m "$calls" -l 1 -r 1000 -d 0 \
  -timeout 600 -nostdin >"$work/uac.log" 2>&1
sipp_s=$(python3 -c "print($(now) - $start)")

printf '%-34s %6s %8s %9s %10s\n' peer calls wall-s calls/s peak-RSS
printf '%-34s %6s %8.2f %9.1f %7s MB\n' "gomo flow run --softphone" "$calls" "$gomo_s" \
  "$(python3 -c "print($calls/$gomo_s)")" "$((peak / 1024))"
printf '%-34s %6s %8.2f %9.1f %10s\n' "sipp -sn uac (one call at a time)" "$calls" "$sipp_s" \
  "$(python3 -c "print($calls/$sipp_s)")" "-"

#!/usr/bin/env bash
# gomo flow run --softphone against SIPp scenarios on 127.0.0.1 (tests/sip/*.xml): answer and hang up
# at the end, busy (486), no answer (CANCEL after the ring timeout), RFC 4733 keys 1 (during a prompt)
# and 12# (PT 96), the callee hanging up mid-prompt, and keys as SIP INFO. Each case checks gomo's
# transcript and exit code, and SIPp's exit code (0: its scenario ran as written).
# Usage: sipp_test.sh GOMO SOURCE_DIR. Needs sipp (Debian sip-tester: scripts/setup.sh --with-test-tools).
set -uo pipefail
gomo=$1
src=$2
if ! command -v sipp >/dev/null; then
  echo "sipp is not installed: install the Debian package sip-tester (scripts/setup.sh --with-test-tools)" >&2
  exit 1
fi
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

# Ports of their own for this run, so parallel runs (and ctest -j) do not meet.
slot=$(($$ % 500))
extra_args=()
failures=0
case_no=0

fail() {
  echo "FAIL [$name]: $*" >&2
  echo "--- gomo stdout" >&2; cat "$work/$name.out" >&2
  echo "--- gomo stderr" >&2; cat "$work/$name.err" >&2
  echo "--- sipp" >&2; tail -20 "$work/$name.sipp" >&2; cat "$work"/$name.sipp-err* 2>/dev/null | tail -40 >&2
  failures=$((failures + 1))
}

# run_case NAME SCENARIO EXPECTED_GOMO_EXIT FLOW -- TEXT... (lines the transcript must contain)
run_case() {
  name=$1 scenario=$2 want_rc=$3 flow=$4
  shift 5
  case_no=$((case_no + 1))
  local sip_port=$((20000 + slot * 10 + case_no)) media_port=$((26000 + slot * 40 + case_no * 4))
  local control_port=$((47000 + slot * 10 + case_no))
  sipp -sf "$src/tests/sip/$scenario" -i 127.0.0.1 -p "$sip_port" -mi 127.0.0.1 -mp "$media_port" \
    -cp "$control_port" -m 1 -timeout 30 -timeout_error -nostdin -trace_err \
    -error_file "$work/$name.sipp-err" >"$work/$name.sipp" 2>&1 &
  local sipp_pid=$!
  pids+=("$sipp_pid")
  for _ in $(seq 1 100); do
    ss -lun | grep -q "127.0.0.1:$sip_port " && break
    sleep 0.05
  done
  timeout 40 "$gomo" flow run "$flow" --softphone "sip:callee@127.0.0.1:$sip_port" "${extra_args[@]}" >"$work/$name.out" 2>"$work/$name.err"
  local rc=$?
  # SIPp ends by itself (its scenario, or -timeout 30); a hung one is killed after 35 s.
  for _ in $(seq 1 350); do
    kill -0 "$sipp_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$sipp_pid" 2>/dev/null
  wait "$sipp_pid"
  local sipp_rc=$?
  [[ $rc == "$want_rc" ]] || fail "gomo exited $rc, expected $want_rc"
  [[ $sipp_rc == 0 ]] || fail "sipp exited $sipp_rc, expected 0 (its scenario did not run as written)"
  for text in "$@"; do
    grep -qF -- "$text" "$work/$name.out" || fail "the transcript lacks: $text"
  done
  echo "ok [$name] gomo exit $rc, sipp exit $sipp_rc"
}

pin="$src/tests/sip/flows/pin.yaml"
run_case answer answer.xml 0 "$pin" -- "answered" "no key pressed within 4 s" "hang up: dtmf_timeout"
run_case busy busy.xml 0 "$pin" -- "busy" "→ onBusy -> end-busy"
run_case no-answer no_answer.xml 0 "$pin" -- "no answer after 3 s" "→ onNoAnswer -> end-no-answer"
run_case dtmf-1 dtmf_1.xml 0 "$pin" -- "pressed 1" "→ branches.1 -> said-one" "hang up: completed"
run_case dtmf-12hash dtmf_12hash.xml 0 "$pin" -- "pressed 12" "→ branches.12 -> said-twelve" "nothing was said"
run_case bye-mid-prompt bye_mid_prompt.xml 1 "$pin" -- "callee hung up during welcome"
run_case info info_2.xml 0 "$pin" -- "pressed 2" "→ branches.2 -> said-two"
# A flow of the samples, as the README shows it: its audio files spoken by espeak-ng.
if ! command -v espeak-ng >/dev/null; then
  echo "espeak-ng is not installed: install the Debian package espeak-ng (scripts/setup.sh --with-test-tools)" >&2
  exit 1
fi
mkdir -p "$work/audio"
espeak-ng -v en -w "$work/audio/greeting-audio-id.wav" "Your payment is due. Press one to confirm, two for a call back."
espeak-ng -v en -w "$work/audio/confirmed-audio-id.wav" "Thank you, your payment is confirmed."
espeak-ng -v en -w "$work/audio/callback-audio-id.wav" "We will call you back."
extra_args=(--audio-dir "$work/audio")
run_case sample-payment dtmf_1.xml 0 "$src/samples/flows/payment-reminder.json" -- "pressed 1" \
  "→ branches.1 -> play-confirmed"

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all SIPp cases passed"

#!/usr/bin/env bash
# gomo flow run --softphone against SIPp scenarios on 127.0.0.1 (tests/sip/*.xml): answer and hang up
# at the end, busy (486), no answer (CANCEL after the ring timeout), RFC 4733 keys 1 (during a prompt)
# and 12# (PT 96), the callee hanging up mid-prompt, keys as SIP INFO, and gomo interrupted (SIGINT,
# SIGTERM) while ringing or mid-prompt. Each case checks gomo's transcript and exit code, and SIPp's
# exit code (0: its scenario ran as written).
# Usage: sipp_test.sh GOMO SOURCE_DIR. Needs sipp (Debian sip-tester: scripts/setup.sh --with-test-tools).
set -uo pipefail
gomo=$1
src=$(cd "$2" && pwd)
for tool in espeak-ng:espeak-ng sox:sox; do
  if ! command -v "${tool%%:*}" >/dev/null; then
    echo "${tool%%:*} is not installed: install the Debian package ${tool#*:} (scripts/setup.sh --with-test-tools)" >&2
    exit 1
  fi
done
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
# interrupt=(SIGNAL PATTERN): run_case sends SIGNAL to gomo 0.5 s after SIPp's message log matches
# PATTERN (grep -E), and expects "gomo: interrupted; hung up" on stderr.
interrupt=()
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
  # From the run's folder: rtp_stream reads speech.ul there (its path takes no variables).
  (cd "$work" && exec sipp -sf "$src/tests/sip/$scenario" -i 127.0.0.1 -p "$sip_port" -mi 127.0.0.1 -mp "$media_port" \
    -cp "$control_port" -m 1 -timeout 30 -timeout_error -nostdin -trace_err \
    -error_file "$work/$name.sipp-err" -trace_msg -message_file "$work/$name.msg" >"$work/$name.sipp" 2>&1) &
  local sipp_pid=$!
  pids+=("$sipp_pid")
  for _ in $(seq 1 100); do
    ss -lun | grep -q "127.0.0.1:$sip_port " && break
    sleep 0.05
  done
  local rc
  if ((${#interrupt[@]})); then
    # env: a script's background job starts with SIGINT ignored, and gomo leaves an ignored signal alone.
    env --default-signal=INT,TERM "$gomo" flow run "$flow" --softphone "sip:callee@127.0.0.1:$sip_port" \
      "${extra_args[@]}" >"$work/$name.out" 2>"$work/$name.err" &
    local gomo_pid=$!
    for _ in $(seq 1 100); do
      grep -qE -- "${interrupt[1]}" "$work/$name.msg" 2>/dev/null && break
      sleep 0.05
    done
    sleep 0.5
    kill -"${interrupt[0]}" "$gomo_pid"
    # Hung up and gone within 5 s (the hang-up waits at most 2 s for SIPp's answer).
    for _ in $(seq 1 50); do
      kill -0 "$gomo_pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$gomo_pid" 2>/dev/null; then
      kill -KILL "$gomo_pid"
      fail "gomo still ran 5 s after SIG${interrupt[0]}"
    fi
    wait "$gomo_pid"
    rc=$?
    grep -qxF "gomo: interrupted; hung up" "$work/$name.err" || fail "stderr lacks: gomo: interrupted; hung up"
  else
    timeout 40 "$gomo" flow run "$flow" --softphone "sip:callee@127.0.0.1:$sip_port" "${extra_args[@]}" >"$work/$name.out" 2>"$work/$name.err"
    rc=$?
  fi
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
# The callee speaks at the record node: gomo keeps it in --record-dir. SIPp streams raw mu-law.
espeak-ng -v en -w "$work/speech.wav" "Hello, this is my message for you. Goodbye." 2>/dev/null &&
  sox "$work/speech.wav" -r 8000 -c 1 -t ul "$work/speech.ul"
extra_args=(--record-dir "$work/rec")
run_case speech dtmf_12hash_speech.xml 0 "$pin" -- "pressed 12" "→ branches.12 -> said-twelve" "recorded "
extra_args=()
[[ -s "$work/rec/said-twelve-1.wav" ]] || fail "no recording in --record-dir"
run_case bye-mid-prompt bye_mid_prompt.xml 1 "$pin" -- "callee hung up during welcome"
run_case unavailable unavailable.xml 0 "$pin" -- "call failed: SIP 503 Service Unavailable" "→ onError -> end-error"
# Digest authentication with the SIP account of a profile (config file 0600, the password never printed).
export GOMO_CONFIG="$work/config.yaml"
"$gomo" config set sipUser bob --profile office >/dev/null 2>&1
printf 's3cret' | "$gomo" config set sipPassword - --profile office >/dev/null 2>&1
[[ $("$gomo" config get sipPassword --profile office) != *s3cret* ]] || fail "config get printed the SIP password"
extra_args=(--sip-account office)
run_case auth auth.xml 0 "$pin" -- "answered" "hang up: dtmf_timeout"
extra_args=()
unset GOMO_CONFIG
run_case info info_2.xml 0 "$pin" -- "pressed 2" "→ branches.2 -> said-two"
# Ctrl-C during the call: gomo hangs up itself and says so. answer.xml expects the BYE, no_answer.xml the
# CANCEL (long before the flow's 3 s ring timeout); SIPp exits 0 only if it came.
interrupt=(INT '^ACK ')
run_case interrupt-mid-prompt answer.xml 130 "$pin" -- "answered" "caller hung up (gomo was interrupted)"
interrupt=(INT '180 Ringing')
run_case interrupt-ringing no_answer.xml 130 "$pin" -- "caller hung up (gomo was interrupted)"
interrupt=(TERM '^ACK ')
run_case sigterm-mid-prompt answer.xml 143 "$pin" -- "answered" "caller hung up (gomo was interrupted)"
interrupt=()
# A flow of the samples, as the README shows it: its audio files spoken by espeak-ng.
mkdir -p "$work/audio"
espeak-ng -v en -w "$work/audio/greeting-audio-id.wav" "Your payment is due. Press one to confirm, two for a call back."
espeak-ng -v en -w "$work/audio/confirmed-audio-id.wav" "Thank you, your payment is confirmed."
espeak-ng -v en -w "$work/audio/callback-audio-id.wav" "We will call you back."
extra_args=(--audio-dir "$work/audio")
run_case sample-payment dtmf_1.xml 0 "$src/samples/flows/payment-reminder.json" -- "pressed 1" \
  "→ branches.1 -> play-confirmed"

# Usage errors, before anything is sent: exit 2 and a message that names the problem.
usage_case() {  # EXPECTED_TEXT ARGS...
  local want=$1
  shift
  "$gomo" flow run "$pin" "$@" >/dev/null 2>"$work/usage.err"
  local rc=$?
  if [[ $rc != 2 ]] || ! grep -qF -- "$want" "$work/usage.err"; then
    echo "FAIL [usage $*]: exit $rc, stderr: $(cat "$work/usage.err")" >&2
    failures=$((failures + 1))
  else
    echo "ok [usage $*]"
  fi
}
usage_case "the scheme tel: is not supported (only sip:, over UDP)" --softphone tel:+212600000000
usage_case "the user part (USER@) is missing" --softphone sip:127.0.0.1:5060
usage_case "--softphone and --busy contradict each other" --softphone sip:a@127.0.0.1 --busy
usage_case "--softphone and --press contradict each other" --softphone sip:a@127.0.0.1 --press 1
usage_case "cannot resolve the SIP host no-such-host.invalid" --softphone sip:a@no-such-host.invalid
GOMO_SIP_PASSWORD= usage_case "the SIP user bob has no password: set \$GOMO_SIP_PASSWORD" --softphone sip:a@127.0.0.1 \
  --sip-user bob
GOMO_CONFIG="$work/none.yaml" usage_case "--sip-account office: no such profile" --softphone sip:a@127.0.0.1 \
  --sip-account office

# Nothing listens at the address: not "no answer" but a failed call that says so, and no long wait.
name=nobody
"$gomo" flow run "$pin" --softphone "sip:callee@127.0.0.1:$((20000 + slot * 10 + 9))" >"$work/$name.out" \
  2>"$work/$name.err"
grep -qF "nothing answered at sip:callee@127.0.0.1" "$work/$name.out" && grep -qF "→ onError -> end-error" "$work/$name.out" &&
  echo "ok [nobody]" || fail "a call to nowhere should fail with onError"
touch "$work/$name.sipp"

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all SIPp cases passed"

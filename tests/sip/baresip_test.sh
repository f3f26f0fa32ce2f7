#!/usr/bin/env bash
# The issue's "done when": gomo flow run samples/flows/payment-reminder.json --softphone sip:... against
# baresip, a real softphone on 127.0.0.1 that answers by itself. baresip presses 1 (ctrl_tcp `sndcode`,
# RFC 4733) while the greeting plays; the transcript must follow branch 1, and baresip's recording of
# what it heard (sndfile module, *-dec.wav) must hold gomo's prompts: sound, and a plausible length.
# Usage: baresip_test.sh GOMO SOURCE_DIR. Needs baresip (baresip-core), sox and espeak-ng
# (scripts/setup.sh --with-test-tools).
set -uo pipefail
gomo=$1
src=$(cd "$2" && pwd)
for tool in baresip:baresip-core sox:sox espeak-ng:espeak-ng; do
  if ! command -v "${tool%%:*}" >/dev/null; then
    echo "${tool%%:*} is not installed: install the Debian package ${tool#*:} (scripts/setup.sh --with-test-tools)" >&2
    exit 1
  fi
done
work=$(mktemp -d)
baresip_pid=""
cleanup() {
  [[ -n "$baresip_pid" ]] && kill "$baresip_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

slot=$(($$ % 500))
sip_port=$((33000 + slot * 2))
ctrl_port=$((36000 + slot))  # not sip_port+1: baresip listens for SIP over TLS there
mkdir -p "$work/conf" "$work/rec" "$work/audio"
espeak-ng -v en -w "$work/audio/greeting-audio-id.wav" "Your payment is due. Press one to confirm, two for a call back."
espeak-ng -v en -w "$work/audio/confirmed-audio-id.wav" "Thank you, your payment is confirmed."
espeak-ng -v en -w "$work/audio/callback-audio-id.wav" "We will call you back."
# What baresip says into the call: silence (its microphone is this file).
sox -n -r 8000 -c 1 -b 16 "$work/callee.wav" trim 0 20
cat >"$work/conf/config" <<EOF
sip_listen 127.0.0.1:$sip_port
net_interface 127.0.0.1
audio_source aufile,$work/callee.wav
audio_player aubridge,sink
audio_alert aubridge,sink
module_path /usr/lib/baresip/modules
module g711.so
module aufile.so
module aubridge.so
module sndfile.so
module_app account.so
module_app menu.so
module_app ctrl_tcp.so
ctrl_tcp_listen 127.0.0.1:$ctrl_port
snd_path $work/rec
EOF
echo "<sip:callee@127.0.0.1>;regint=0;answermode=auto;audio_codecs=PCMU,PCMA" >"$work/conf/accounts"
# No stdio/cons modules: with stdin on /dev/null they fail (docs/simulation.md).
baresip -f "$work/conf" -t 60 </dev/null >"$work/baresip.log" 2>&1 &
baresip_pid=$!
for _ in $(seq 1 100); do
  ss -lun | grep -q "127.0.0.1:$sip_port " && ss -ltn | grep -q "127.0.0.1:$ctrl_port " && break
  sleep 0.1
done

timeout 60 "$gomo" flow run "$src/samples/flows/payment-reminder.json" --softphone "sip:callee@127.0.0.1:$sip_port" \
  --audio-dir "$work/audio" >"$work/out.txt" 2>"$work/err.txt" &
gomo_pid=$!
# Press 1 once baresip says the call is up (the greeting lasts ~4 s; a key during it is kept for the
# menu, which then waits 10 s: time enough on a loaded machine).
for _ in $(seq 1 200); do
  grep -q "Call established" "$work/baresip.log" && break
  sleep 0.1
done
sleep 0.5
json='{"command":"sndcode","params":"1","token":"t1"}'
exec 3<>"/dev/tcp/127.0.0.1/$ctrl_port"
printf '%d:%s,' "${#json}" "$json" >&3
exec 3>&-
wait "$gomo_pid"
rc=$?

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
[[ $rc == 0 ]] || fail "gomo exited $rc, expected 0"
for text in "answered" "pressed 1" "→ branches.1 -> play-confirmed" "hang up: completed"; do
  grep -qF -- "$text" "$work/out.txt" || fail "the transcript lacks: $text"
done
heard=$(ls "$work"/rec/*-dec.wav 2>/dev/null | head -1)
if [[ -z "$heard" ]]; then
  fail "baresip recorded nothing (no *-dec.wav in its snd_path)"
else
  stats=$(sox "$heard" -n stat 2>&1)
  length=$(awk '/^Length/ {print $3}' <<<"$stats")
  rms=$(awk '/^RMS +amplitude/ {print $3}' <<<"$stats")
  # The greeting and the confirmation are ~6 s of speech; the call lasts about as long.
  awk -v l="$length" 'BEGIN { exit !(l >= 4 && l <= 30) }' || fail "baresip heard $length s, expected 4-30 s"
  awk -v r="$rms" 'BEGIN { exit !(r > 0.01) }' || fail "baresip heard silence (RMS $rms)"
  echo "baresip heard $length s of audio, RMS $rms"
fi
if ((failures)); then
  echo "--- gomo stdout" >&2; cat "$work/out.txt" >&2
  echo "--- gomo stderr" >&2; cat "$work/err.txt" >&2
  echo "--- baresip" >&2; tail -30 "$work/baresip.log" >&2
  exit 1
fi
cat "$work/out.txt"
echo "baresip case passed"

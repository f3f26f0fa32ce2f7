#!/usr/bin/env bash
# The terminal softphone for real: gomo runs in a tmux pane, this script reads the screen and types
# keys as a person would (answer, press 1), then checks the transcript and the exit code.
# Usage: terminal_test.sh GOMO SOURCE_DIR. Needs tmux (scripts/setup.sh --with-test-tools installs it).
set -euo pipefail
gomo=$1
src=$2
if ! command -v tmux >/dev/null; then
  echo "tmux is not installed (apt-get install tmux)" >&2
  [[ "${GOMO_ALLOW_SKIP:-0}" == 1 ]] && exit 77
  exit 1
fi
work=$(mktemp -d)
session="gomo-terminal-test-$$"
sock="$work/tmux.sock"
cleanup() { tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Wait (at most 20 s) until the pane shows $1.
wait_for() {
  for _ in $(seq 1 200); do
    if tmux -S "$sock" capture-pane -p -t "$session" | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for: $1" >&2
  tmux -S "$sock" capture-pane -p -t "$session" >&2
  return 1
}

run_call() {  # $1: extra args; keys are sent by the caller
  tmux -S "$sock" new-session -d -s "$session" -x 160 -y 50 \
    "$gomo flow run $src/samples/flows/payment-reminder.json --interactive --speed 20 $1 > $work/out.txt; echo EXIT=\$? >> $work/out.txt; sleep 30"
}

finished() {
  for _ in $(seq 1 200); do
    grep -q '^EXIT=' "$work/out.txt" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "gomo did not finish" >&2
  tmux -S "$sock" capture-pane -p -t "$session" >&2
  return 1
}

# 1. Answer, hear the reminder, press 1: the confirmation branch, completed.
run_call ""
wait_for "Incoming call from +212500000000"
tmux -S "$sock" send-keys -t "$session" a
wait_for "press a key"
tmux -S "$sock" send-keys -t "$session" 1
finished
wait_for "call ended: hangup: completed"
grep -q "EXIT=0" "$work/out.txt"
grep -q "☎ pressed 1" "$work/out.txt"
grep -q "branches.1 -> play-confirmed" "$work/out.txt"
grep -q "outcome: completed" "$work/out.txt"
tmux -S "$sock" kill-session -t "$session"

# 2. Reject the call: the flow's default path (no onRejected output here) ends without hangup.
rm -f "$work/out.txt"
run_call ""
wait_for "Incoming call"
tmux -S "$sock" send-keys -t "$session" r
finished
grep -q "outcome: rejected" "$work/out.txt"
tmux -S "$sock" kill-session -t "$session"

# 3. Answer and hang up during the greeting.
rm -f "$work/out.txt"
run_call "--phone +212699999999"
wait_for "(+212699999999)"
tmux -S "$sock" send-keys -t "$session" a
wait_for "♪ [audio greeting-audio-id]"
tmux -S "$sock" send-keys -t "$session" h
finished
grep -q "callee hung up" "$work/out.txt"
grep -q "EXIT=1" "$work/out.txt"
tmux -S "$sock" kill-session -t "$session"

# 4. With --audio-dir, audioFile items are heard through the audio player (a stand-in that logs).
rm -f "$work/out.txt"
mkdir -p "$work/audio"
: > "$work/audio/greeting-audio-id.wav"
cat > "$work/player" <<PLAYER
#!/bin/sh
echo "\$@" >> "$work/played.log"
sleep 0.1
PLAYER
chmod +x "$work/player"
run_call "--audio-dir $work/audio --player $work/player"
wait_for "Incoming call"
tmux -S "$sock" send-keys -t "$session" a
wait_for "press a key"
tmux -S "$sock" send-keys -t "$session" 2
finished
grep -q "greeting-audio-id.wav" "$work/played.log"
! grep -q "callback-audio-id" "$work/played.log"   # no file for it: shown, not played
grep -q "outcome: completed" "$work/out.txt"
tmux -S "$sock" kill-session -t "$session"

# 5. Audio files gomo can decode are rendered: the player gets the whole prompt as one temporary WAV.
rm -f "$work/out.txt" "$work/played.log"
mkdir -p "$work/audio2"
python3 - "$work/audio2/greeting-audio-id.wav" <<'PY'
import math, struct, sys, wave
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000)
    w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / 16000))) for i in range(8000)))
PY
run_call "--audio-dir $work/audio2 --player $work/player"
wait_for "Incoming call"
tmux -S "$sock" send-keys -t "$session" a
wait_for "press a key"
tmux -S "$sock" send-keys -t "$session" 1
finished
grep -q "gomo-prompt-.*\.wav" "$work/played.log"
! grep -q "audio2/greeting-audio-id.wav" "$work/played.log"   # rendered, not handed over as it is
grep -q "outcome: completed" "$work/out.txt"
echo "terminal softphone: 5 calls OK"

#!/usr/bin/env bash
# Render benchmark (issue 17): `gomo flow render` runs per second and peak RSS, one process per render,
# on (1) the payment reminder with its three prompts as WAV files (decode + resample + write), (2) a flow
# of tts, number and date items in fr, ar and en (espeak-ng runs), and, as the peer, (3) espeak-ng alone
# speaking the same texts to a WAV. Usage: bench/render.sh [GOMO] [N]   (default build/gomo, N=50)
set -euo pipefail
cd "$(dirname "$0")/.."
gomo=${1:-build/gomo}
n=${2:-50}
[[ -x $gomo ]] || { echo "build gomo first (scripts/build.sh), or pass its path" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
command -v espeak-ng >/dev/null || { echo "needs espeak-ng: apt-get install espeak-ng" >&2; exit 2; }
out=bench/out/render
rm -rf "$out"
mkdir -p "$out/audio"
# Three prompts of 3.5, 2 and 2.5 s at 44.1 kHz stereo: what an upload from a studio looks like.
python3 - "$out/audio" <<'PY'
import math, struct, sys, wave
for name, secs in (("greeting-audio-id", 3.5), ("confirmed-audio-id", 2.0), ("callback-audio-id", 2.5)):
    with wave.open(f"{sys.argv[1]}/{name}.wav", "wb") as w:
        w.setnchannels(2); w.setsampwidth(2); w.setframerate(44100)
        frame = lambda i: struct.pack("<hh", *(2 * [int(9000 * math.sin(2 * math.pi * 440 * i / 44100))]))
        w.writeframes(b"".join(frame(i) for i in range(int(44100 * secs))))
PY
fr="Bonjour, votre facture arrive à échéance. Tapez 1 pour payer maintenant."
ar="مرحبا، فاتورتك مستحقة. اضغط 1 للدفع الآن."
en="Hello, your invoice is due. Press 1 to pay now."
cat >"$out/spoken.yaml" <<YAML
name: spoken
graph:
  startNodeId: dial
  nodes:
    - {id: dial, type: dial, outputs: {onAnswer: say}}
    - id: say
      type: play
      config:
        audioItems:
          - {type: tts, text: "$fr", language: fr}
          - {type: tts, text: "$ar", language: ar}
          - {type: tts, text: "$en", language: en}
          - {type: number, value: 1250, language: fr}
          - {type: date, value: "2026-03-21", language: en}
      outputs: {onComplete: bye}
    - {id: bye, type: hangup}
YAML

# Runs "$@" n times; prints runs/s (wall) and the highest peak RSS.
measure() {
  local label=$1 rss=0 start end r
  shift
  start=$(date +%s.%N)
  for _ in $(seq "$n"); do
    /usr/bin/time -o "$out/time.txt" -f "%M" "$@" >/dev/null 2>&1
    r=$(tail -1 "$out/time.txt")
    ((r > rss)) && rss=$r
  done
  end=$(date +%s.%N)
  python3 -c "w=$end-$start; print(f'%-46s %6d %9.2f %10.1f %8d MB' % ('$label', $n, w, $n/w, $rss//1024))"
}
printf '%-46s %6s %9s %10s %11s\n' what runs wall-s runs/s peak-RSS
measure "flow render payment-reminder (3 WAV prompts)" \
  "$gomo" flow render samples/flows/payment-reminder.json --press 1 --audio-dir "$out/audio" -O "$out/call.wav"
measure "flow render spoken (3 tts + number + date)" "$gomo" flow render "$out/spoken.yaml" -O "$out/spoken.wav"
measure "espeak-ng alone (fr text to WAV)" espeak-ng -v fr-fr -w "$out/espeak.wav" "$fr"
measure "espeak-ng alone (the 5 texts, 5 runs)" sh -c "espeak-ng -v fr-fr --stdout '$fr' >/dev/null &&
  espeak-ng -v ar --stdout '$ar' >/dev/null && espeak-ng -v en-us --stdout '$en' >/dev/null &&
  espeak-ng -v fr-fr --stdout 'mille deux cent cinquante' >/dev/null &&
  espeak-ng -v en-us --stdout 'March twenty-first two thousand twenty six' >/dev/null"
"$gomo" flow render "$out/spoken.yaml" -O "$out/spoken.wav" -o json |
  python3 -c 'import json,sys; j=json.load(sys.stdin); print("(spoken.wav: %.1f s of sound)" % (j["durationMs"] / 1000))'

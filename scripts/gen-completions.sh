#!/usr/bin/env bash
# Regenerates the committed shell completions (completions/) from a built gomo; run it after adding or
# changing commands or flags (the cli test "committed completion scripts" fails until you do).
# Usage: scripts/gen-completions.sh [GOMO_BINARY]   (default: build/gomo)
set -euo pipefail
cd "$(dirname "$0")/.."
gomo=${1:-build/gomo}
if [[ ! -x "$gomo" ]]; then
  echo "gen-completions: no gomo binary at $gomo; build first (scripts/build.sh) or pass its path" >&2
  exit 2
fi
mkdir -p completions
for pair in bash:gomo.bash zsh:_gomo fish:gomo.fish; do
  shell=${pair%%:*} file=completions/${pair#*:}
  "$gomo" completion "$shell" >"$file.tmp"
  mv "$file.tmp" "$file"
  echo "wrote $file" >&2
done

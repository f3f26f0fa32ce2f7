#!/usr/bin/env bash
# Fails when a C++ file of the repository differs from what clang-format makes of it (.clang-format).
# Usage: scripts/check-format.sh [--fix]   (--fix rewrites the files in place)
# Pinned to Debian bookworm's clang-format 14: other versions format a few constructs differently.
set -euo pipefail
cd "$(dirname "$0")/.."
cf=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z "$cf" ]]; then echo "check-format: clang-format not found (Debian package clang-format)" >&2; exit 2; fi
mapfile -t files < <(git ls-files '*.cc' '*.h' '*.cc.in' '*.h.in')
if [[ "${1:-}" == "--fix" ]]; then "$cf" -i --style=file "${files[@]}"; exit 0; fi
if ! "$cf" --dry-run -Werror --style=file "${files[@]}" 2>/tmp/check-format.$$; then
  head -40 /tmp/check-format.$$ >&2
  echo "check-format: $(grep -c 'error:' /tmp/check-format.$$) places differ from .clang-format; run scripts/check-format.sh --fix" >&2
  rm -f /tmp/check-format.$$
  exit 1
fi
rm -f /tmp/check-format.$$
echo "check-format: ${#files[@]} files match .clang-format" >&2

#!/usr/bin/env bash
# Runs the README's walk-through as written: the ```sh blocks between <!-- walkthrough:begin --> and
# <!-- walkthrough:end -->, in order, as one `bash -e` script, from the source root, with the built gomo
# first on PATH, mktemp's folders in a scratch TMPDIR and none of the user's config, keys or GOMO_*
# variables. Then checks that every line of the ```text blocks there is a line gomo printed (`1a2b…9f0e`
# stands for any id, `…` for any text, an ISO time for any time, runs of spaces for any blanks: tables
# are tab-separated when piped), and what the workspace holds at the end.
# Usage: walkthrough_test.sh GOMO_BINARY SOURCE_DIR. Exit 0 pass, 1 fail.
set -euo pipefail
gomo_bin=$(realpath "${1:?usage: walkthrough_test.sh GOMO_BINARY SOURCE_DIR}")
source_dir=$(cd "${2:?usage: walkthrough_test.sh GOMO_BINARY SOURCE_DIR}" && pwd)
export LC_ALL=C  # byte-wise sed and grep: the README's … and → are matched as bytes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/tmp" "$work/home"
ln -s "$gomo_bin" "$work/bin/gomo"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The walk-through's code (```sh) and output (```text) blocks.
section=$(awk '/<!-- walkthrough:end -->/ { on = 0 } on { print } /<!-- walkthrough:begin -->/ { on = 1 }' \
  "$source_dir/README.md")
[[ -n $section ]] || fail "README.md has no <!-- walkthrough:begin --> ... <!-- walkthrough:end --> section"
blocks() { awk -v lang="$1" '/^```/ { if (on) { on = 0; next } if ($0 == "```" lang) { on = 1; next } } on'; }
blocks sh <<<"$section" >"$work/walkthrough.sh"
blocks text <<<"$section" >"$work/expected.txt"
commands=$(grep -c '^gomo ' "$work/walkthrough.sh" || true)
[[ $commands -ge 15 ]] || fail "expected at least 15 gomo commands in the walk-through, found $commands"

# As a user with a fresh clone would run it: bash -e stops at the first command that fails.
set +e
(cd "$source_dir" && env -i PATH="$work/bin:/usr/local/bin:/usr/bin:/bin" HOME="$work/home" \
  XDG_CONFIG_HOME="$work/home/.config" TMPDIR="$work/tmp" LANG=C.UTF-8 \
  timeout 120 bash -e "$work/walkthrough.sh" >"$work/out" 2>"$work/err")
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
  echo "--- stdout" >&2 && cat "$work/out" >&2
  echo "--- stderr" >&2 && cat "$work/err" >&2
  fail "the walk-through exited $rc (124: it took over 120 s)"
fi
cat "$work/out" "$work/err" >"$work/printed"

# Each documented output line, as a whole-line pattern.
missing=0
while IFS= read -r line; do
  [[ -z $line ]] && continue
  pattern=$(printf '%s\n' "$line" | sed -E \
    -e 's/[0-9a-f]{4}…[0-9a-f]{4}/\x01/g' \
    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z/\x02/g' \
    -e 's/…/\x03/g' \
    -e 's/[][\.*^$(){}+?|]/\\&/g' \
    -e 's/ +/[[:space:]]+/g' \
    -e 's/\x01/[0-9a-f-]{36}/g; s/\x02/[0-9]{4}-[0-9T:.-]+Z/g; s/\x03/.*/g')
  if ! grep -Eqx -- "$pattern" "$work/printed"; then
    echo "FAIL: the README shows a line gomo did not print: $line" >&2
    missing=$((missing + 1))
  fi
done <"$work/expected.txt"
if [[ $missing -gt 0 ]]; then
  echo "--- what gomo printed" >&2 && cat "$work/printed" >&2
  exit 1
fi

# The workspace the walk-through made: two executions, the first cancelled, the last run to the end by
# the dialer; the program applied once.
workspace=$(find "$work/tmp" -path '*/.gomo/workspace.db' | head -n 1)
[[ -n $workspace ]] || fail "the walk-through made no .gomo/workspace.db under its mktemp folder"
executions=$(env -i PATH=/usr/bin:/bin HOME="$work/home" "$gomo_bin" execution list "Payment reminders" \
  --workspace "$workspace" -o json)
[[ $(grep -c '"id":' <<<"$executions") -eq 2 ]] || fail "expected two executions, got: $executions"
grep -q '"status": "cancelled"' <<<"$executions" || fail "expected an execution cancelled, got: $executions"
grep -q '"status": "completed"' <<<"$executions" || fail "expected an execution completed, got: $executions"
programs=$(env -i PATH=/usr/bin:/bin HOME="$work/home" "$gomo_bin" program list --workspace "$workspace" -q)
[[ $(wc -l <<<"$programs") -eq 1 ]] || fail "expected one program, got: $programs"
echo "PASS: the README walk-through ($commands gomo commands, $(grep -c . "$work/expected.txt") output lines checked)"

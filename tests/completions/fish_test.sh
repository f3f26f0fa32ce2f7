#!/usr/bin/env bash
# Loads completions/gomo.fish into a clean fish (--no-config) and checks `complete -C` for typical lines.
# Usage: fish_test.sh COMPLETIONS_DIR. Exit 0 pass, 1 fail, 77 skipped (fish missing and GOMO_ALLOW_SKIP=1).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=$(cd "${1:?usage: fish_test.sh COMPLETIONS_DIR}" && pwd)
if ! command -v fish >/dev/null; then
  if [[ "${GOMO_ALLOW_SKIP:-0}" == 1 ]]; then echo "SKIP: fish is not installed" >&2; exit 77; fi
  echo "FAIL: fish is not installed (scripts/setup.sh --with-test-tools installs it)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/flows dir" "$work/home"
touch "$work/flows dir/a flow.yaml"
cd "$work"
failures=0

# Candidates fish offers for LINE (cursor at the end), without descriptions, sorted.
candidates() {
  HOME="$work/home" XDG_CONFIG_HOME="$work/home" XDG_DATA_HOME="$work/home" \
    fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$dir/gomo.fish" "$1" | cut -f1 | LC_ALL=C sort || true
}

source "$here/expect.sh"

expect "gomo fl" flow
expect "gomo flow v" validate
expect "gomo flow validate --form" --format
expect "gomo flow validate --format s" sarif
expect "gomo flow validate --format " github json junit sarif text
expect "gomo flow validate --format=j" --format=json --format=junit
expect "gomo flow validate --target " gomobile local
expect "gomo completion " bash fish zsh
expect_some "gomo " flow help completion
expect_some "gomo help " exit-codes rules config formats flow completion
expect_some "gomo flow validate --" --format --strict --ignore --config --help --output --color --quiet
expect "gomo flow validate --color a" always auto
expect "gomo flow validate -o " json table text yaml
expect "gomo -o json fl" flow
expect "gomo flow -q validate --target local --form" --format
expect_some "gomo flow validate --ignore unknown-t" unknown-target
# Paths where a command takes them, and nowhere else.
expect "gomo flow validate flows" "flows dir/"
expect "gomo flow validate flows\\ dir/a" "flows dir/a flow.yaml"
expect "gomo flow validate --config flows" "flows dir/"
expect "gomo flo" flow
expect "gomo flow validate --jobs " 
exit $((failures > 0))

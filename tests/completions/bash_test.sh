#!/usr/bin/env bash
# Loads completions/gomo.bash into a clean bash (no rc files, no bash-completion package) and checks the
# candidates its completion function gives for typical command lines, as bash would call it.
# Usage: bash_test.sh COMPLETIONS_DIR. Exit 0 pass, 1 fail, 77 skipped (bash missing and GOMO_ALLOW_SKIP=1).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=$(cd "${1:?usage: bash_test.sh COMPLETIONS_DIR}" && pwd)
if ! command -v bash >/dev/null; then
  if [[ "${GOMO_ALLOW_SKIP:-0}" == 1 ]]; then echo "SKIP: bash is not installed" >&2; exit 77; fi
  echo "FAIL: bash is not installed (scripts/setup.sh --with-test-tools installs it)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/flows dir"
touch "$work/flows dir/a flow.yaml" "$work/flows dir/b.json"

cd "$work"
GOMO_EXPECT="$here/expect.sh" GOMO_COMPLETION="$dir/gomo.bash" bash --norc --noprofile <<'EOF'
set -u
failures=0
source "$GOMO_COMPLETION"

registered=$(complete -p gomo 2>&1)
if [[ $registered != "complete -F _gomo gomo" ]]; then
  echo "FAIL: complete -p gomo printed: $registered" >&2
  failures=$((failures + 1))
fi

# Candidates for a command line with the cursor at its end, sorted, one line each. Words are split as
# bash splits them (COMP_WORDBREAKS includes '='), so `--color=a` is `--color` `=` `a`.
candidates() {
  local line=$1
  local -a words=()
  # An escaped space (`a\ b`) stays inside its word, backslash included, as in COMP_WORDS.
  local escaped=${line//\\ /$'\x01'}
  read -ra words <<<"${escaped//=/ = }"
  words=("${words[@]//$'\x01'/\\ }")
  [[ $line == *" " || $line == *"=" ]] && words+=("")
  [[ $line == *"=" ]] && unset 'words[${#words[@]}-1]' && words+=("=")
  COMP_WORDS=("${words[@]}")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE=$line
  COMP_POINT=${#line}
  COMPREPLY=()
  _gomo gomo "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
  printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
}

source "$GOMO_EXPECT"

expect "gomo fl" flow
expect "gomo flow v" validate
expect "gomo flow validate --form" --format
expect "gomo flow validate --format s" sarif
expect "gomo flow validate --format " github json junit sarif text
expect "gomo flow validate --format=j" json junit
expect "gomo flow validate --target " gomobile local
expect "gomo completion " bash fish zsh
expect_some "gomo " flow help completion
expect_some "gomo help " exit-codes rules config formats flow completion
expect_some "gomo flow validate --" --format --strict --ignore --config --help --output --color --quiet
# Global flags keep working after subcommands, values included.
expect "gomo flow validate --color a" always auto
expect "gomo flow validate -o " json table text yaml
expect "gomo flow -q validate --format=sarif --target local --form" --format
# Subcommand found after a global option and its value.
expect "gomo -o json fl" flow
expect_some "gomo flow validate --ignore unknown-t" unknown-target
# Paths: files (names with spaces kept whole) and directories.
expect "gomo flow validate flows" "flows dir"
expect "gomo flow validate flows\\ dir/a" "flows dir/a flow.yaml"
expect "gomo flow validate x.yaml flows" "flows dir"
expect "gomo flow validate --config flows" "flows dir"
# Numbers: nothing offered, in particular no file names.
expect "gomo flow validate --jobs " ""
exit $((failures > 0))
EOF

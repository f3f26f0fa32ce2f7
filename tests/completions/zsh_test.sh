#!/usr/bin/env bash
# Loads completions/_gomo the way users do (fpath + compinit in a clean `zsh -f`), checks it is registered,
# then types command lines into an interactive zsh on a pseudo-terminal (zsh/zpty), presses TAB and
# collects every candidate the completion system offers.
# Usage: zsh_test.sh COMPLETIONS_DIR. Exit 0 pass, 1 fail, 77 skipped (zsh missing and GOMO_ALLOW_SKIP=1).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=$(cd "${1:?usage: zsh_test.sh COMPLETIONS_DIR}" && pwd)
if ! command -v zsh >/dev/null; then
  if [[ "${GOMO_ALLOW_SKIP:-0}" == 1 ]]; then echo "SKIP: zsh is not installed" >&2; exit 77; fi
  echo "FAIL: zsh is not installed (scripts/setup.sh --with-test-tools installs it)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/flows dir"
touch "$work/flows dir/a flow.yaml"

registered=$(cd "$work" && zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -D; print -r -- "$_comps[gomo]"' zsh "$dir")
if [[ $registered != "_gomo" ]]; then
  echo "FAIL: after compinit, \$_comps[gomo] is '$registered', expected _gomo" >&2
  exit 1
fi

# The other documented way: sourced after compinit (source <(gomo completion zsh)).
sourced=$(cd "$work" && zsh -f -c 'autoload -U compinit; compinit -u -D; source "$1/_gomo"; print -r -- "$_comps[gomo]"' zsh "$dir")
if [[ $sourced != "_gomo" ]]; then
  echo "FAIL: after sourcing _gomo, \$_comps[gomo] is '$sourced', expected _gomo" >&2
  exit 1
fi

# Set-up for the interactive zsh: load the completion, then make every compadd also print its matches
# (between markers) and end the shell once a completion has run.
cat >"$work/init.zsh" <<EOF
PS1='' RPS1='' PS2=''
fpath=("$dir" \$fpath)
autoload -U compinit
compinit -u -D
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
EOF
cat >>"$work/init.zsh" <<'EOF'
compadd() {
  # Calls that only ask for matches (-O, -A, -D) are not offers.
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return $?
  fi
  local -a found
  builtin compadd -A found "$@"
  local ret=$?
  local match
  for match in $found; do builtin print -r -- "<candidate>$match</candidate>"; done
  builtin compadd "$@"
  return ret
}
gomo_test_finish() {
  builtin print -r -- "<completion-done>"
  builtin exit
}
comppostfuncs=(gomo_test_finish)
EOF

# Candidates zsh offers for LINE (cursor at the end), sorted, one a line.
candidates() {
  GOMO_LINE=$1 GOMO_INIT="$work/init.zsh" GOMO_WORK=$work timeout 30 zsh -f -c '
    zmodload zsh/zpty
    zpty gomo_shell "cd ${(q)GOMO_WORK} && zsh -f -i"
    zpty -w gomo_shell "source ${(q)GOMO_INIT}"
    zpty -w -n gomo_shell "$GOMO_LINE"$'"'"'\t'"'"'
    local out
    zpty -r -m gomo_shell out "*<completion-done>*"
    zpty -d gomo_shell
    print -r -- "$out"
  ' | tr -d '\r' | { grep -o '<candidate>.*</candidate>' || true; } | sed 's/<candidate>\(.*\)<\/candidate>/\1/' | LC_ALL=C sort -u
}

failures=0
source "$here/expect.sh"

expect "gomo fl" flow
expect "gomo flow v" validate
expect "gomo flow validate --form" --format
expect "gomo flow validate --format s" sarif
expect "gomo flow validate --format " github json junit sarif text
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
# Paths, quoted as zsh inserts them.
expect "gomo flow validate flows" 'flows\ dir'
expect "gomo flow validate flows\\ dir/a" 'a\ flow.yaml'
expect "gomo flow validate --config flows" 'flows\ dir'
expect "gomo flow validate --jobs "
exit $((failures > 0))

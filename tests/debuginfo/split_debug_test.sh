#!/usr/bin/env bash
# The gomo binary carries no debug information; it is in gomo.debug beside it (cli/CMakeLists.txt), which
# the binary names in its .gnu_debuglink section and which has the same build id, so gdb finds it.
# Usage: split_debug_test.sh GOMO_BINARY
set -euo pipefail
gomo=$(realpath "$1")
debug=$gomo.debug
fail() { echo "split_debug_test: $*" >&2; exit 1; }

[[ -f $debug ]] || fail "no $debug beside the binary"
if [[ $(readelf -S --wide "$gomo") == *' .debug_info '* ]]; then fail "$gomo still has .debug_info"; fi
[[ $(readelf -S --wide "$debug" 2>/dev/null) == *' .debug_info '* ]] || fail "$debug has no .debug_info"
link=$(readelf -p .gnu_debuglink "$gomo" 2>/dev/null | sed -n 's/^ *\[ *0\] *//p')
[[ $link == "$(basename "$debug")" ]] || fail ".gnu_debuglink names '$link', expected $(basename "$debug")"
id_of() { readelf -n "$1" 2>/dev/null | sed -n 's/^ *Build ID: *//p'; }
[[ -n $(id_of "$gomo") && $(id_of "$gomo") == "$(id_of "$debug")" ]] || fail "build ids differ"
size=$(stat -c %s "$gomo")
((size < 30 * 1024 * 1024)) || fail "$gomo is $size bytes"
# It still runs, with its symbol table (backtraces) intact.
"$gomo" --version >/dev/null || fail "$gomo --version failed"
[[ $(nm "$gomo") == *' T main'$'\n'* ]] || fail "$gomo lost its symbol table"
# gdb, where installed, reads the line table through the debuglink.
if command -v gdb >/dev/null; then
  out=$(cd / && gdb -nx -batch -ex 'info line main' "$gomo" 2>&1)
  [[ $out == *'Line '*'main.cc'* ]] || fail "gdb found no line for main: $out"
fi
echo "split debug: $gomo $size bytes, $debug $(stat -c %s "$debug") bytes"

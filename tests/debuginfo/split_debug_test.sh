#!/usr/bin/env bash
# The gomo binary carries no debug information; it is in gomo.debug beside it (cli/CMakeLists.txt), which
# the binary names in its .gnu_debuglink section and which has the same build id, so gdb finds it.
# The network module (lib/ext), embedded stripped and loaded from memory, keeps its debug information in
# gomo-ext.debug beside the binary and under its build id in .build-id/ there, where gdb's
# debug-file-directory and perf look (lib/ext/keep_debug.cmake).
# Usage: split_debug_test.sh GOMO_BINARY [STRIPPED_MODULE]
set -euo pipefail
gomo=$(realpath "$1")
module=${2:-}
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
if [[ -n $module ]]; then
  dir=$(dirname "$gomo")
  module_debug=$dir/gomo-ext.debug
  [[ -f $module_debug ]] || fail "no $module_debug beside the binary"
  if [[ $(readelf -S --wide "$module") == *' .debug_info '* ]]; then fail "$module still has .debug_info"; fi
  [[ $(readelf -S --wide "$module_debug") == *' .debug_info '* ]] || fail "$module_debug has no .debug_info"
  id=$(id_of "$module")
  [[ -n $id && $id == "$(id_of "$module_debug")" ]] || fail "the module's build ids differ"
  by_id=$dir/.build-id/${id:0:2}/${id:2}.debug
  cmp -s "$by_id" "$module_debug" || fail "no copy of $module_debug at $by_id"
  link=$(readelf -p .gnu_debuglink "$module" 2>/dev/null | sed -n 's/^ *\[ *0\] *//p')
  [[ $link == gomo-ext.debug ]] || fail "the module's .gnu_debuglink names '$link'"
  if command -v gdb >/dev/null; then
    out=$(cd / && gdb -nx -batch -iex "set debug-file-directory $dir" -ex 'info line gomo_ext_abi_v6' "$module" 2>&1)
    [[ $out == *'Line '*'module.cc'* ]] || fail "gdb found no line for gomo_ext_abi_v6 by build id: $out"
  fi
fi
echo "split debug: $gomo $size bytes, $debug $(stat -c %s "$debug") bytes"

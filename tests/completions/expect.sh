# The checks the completion tests share; sourced after the test defines `candidates LINE` (the sorted
# candidates its shell offers for LINE, one a line) and sets failures=0.

# expect LINE EXACT-CANDIDATES...: the completion offers exactly these.
expect() {
  local line=$1 got want
  shift
  got=$(candidates "$line")
  want=$(if (($#)); then printf '%s\n' "$@"; fi | LC_ALL=C sort)
  if [[ $got != "$want" ]]; then
    echo "FAIL: '$line' completed to [${got//$'\n'/, }], expected [${want//$'\n'/, }]" >&2
    failures=$((failures + 1))
  fi
}

# expect_some LINE CANDIDATES...: the completion offers at least these (lists that grow with new commands).
expect_some() {
  local line=$1 got
  shift
  got=$(candidates "$line")
  for want in "$@"; do
    if ! grep -qxF -- "$want" <<<"$got"; then
      echo "FAIL: '$line' completed to [${got//$'\n'/, }], missing $want" >&2
      failures=$((failures + 1))
    fi
  done
}

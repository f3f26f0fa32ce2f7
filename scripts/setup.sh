#!/usr/bin/env bash
# Installs the Debian packages gomo needs to build (README command 1) and, with --with-test-tools, to
# build and run the test suite (command 2); only those missing. Nothing the gomo binary needs may be in
# test_pkgs alone: .ci/run builds gomo with the test-only packages made unfindable to keep that true.
# Usage: scripts/setup.sh [--with-test-tools]
set -euo pipefail

# libre-dev: the SIP stack of gomo flow run --softphone (lib/sip; BSD, baresip's libre 1.x).
# libhowardhinnant-date-dev: date/tz (lib/ext/time_zone_db.cc, inside the network module), built by Debian
# to read the system's zone files; tzdata: those files (/usr/share/zoneinfo), which slim Debian images
# leave out. libsndfile1-dev: audio files to 8 kHz (lib/audio: flow render, the terminal softphone).
build_pkgs=(
  build-essential cmake ninja-build ccache pkg-config
  libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libyaml-dev librang-dev
  libsqlite3-dev libcurl4-openssl-dev libcpp-httplib-dev libphonenumber-dev zlib1g-dev
  libre2-dev libprotobuf-dev
  libhowardhinnant-date-dev tzdata libsndfile1-dev
  libre-dev
)
# The test framework, and tools the test suite drives for real: shells for completions, a JSON-Schema
# validator, Graphviz; clang and its libFuzzer runtime (which clang only recommends) for the fuzz stage
# (scripts/fuzz.sh, tests/fuzz); espeak-ng, the speech `gomo flow render` runs as a program (gomo says
# which package to install when it is missing; the tests of lib/audio and flow render speak with it);
# SIPp (sip-tester) and baresip, the SIP callees of tests/sip, sox, which makes and measures their audio, and iproute2 (ss: when baresip listens).
test_pkgs=(doctest-dev bash zsh fish libvalijson-dev graphviz tmux python3 wrk clang-format clang libclang-rt-14-dev
  espeak-ng sip-tester baresip-core sox iproute2)

want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--with-test-tools" ]]; then want+=("${test_pkgs[@]}"); fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "gomo setup: installing ${missing[*]}" >&2
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "gomo setup: all packages present" >&2
fi

# npm test tools (tests/tools/package.json, pinned by its lock file): the SARIF 2.1.0 schema that
# lib/report/sarif_test.cc validates against. Reinstalled only when the lock file changed.
if [[ "${1:-}" == "--with-test-tools" ]]; then
  if ! command -v npm >/dev/null; then
    SUDO=""
    if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  tools="$(cd "$(dirname "$0")/.." && pwd)/tests/tools"
  if ! cmp -s "$tools/package-lock.json" "$tools/node_modules/.gomo-installed-lock.json"; then
    echo "gomo setup: npm ci in tests/tools" >&2
    (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$tools/package-lock.json" "$tools/node_modules/.gomo-installed-lock.json"
  fi
fi

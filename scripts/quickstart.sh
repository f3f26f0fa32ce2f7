#!/usr/bin/env bash
# README command 1: install what gomo needs, build it, and run its main job on the bundled samples
# (no account, no network): validate every sample flow and show what gomo finds in the broken ones.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
echo
echo "== gomo flow validate samples/flows/payment-reminder.json (a correct flow)"
./build/gomo flow validate samples/flows/payment-reminder.json
echo
echo "== gomo flow validate samples/flows (every sample; some are broken on purpose)"
set +e
./build/gomo flow validate samples/flows
rc=$?
set -e
echo
echo "exit code $rc (0 clean, 1 findings, 2 unreadable input): see 'gomo help exit-codes'"
echo "gomo is at ./build/gomo"

#!/usr/bin/env bash
# README command 1: install what gomo needs, build it, and run its main job on the bundled samples
# (no account, no network): validate every sample flow and show what gomo finds in the broken ones.
#
# It builds gomo alone: the test suite's packages (doctest, valijson) come with README command 2
# (scripts/test.sh), which turns the tests on in the same build/ (a build/ that already has them keeps them).
# `--build-only DIR` installs and builds into DIR and stops there (.ci/run uses it to build gomo with the
# test-only packages made unfindable).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build
build_only=0
if [[ "${1:-}" == "--build-only" ]]; then
  build_only=1
  dir=${2:?usage: scripts/quickstart.sh [--build-only DIR]}
fi
tests=OFF
if grep -qsE '^GOMO_TESTS:[A-Z]+=ON$' "$dir/CMakeCache.txt"; then tests=ON; fi
scripts/setup.sh
scripts/build.sh "$dir" -DGOMO_TESTS=$tests
if ((build_only)); then
  echo "gomo built at $dir/gomo"
  exit 0
fi
echo
echo "== gomo flow validate samples/flows/payment-reminder.json (a correct flow)"
./build/gomo flow validate samples/flows/payment-reminder.json
echo
echo "== gomo flow validate samples/flows (every sample; some are broken on purpose)"
set +e
./build/gomo flow validate samples/flows
rc=$?
set -e
echo "exit code $rc (0 clean, 1 findings, 2 unreadable input): see 'gomo help exit-codes'"
echo
echo "== gomo flow run samples/flows/payment-reminder.json --press 1 (one simulated call, virtual time)"
./build/gomo flow run samples/flows/payment-reminder.json --press 1
echo
echo "== gomo flow test samples/tests (flow unit tests with coverage)"
./build/gomo flow test samples/tests
echo
echo "== gomo serve: the local platform over HTTP (no account, no network), and gomo as its client"
work=$(mktemp -d)
key=$(./build/gomo serve --init --workspace "$work/workspace.db")
./build/gomo serve --workspace "$work/workspace.db" --listen 127.0.0.1:18471 -q &
serve_pid=$!
trap 'kill $serve_pid 2>/dev/null; rm -rf "$work"' EXIT
export QS_KEY=$key
for _ in $(seq 1 50); do ./build/gomo contacts list --base-url http://127.0.0.1:18471/api --api-key-env QS_KEY >/dev/null 2>&1 && break; sleep 0.1; done
api=(--base-url http://127.0.0.1:18471/api --api-key-env QS_KEY)
./build/gomo contacts create --phone "0612345678" --first-name Amina --city Rabat "${api[@]}" >/dev/null
echo "== gomo contacts upsert samples/contacts/crm-export.csv (a CRM export: ';', accents, Arabic, two bad rows)"
XDG_STATE_HOME="$work/state" ./build/gomo contacts upsert samples/contacts/crm-export.csv --attributes Solde --attribute-type Solde=number \
  --create-attributes --rejects "$work/rejects.csv" --max-rejects 50% "${api[@]}"
./build/gomo audiences create --name "Payment reminders" "${api[@]}" >/dev/null
./build/gomo audiences add "Payment reminders" "+212612345678" "${api[@]}" >/dev/null
./build/gomo flow push samples/flows/payment-reminder.json "${api[@]}" >/dev/null
./build/gomo contacts list "${api[@]}"
./build/gomo audiences list "${api[@]}"
./build/gomo flow diff samples/flows/payment-reminder.json "${api[@]}"
echo
echo "gomo is at ./build/gomo (gomo help for everything it does)"

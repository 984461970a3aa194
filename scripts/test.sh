#!/usr/bin/env bash
# npm test: type check, unit tests, a production build of both locales, then end-to-end tests in
# headless Chromium against that build. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
passed=0
failed=0

run_step() { # name, command...
  local name=$1
  shift
  echo "== $name"
  if "$@" 2>&1 | tee -a "$out"; then return 0; fi
  echo "== $name FAILED"
  return 1
}
count() { # a single pass/fail for steps that are not node:test runs
  if [ "$1" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

bash scripts/ensure-system-deps.sh || exit 1

run_step "type check" npx tsc; count $?
run_step "unit tests" npm run -s test:unit
run_step "build (en + zh-Hans)" npm run -s build; build=$?; count $build
# The same site under a sub-path (GUIDE_BASE_URL=/cilium-guide/): its own broken-link checks, then
# tests/e2e/subpath.test.ts serves it.
run_step "build under /cilium-guide/ (en + zh-Hans)" npm run -s build:subpath; count $?
if [ "$build" -eq 0 ]; then
  run_step "end-to-end tests (Chromium)" npm run -s test:e2e
else
  echo "== end-to-end tests skipped: the build failed"
  failed=$((failed + 1))
fi

# node:test's spec reporter ends each run with "ℹ pass N" and "ℹ fail N".
passed=$((passed + $(grep -aE '^ℹ pass [0-9]+' "$out" | awk '{s += $3} END {print s + 0}')))
failed=$((failed + $(grep -aE '^ℹ fail [0-9]+' "$out" | awk '{s += $3} END {print s + 0}')))
rm -f "$out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the solution, runs xunit against real vcsim instances.
# Exits non-zero when any test fails, and ends with one line: "tests: N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

bash scripts/bootstrap.sh || exit 1
# The MCP clients people use (TypeScript SDK, MCP Inspector on a Node 22 from npm) and redocly, pinned by
# tests/conformance/package-lock.json; the conformance tests fail, never skip, without them.
(cd tests/conformance && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || { echo "tests: 0 passed, 1 failed (npm ci in tests/conformance failed)"; exit 1; }
dotnet build VmwareMcp.sln -c Release -warnaserror 2>&1 | tail -n 3
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "tests: 0 passed, 1 failed (build failed)"; exit 1; }
# The house style (.editorconfig): a change that leaves code unformatted fails here, as it would in review.
dotnet format VmwareMcp.sln --verify-no-changes --no-restore -v q || { echo "tests: 0 passed, 1 failed (dotnet format --verify-no-changes: run dotnet format)"; exit 1; }

# The release tests read the tarballs from artifacts/release; built here, so no test publishes while others run.
bash scripts/release.sh "$root/artifacts/release" > /dev/null || { echo "tests: 0 passed, 1 failed (scripts/release.sh failed)"; exit 1; }

log="$root/artifacts/test-output.txt"
mkdir -p "$root/artifacts"
dotnet test VmwareMcp.sln -c Release --no-build --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test's closing block: "Total tests: N", then "Passed: N", "Failed: N", "Skipped: N" as present.
count() { sed -nE "s/^ *$1: *([0-9]+) *$/\1/p" "$log" | tail -n 1; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
grep -qE "^Total tests: [0-9]+" "$log" || passed=""
# xunit reports an exception in a fixture's cleanup (where several suites assert, e.g. no secret in any log)
# as "Test Class Cleanup Failure" without counting it as a failed test: count it here.
cleanup=$(grep -cE "\[Test (Class|Collection|Assembly) Cleanup Failure" "$log")
failed=$(( ${failed:-0} + cleanup ))
if [ -z "$passed" ]; then
  echo "tests: 0 passed, 1 failed (no test summary: the test run did not complete)"
  exit 1
fi
echo "tests: ${passed} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -ne 0 ] || [ "${failed:-0}" -ne 0 ]; then
  echo "dotnet test exited $status; see $log" >&2
  exit 1
fi
if [ "${passed}" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
